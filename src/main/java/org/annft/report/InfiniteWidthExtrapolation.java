package org.annft.report;

import static org.annft.table.ResultTables.ENSEMBLE_PREDICTIONS;
import static org.annft.table.ResultTables.KERNEL_PREDICTIONS;
import static org.apache.spark.sql.functions.col;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;

/**
 * The infinite-width baseline beside the finite ensembles on AME2020's estimated binding energies:
 * per configuration (activation, mode, depth) of {@code kernel_predictions} with nuclides beyond the
 * data set, (a) the error |B_AME - B_pred| against the mass number A of the infinitely wide network
 * (trained by the protocol, and NTK regression) and of every width of the ensembles of
 * {@code ensemble_predictions} of the same activation, mode and depth in any source directory; (b)
 * each prediction's standard deviation against its error, on log axes with the line std = error:
 * a point below it lies outside one standard deviation. Draws across the source directories,
 * since the baseline and the ensembles are written by different jobs.
 */
public final class InfiniteWidthExtrapolation implements FigureFamily {

    public static final int PANEL_WIDTH = 560;
    public static final int PANEL_HEIGHT = 440;
    /** Errors and standard deviations below this (MeV) are drawn at it on the log axes. */
    static final double FLOOR_MEV = 1e-4;

    /** One model's estimated nuclides: mass numbers, errors |AME - mean| and standard deviations (NaN: none). */
    record Points(String name, double[] a, double[] error, double[] std) {
    }

