package org.annft.report;

import static org.annft.table.ResultTables.INIT_NTK;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;

/**
 * The NTK's fluctuations at initialization against the aspect ratio, from {@code init_ntk}: the
 * relative variance var(H)/E[H]^2 of the NTK of layer l's first neuron at the first input, against
 * r = l / n on log axes, one series per layer (fixed depth, varying width), one panel per
 * (activation, C_W, C_b, rates). Beside each layer's points, in its colour, the leading-order
 * prediction {@code relative_variance_theory} = (A + 2B) / (n Theta^2) (docs/theory.md, "NTK
 * variance"), a line of slope 1 at fixed depth. The caption says how many points at r &lt;= 0.1
 * lie within 3 standard errors of it, and by how much the points above exceed it.
 */
public final class NtkFluctuations implements FigureFamily {

    public static final int PANEL_WIDTH = 560;
    public static final int PANEL_HEIGHT = 460;
    /** Up to this aspect ratio the leading order in 1/n is expected to hold within the ensembles' errors. */
    static final double SMALL_R = 0.1;

    /** One measured point and its prediction. */
    record Point(int layer, int width, double r, double relativeVariance, double se, double theory) {

        /** (measured - theory) / SE. */
        double deviation() {
            return (relativeVariance - theory) / se;
        }
    }

    /** How the points of one panel agree with the theory. */
    record Agreement(int small, int within, double meanAbsoluteDeviation, Point largestRatio) {

        static Agreement of(List<Point> points) {
            int small = 0;
            int within = 0;
            double sum = 0;
            Point largest = null;
            for (Point p : points) {
                if (p.r() <= SMALL_R) {
                    small++;
                    within += Math.abs(p.deviation()) < 3 ? 1 : 0;
                    sum += Math.abs(p.deviation());
                } else if (largest == null
                        || p.relativeVariance() / p.theory() > largest.relativeVariance() / largest.theory()) {
                    largest = p;
                }
            }
            return new Agreement(small, within, small == 0 ? Double.NaN : sum / small, largest);
        }

        String describe() {
            String out = String.format(Locale.ROOT, "at r <= %s %d of %d points within 3 standard errors "
                    + "(mean |deviation| %.2f SE)", Labels.number(SMALL_R), within, small, meanAbsoluteDeviation);
            if (largestRatio != null) {
                out += String.format(Locale.ROOT, "; above, up to %.2f times the theory (l = %d, n = %d)",
                        largestRatio.relativeVariance() / largestRatio.theory(), largestRatio.layer(), largestRatio.width());
            }
            return out;
        }
    }

    @Override
    public String heading() {
        return "NTK fluctuations at initialization against the aspect ratio";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.INIT_NTK);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        List<Row> rows = Rows.collectSorted(source.read(ResultTables.INIT_NTK)
                .where("input_a = 0 AND input_b = 0 AND layer > 1 AND relative_variance IS NOT NULL AND relative_variance_se > 0"
                        + " AND relative_variance_theory > 0"),
                INIT_NTK.col("activation"), INIT_NTK.col("c_w"), INIT_NTK.col("c_b"), INIT_NTK.col("rates"), INIT_NTK.col("layer"), INIT_NTK.col("width"));
        Map<List<Object>, List<Point>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(List.of(r.getAs(INIT_NTK.col("activation")), r.<Double>getAs(INIT_NTK.col("c_w")), r.<Double>getAs(INIT_NTK.col("c_b")),
                    r.getAs(INIT_NTK.col("rates"))), k -> new ArrayList<>()).add(new Point(r.getAs(INIT_NTK.col("layer")), r.getAs(INIT_NTK.col("width")),
                    r.getAs(INIT_NTK.col("r")), r.getAs(INIT_NTK.col("relative_variance")), r.getAs(INIT_NTK.col("relative_variance_se")),
                    r.getAs(INIT_NTK.col("relative_variance_theory"))));
        }
        if (groups.isEmpty()) {
            return new Section(heading(), List.of(), "No NTK fluctuation to draw (every network's NTK was the same).",
                    List.of());
        }
        List<JFreeChart> panels = new ArrayList<>();
        List<String> agreements = new ArrayList<>();
        int index = 0;
        for (Map.Entry<List<Object>, List<Point>> e : groups.entrySet()) {
            String name = Labels.activation((String) e.getKey().get(0)) + " C_W = " + Labels.number((Double) e.getKey().get(1))
                    + ", C_b = " + Labels.number((Double) e.getKey().get(2)) + ", " + e.getKey().get(3) + " rates";
            Map<Integer, List<Point>> byLayer = new TreeMap<>();
            e.getValue().forEach(p -> byLayer.computeIfAbsent(p.layer(), l -> new ArrayList<>()).add(p));
            agreements.add(name + ": " + Agreement.of(e.getValue()).describe());
            panels.add(panel(Labels.letter(index++) + " " + name, byLayer));
        }
        String title = "NTK fluctuations: var(H) / E[H]^2 against r = l / n";
        String caption = title + ". For each layer l (a colour: fixed depth, widths varying), the relative variance of "
                + "the empirical NTK H^(l)_11 of the layer's first neuron at the first input over the ensemble of "
                + "initialized networks, with its standard error; log axes. Solid lines: the leading-order prediction "
                + "(A + 2B) / (n Theta^2) of the NTK-variance recursion for that layer, slope 1 in r at fixed depth. "
                + String.join("; ", agreements) + ". Above r of about " + Labels.number(SMALL_R) + " the measured "
                + "relative variance grows faster than 1/n: the O(1/n^2) terms the recursion leaves out. " + source.citation();
        PanelGrid grid = new PanelGrid(title, Math.min(2, panels.size()), PANEL_WIDTH, PANEL_HEIGHT);
        Figure figure = grid.write(panels, files, files.name("ntk-fluctuations"), caption);
        return new Section(heading(), List.of(figure), "", List.of());
    }

    private static JFreeChart panel(String title, Map<Integer, List<Point>> byLayer) {
        XYPanel panel = new XYPanel(ChartStyle.log("aspect ratio r = l / n"), ChartStyle.log("var(H) / E[H]^2"));
        int series = 0;
        for (Map.Entry<Integer, List<Point>> l : byLayer.entrySet()) {
            List<Point> points = l.getValue();
            double[] r = points.stream().mapToDouble(Point::r).toArray();
            java.awt.Color color = ChartStyle.seriesColor(series++);
            panel.errorBars("l = " + l.getKey(), r, points.stream().mapToDouble(Point::relativeVariance).toArray(),
                    points.stream().mapToDouble(Point::se).toArray(), color, false);
            panel.line("l = " + l.getKey() + " theory", r, points.stream().mapToDouble(Point::theory).toArray(), color,
                    ChartStyle.solid(1.2f));
        }
        return panel.chart(title, true);
    }
}
