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
 * (activation, C_W, C_b, rates). At leading order in 1/n the relative variance is proportional to
 * 1/n at fixed depth, a line of slope 1 in r; its coefficient {@code c} in {@code var/mean^2 = c r}
 * is fitted here by weighted least squares through the origin (weights 1/SE^2), since annft does not
 * compute the finite-width NTK variance from a recursion.
 */
public final class NtkFluctuations implements FigureFamily {

    public static final int PANEL_WIDTH = 560;
    public static final int PANEL_HEIGHT = 420;

    /** One measured point. */
    record Point(int layer, int width, double r, double relativeVariance, double se) {
    }

    /** The fitted {@code c} of {@code y = c r} and its standard error. */
    record Fit(double coefficient, double se) {

        static Fit of(List<Point> points) {
            double numerator = 0;
            double denominator = 0;
            for (Point p : points) {
                double w = 1 / (p.se() * p.se());
                numerator += w * p.relativeVariance() * p.r();
                denominator += w * p.r() * p.r();
            }
            return new Fit(numerator / denominator, 1 / Math.sqrt(denominator));
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
                .where("input_a = 0 AND input_b = 0 AND layer > 1 AND relative_variance IS NOT NULL AND relative_variance_se > 0"),
                INIT_NTK.col("activation"), INIT_NTK.col("c_w"), INIT_NTK.col("c_b"), INIT_NTK.col("rates"), INIT_NTK.col("layer"), INIT_NTK.col("width"));
        Map<List<Object>, List<Point>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(List.of(r.getAs(INIT_NTK.col("activation")), r.<Double>getAs(INIT_NTK.col("c_w")), r.<Double>getAs(INIT_NTK.col("c_b")),
                    r.getAs(INIT_NTK.col("rates"))), k -> new ArrayList<>()).add(new Point(r.getAs(INIT_NTK.col("layer")), r.getAs(INIT_NTK.col("width")),
                    r.getAs(INIT_NTK.col("r")), r.getAs(INIT_NTK.col("relative_variance")), r.getAs(INIT_NTK.col("relative_variance_se"))));
        }
        if (groups.isEmpty()) {
            return new Section(heading(), List.of(), "No NTK fluctuation to draw (every network's NTK was the same).",
                    List.of());
        }
        List<JFreeChart> panels = new ArrayList<>();
        List<String> fits = new ArrayList<>();
        int index = 0;
        for (Map.Entry<List<Object>, List<Point>> e : groups.entrySet()) {
            String name = Labels.activation((String) e.getKey().get(0)) + " C_W = " + Labels.number((Double) e.getKey().get(1))
                    + ", C_b = " + Labels.number((Double) e.getKey().get(2)) + ", " + e.getKey().get(3) + " rates";
            Fit fit = Fit.of(e.getValue());
            StringBuilder perLayer = new StringBuilder();
            Map<Integer, List<Point>> byLayer = new TreeMap<>();
            e.getValue().forEach(p -> byLayer.computeIfAbsent(p.layer(), l -> new ArrayList<>()).add(p));
            for (Map.Entry<Integer, List<Point>> l : byLayer.entrySet()) {
                Fit layerFit = Fit.of(l.getValue());
                perLayer.append(perLayer.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "l = %d: %.3f",
                        l.getKey(), layerFit.coefficient()));
            }
            fits.add(String.format(Locale.ROOT, "%s: c = %.3f +- %.3f (per layer %s)", name, fit.coefficient(),
                    fit.se(), perLayer));
            panels.add(panel(Labels.letter(index++) + " " + name, byLayer, fit));
        }
        String title = "NTK fluctuations: var(H) / E[H]^2 against r = l / n";
        String caption = title + ". For each layer l (a series: fixed depth, widths varying), the relative variance of "
                + "the empirical NTK H^(l)_11 of the layer's first neuron at the first input over the ensemble of "
                + "initialized networks; log axes. Black line: the leading-order 1/n law var/mean^2 = c r, slope 1, with c "
                + "fitted to all points of the panel (weights 1/SE^2); the coefficient is measured, not computed from the "
                + "finite-width NTK-variance recursion. " + String.join("; ", fits) + ". A coefficient that grows with l "
                + "says the fluctuations grow faster than the depth at fixed width. " + source.citation();
        PanelGrid grid = new PanelGrid(title, Math.min(2, panels.size()), PANEL_WIDTH, PANEL_HEIGHT);
        Figure figure = grid.write(panels, files, files.name("ntk-fluctuations"), caption);
        return new Section(heading(), List.of(figure), "", List.of());
    }

    private static JFreeChart panel(String title, Map<Integer, List<Point>> byLayer, Fit fit) {
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (List<Point> points : byLayer.values()) {
            for (Point p : points) {
                lowest = Math.min(lowest, p.r());
                highest = Math.max(highest, p.r());
            }
        }
        XYPanel panel = new XYPanel(ChartStyle.log("aspect ratio r = l / n"), ChartStyle.log("var(H) / E[H]^2"));
        int series = 0;
        for (Map.Entry<Integer, List<Point>> l : byLayer.entrySet()) {
            List<Point> points = l.getValue();
            panel.points("l = " + l.getKey(), points.stream().mapToDouble(Point::r).toArray(),
                    points.stream().mapToDouble(Point::relativeVariance).toArray(), ChartStyle.seriesColor(series++),
                    ChartStyle.dotted(1.0f), new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        panel.line(String.format(Locale.ROOT, "c r, c = %.3f", fit.coefficient()), new double[] {lowest, highest},
                new double[] {fit.coefficient() * lowest, fit.coefficient() * highest}, java.awt.Color.BLACK,
                ChartStyle.solid(1.5f));
        return panel.chart(title, true);
    }
}