    @Override
    public String heading() {
        return "Infinite width against the ensembles on AME2020's estimates";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.KERNEL_PREDICTIONS);
    }

    @Override
    public List<ResultTable> optionalTables() {
        return List.of(ResultTables.ENSEMBLE_PREDICTIONS);
    }

    @Override
    public boolean acrossSources() {
        return true;
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        return renderAcross(List.of(source), files);
    }

    @Override
    public Section renderAcross(List<TableSource> sources, FigureFiles files) throws Exception {
        List<Figure> figures = new ArrayList<>();
        for (TableSource source : sources) {
            if (!source.has(KERNEL_PREDICTIONS.name())) {
                continue;
            }
            Map<List<Object>, List<Points>> kernel = kernel(source);
            for (Map.Entry<List<Object>, List<Points>> e : kernel.entrySet()) {
                String activation = (String) e.getKey().get(0);
                String mode = (String) e.getKey().get(1);
                int depth = (Integer) e.getKey().get(2);
                List<Points> models = new ArrayList<>(e.getValue());
                for (TableSource other : sources) {
                    models.addAll(ensembles(other, activation, mode, depth));
                }
                figures.add(figure(activation, mode, depth, models, source, files));
            }
        }
        return figures.isEmpty()
                ? Section.note(heading(), "Skipped: no kernel_predictions of nuclides beyond the data set with AME2020 "
                        + "estimates (annft theory regression --nuclides all --out DIR).")
                : new Section(heading(), figures, "", List.of());
    }

    /** Per (activation, mode, depth): the trained and NTK predictions of the estimated nuclides beyond the data set. */
    private static Map<List<Object>, List<Points>> kernel(TableSource source) {
        List<Row> rows = Rows.collectSorted(source.read(ResultTables.KERNEL_PREDICTIONS)
                        .where(col(KERNEL_PREDICTIONS.col("role")).equalTo("beyond")
                                .and(col(KERNEL_PREDICTIONS.col("ame_estimated")))
                                .and(col(KERNEL_PREDICTIONS.col("prediction")).isin("trained", "ntk"))),
                KERNEL_PREDICTIONS.col("activation"), KERNEL_PREDICTIONS.col("mode"), KERNEL_PREDICTIONS.col("depth"),
                KERNEL_PREDICTIONS.col("prediction"), KERNEL_PREDICTIONS.col("z"), KERNEL_PREDICTIONS.col("n"));
        Map<List<Object>, Map<String, List<Row>>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(List.of(r.getAs(KERNEL_PREDICTIONS.col("activation")), r.getAs(KERNEL_PREDICTIONS.col("mode")),
                    r.<Integer>getAs(KERNEL_PREDICTIONS.col("depth"))), k -> new TreeMap<>())
                    .computeIfAbsent(r.getAs(KERNEL_PREDICTIONS.col("prediction")), k -> new ArrayList<>()).add(r);
        }
        Map<List<Object>, List<Points>> out = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, Map<String, List<Row>>> g : groups.entrySet()) {
            List<Points> points = new ArrayList<>();
            for (String prediction : List.of("trained", "ntk")) {
                List<Row> r = g.getValue().getOrDefault(prediction, List.of());
                if (!r.isEmpty()) {
                    points.add(points("infinite width, " + InfiniteWidthBaseline.describe(prediction), r,
                            KERNEL_PREDICTIONS.col("a"), KERNEL_PREDICTIONS.col("ame_mev"), KERNEL_PREDICTIONS.col("mean_mev"),
                            KERNEL_PREDICTIONS.col("std_mev")));
                }
            }
            out.put(g.getKey(), points);
        }
        return out;
    }

    /** The ensembles of {@code source} of the configuration, per protocol and width, on AME2020's estimates. */
    private static List<Points> ensembles(TableSource source, String activation, String mode, int depth) {
        if (!source.has(ENSEMBLE_PREDICTIONS.name())) {
            return List.of();
        }
        List<Row> rows = Rows.collectSorted(source.read(ResultTables.ENSEMBLE_PREDICTIONS)
                        .where(col(ENSEMBLE_PREDICTIONS.col("ame_estimated")).equalTo(true)
                                .and(col(ENSEMBLE_PREDICTIONS.col("activation")).equalTo(activation))
                                .and(col(ENSEMBLE_PREDICTIONS.col("mode")).equalTo(mode))
                                .and(col(ENSEMBLE_PREDICTIONS.col("depth")).equalTo(depth))),
                ENSEMBLE_PREDICTIONS.col("protocol"), ENSEMBLE_PREDICTIONS.col("width"), ENSEMBLE_PREDICTIONS.col("z"),
                ENSEMBLE_PREDICTIONS.col("n"));
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent("n = " + r.<Integer>getAs(ENSEMBLE_PREDICTIONS.col("width")) + ", protocol "
                    + r.getAs(ENSEMBLE_PREDICTIONS.col("protocol")), k -> new ArrayList<>()).add(r);
        }
        List<Points> out = new ArrayList<>();
        for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
            out.add(points("ensemble " + g.getKey(), g.getValue(), ENSEMBLE_PREDICTIONS.col("a"),
                    ENSEMBLE_PREDICTIONS.col("ame_mev"), ENSEMBLE_PREDICTIONS.col("mean_mev"), ENSEMBLE_PREDICTIONS.col("std_mev")));
        }
        return out;
    }

    private static Points points(String name, List<Row> rows, String a, String ame, String mean, String std) {
        double[] mass = new double[rows.size()];
        double[] error = new double[rows.size()];
        double[] spread = new double[rows.size()];
        for (int i = 0; i < mass.length; i++) {
            Row r = rows.get(i);
            mass[i] = r.<Integer>getAs(a);
            error[i] = Math.abs(Rows.doubleOrNaN(r, ame) - Rows.doubleOrNaN(r, mean));
            spread[i] = Rows.doubleOrNaN(r, std);
        }
        return new Points(name, mass, error, spread);
    }

    private static double floored(double x) {
        return Double.isNaN(x) ? x : Math.max(x, FLOOR_MEV);
    }

    private Figure figure(String activation, String mode, int depth, List<Points> models, TableSource source,
                          FigureFiles files) throws Exception {
        XYPanel errors = new XYPanel(ChartStyle.integer("mass number A"), ChartStyle.log("|B_AME - B_pred| (MeV)"));
        XYPanel spread = new XYPanel(ChartStyle.log("|B_AME - B_pred| (MeV)"), ChartStyle.log("standard deviation (MeV)"));
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        StringBuilder rmsd = new StringBuilder();
        for (int i = 0; i < models.size(); i++) {
            Points p = models.get(i);
            double[] error = java.util.Arrays.stream(p.error()).map(InfiniteWidthExtrapolation::floored).toArray();
            double[] std = java.util.Arrays.stream(p.std()).map(InfiniteWidthExtrapolation::floored).toArray();
            Color color = ChartStyle.seriesColor(i);
            java.awt.Shape shape = ChartStyle.smallSeriesShape(i);
            errors.scatter(p.name(), p.a(), error, color, shape);
            if (java.util.Arrays.stream(std).anyMatch(Double::isFinite)) {
                spread.scatter(p.name(), error, std, color, shape);
            }
            double squares = 0;
            int within = 0;
            int withStd = 0;
            for (int k = 0; k < error.length; k++) {
                squares += p.error()[k] * p.error()[k];
                low = Math.min(low, error[k]);
                high = Math.max(high, error[k]);
                if (Double.isFinite(p.std()[k])) {
                    withStd++;
                    within += p.error()[k] <= p.std()[k] ? 1 : 0;
                }
            }
            rmsd.append(i == 0 ? " " : "; ").append(p.name()).append(": RMSD ")
                    .append(Labels.fixed(Math.sqrt(squares / p.error().length), 2)).append(" MeV")
                    .append(withStd > 0 ? ", " + Labels.fixed(100.0 * within / withStd, 1) + "% within one std" : "");
        }
        spread.line("std = |B_AME - B_pred|", new double[] {low, high}, new double[] {low, high}, Color.BLACK,
                ChartStyle.dashed(1.0f));
        List<JFreeChart> panels = List.of(errors.chart("(a) error against A", true),
                spread.chart("(b) standard deviation against error", true));
        String title = "Infinite width against the ensembles: " + Labels.activation(activation) + " " + Labels.mode(mode)
                + ", l_out = " + depth;
        String caption = title + ". AME2020's estimated binding energies (#) beyond the nuclides the networks were fitted "
                + "on: (a) the error of each prediction against A, (b) its standard deviation against its error (log axes; "
                + "values below " + FLOOR_MEV + " MeV drawn at it), below the dashed line a nuclide lies outside one "
                + "standard deviation. Infinite width (table kernel_predictions): the network trained by the protocol "
                + "(no spread) and NTK regression with the spread of the infinite ensemble over its initializations. "
                + "Ensembles (table ensemble_predictions, annft predict): the mean and population std of the kept "
                + "networks of each width." + rmsd + ". " + source.citation();
        PanelGrid grid = new PanelGrid(title, 2, PANEL_WIDTH, PANEL_HEIGHT);
        return grid.write(panels, files, files.name("infinite-width-extrapolation", activation, mode, "depth" + depth),
                caption);
    }
}
