package org.annft.report;

import static org.annft.table.ResultTables.RESIDUALS;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.annft.train.RunOutcome;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;

/**
 * The trained networks against AME2020, nuclide by nuclide: (a) the mean predicted binding energy
 * against AME2020's, with the line of equality, and (b) the residual B_AME - B_pred against the mass
 * number A; one series per width, one figure per (activation, mode, depth). The mean is over the
 * converged runs where the sweep has outcomes (as in Fig. 14).
 */
public final class PredictionsVsAme implements FigureFamily {

    public static final int PANEL_WIDTH = 620;
    public static final int PANEL_HEIGHT = 460;

    /** One width's nuclides; {@code estimated[k]}: AME2020's value of nuclide k is an estimate (#). */
    record Width(int width, long runs, double[] a, double[] ame, double[] residual, boolean[] estimated) {

        /** The nuclides whose AME2020 value is measured ({@code estimated = false}) or estimated. */
        Width subset(boolean estimates) {
            int[] keep = java.util.stream.IntStream.range(0, a.length).filter(k -> estimated[k] == estimates).toArray();
            return new Width(width, runs, pick(a, keep), pick(ame, keep), pick(residual, keep), new boolean[keep.length]);
        }

        private static double[] pick(double[] values, int[] keep) {
            return java.util.Arrays.stream(keep).mapToDouble(k -> values[k]).toArray();
        }
    }

    @Override
    public String heading() {
        return "Predictions against AME2020: binding energy and residual against A";
    }

    @Override
    public boolean onePerProtocol() {
        return true;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.RESIDUALS);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        ResidualMaps.Residuals residuals = ResidualMaps.residuals(source);
        List<Row> rows = Rows.collectSorted(residuals.table(), RESIDUALS.col("activation"), RESIDUALS.col("mode"),
                RESIDUALS.col("depth"), RESIDUALS.col("width"), RESIDUALS.col("z"), RESIDUALS.col("n"));
        Map<List<Object>, Map<Integer, List<Row>>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(List.of(r.getAs(RESIDUALS.col("activation")), r.getAs(RESIDUALS.col("mode")),
                    r.<Integer>getAs(RESIDUALS.col("depth"))), k -> new TreeMap<>())
                    .computeIfAbsent(r.getAs(RESIDUALS.col("width")), w -> new ArrayList<>()).add(r);
        }
        java.util.Set<List<Integer>> estimates = estimates(source);
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<List<Object>, Map<Integer, List<Row>>> e : groups.entrySet()) {
            List<Width> widths = e.getValue().entrySet().stream().map(w -> width(w.getKey(), w.getValue(), estimates))
                    .toList();
            figures.add(figure((String) e.getKey().get(0), (String) e.getKey().get(1), (Integer) e.getKey().get(2), widths,
                    residuals.converged(), source, files));
        }
        return new Section(heading(), figures, "", residuals.withoutConverged("Predictions against AME2020:", rows, source));
    }

    /** The (Z, N) whose AME2020 value is an estimate, from the source's {@code dataset} table; none without it. */
    static java.util.Set<List<Integer>> estimates(TableSource source) {
        java.util.Set<List<Integer>> out = new java.util.HashSet<>();
        // Every data set's table has the Z and N inputs, whatever else data.inputs adds.
        ResultTable dataset = ResultTables.dataset(List.of("z", "n"));
        source.readIfPresent(dataset).ifPresent(t -> t.where(org.apache.spark.sql.functions.col(dataset.col("estimated")))
                .select(dataset.col("z"), dataset.col("n")).collectAsList()
                .forEach(r -> out.add(List.of(r.getInt(0), r.getInt(1)))));
        return out;
    }

    private static Width width(int width, List<Row> rows, java.util.Set<List<Integer>> estimates) {
        boolean[] estimated = new boolean[rows.size()];
        for (int k = 0; k < estimated.length; k++) {
            Row r = rows.get(k);
            estimated[k] = estimates.contains(List.of(r.<Integer>getAs(RESIDUALS.col("z")), r.<Integer>getAs(RESIDUALS.col("n"))));
        }
        return new Width(width, rows.stream().mapToLong(r -> r.<Long>getAs(RESIDUALS.col("runs"))).max().orElse(0),
                rows.stream().mapToDouble(r -> r.<Integer>getAs(RESIDUALS.col("a"))).toArray(),
                rows.stream().mapToDouble(r -> r.<Double>getAs(RESIDUALS.col("binding_energy_mev"))).toArray(),
                rows.stream().mapToDouble(r -> r.<Double>getAs(RESIDUALS.col("residual_mev"))).toArray(), estimated);
    }

    private Figure figure(String activation, String mode, int depth, List<Width> widths, boolean converged,
                          TableSource source, FigureFiles files) throws Exception {
        XYPanel predicted = new XYPanel(ChartStyle.linear("AME2020 binding energy B_AME (MeV)"),
                ChartStyle.linear("predicted binding energy B_pred (MeV)"));
        XYPanel residual = new XYPanel(ChartStyle.integer("mass number A"), ChartStyle.linear("residual B_AME - B_pred (MeV)"));
        double top = 0;
        boolean anyEstimate = false;
        for (int i = 0; i < widths.size(); i++) {
            for (boolean estimates : new boolean[] {false, true}) {
                Width w = widths.get(i).subset(estimates);
                if (w.a().length == 0) {
                    continue;
                }
                anyEstimate |= estimates;
                double[] pred = new double[w.ame().length];
                for (int k = 0; k < pred.length; k++) {
                    pred[k] = w.ame()[k] - w.residual()[k];
                    top = Math.max(top, Math.max(pred[k], w.ame()[k]));
                }
                String name = "n = " + w.width() + (estimates ? ", AME2020 estimates (#)" : "");
                // Estimates as outlines of the width's marker: the same width, a value AME2020 did not measure.
                predicted.scatter(name, w.ame(), pred, ChartStyle.seriesColor(i), ChartStyle.smallSeriesShape(i), !estimates);
                residual.scatter(name, w.a(), w.residual(), ChartStyle.seriesColor(i), ChartStyle.smallSeriesShape(i),
                        !estimates);
            }
        }
        predicted.line("B_pred = B_AME", new double[] {0, top}, new double[] {0, top}, Color.BLACK, ChartStyle.dashed(1.0f));
        residual.plot().addRangeMarker(new org.jfree.chart.plot.ValueMarker(0, Color.BLACK, ChartStyle.dashed(1.0f)));
        List<JFreeChart> panels = List.of(predicted.chart("(a) predicted against AME2020", true),
                residual.chart("(b) residual against A", true));
        String title = "Predictions against AME2020: " + Labels.activation(activation) + " " + Labels.mode(mode)
                + ", l_out = " + depth;
        long runsMin = widths.stream().mapToLong(Width::runs).min().orElse(0);
        long runsMax = widths.stream().mapToLong(Width::runs).max().orElse(0);
        String caption = title + ". Every nuclide of the sweep's data set, one colour and marker per width n: (a) the "
                + "mean predicted binding energy against AME2020's, with the line of equality (dashed); (b) the residual "
                + "B_AME - B_pred against the mass number A."
                + (anyEstimate ? " Filled markers: nuclides whose AME2020 binding energy is measured; outlined: those "
                        + "whose value AME2020 estimates (#), against which the residual is not a measured error." : "")
                + " The mean is over "
                + (runsMin == runsMax ? runsMin : runsMin + " to " + runsMax)
                + (converged ? " converged runs per width (runs.outcome = converged, RMSD at most "
                        + Labels.number(RunOutcome.CONVERGED_MEV) + " MeV; failed runs left out)"
                        : " runs per width (those kept by Table I's cutoff)")
                + "." + ProtocolCaption.describe(source.runInfo(), List.of(mode)) + " " + source.citation();
        PanelGrid grid = new PanelGrid(title, 2, PANEL_WIDTH, PANEL_HEIGHT);
        return grid.write(panels, files, files.name("predictions-vs-ame", activation, mode, "depth" + depth), caption);
    }
}
