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

    /** One width's nuclides. */
    record Width(int width, long runs, double[] a, double[] ame, double[] residual) {
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
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<List<Object>, Map<Integer, List<Row>>> e : groups.entrySet()) {
            List<Width> widths = e.getValue().entrySet().stream().map(w -> width(w.getKey(), w.getValue())).toList();
            figures.add(figure((String) e.getKey().get(0), (String) e.getKey().get(1), (Integer) e.getKey().get(2), widths,
                    residuals.converged(), source, files));
        }
        return new Section(heading(), figures, "", residuals.withoutConverged("Predictions against AME2020:", rows, source));
    }

    private static Width width(int width, List<Row> rows) {
        return new Width(width, rows.stream().mapToLong(r -> r.<Long>getAs(RESIDUALS.col("runs"))).max().orElse(0),
                rows.stream().mapToDouble(r -> r.<Integer>getAs(RESIDUALS.col("a"))).toArray(),
                rows.stream().mapToDouble(r -> r.<Double>getAs(RESIDUALS.col("binding_energy_mev"))).toArray(),
                rows.stream().mapToDouble(r -> r.<Double>getAs(RESIDUALS.col("residual_mev"))).toArray());
    }

    private Figure figure(String activation, String mode, int depth, List<Width> widths, boolean converged,
                          TableSource source, FigureFiles files) throws Exception {
        XYPanel predicted = new XYPanel(ChartStyle.linear("AME2020 binding energy B_AME (MeV)"),
                ChartStyle.linear("predicted binding energy B_pred (MeV)"));
        XYPanel residual = new XYPanel(ChartStyle.integer("mass number A"), ChartStyle.linear("residual B_AME - B_pred (MeV)"));
        double top = 0;
        for (int i = 0; i < widths.size(); i++) {
            Width w = widths.get(i);
            double[] pred = new double[w.ame().length];
            for (int k = 0; k < pred.length; k++) {
                pred[k] = w.ame()[k] - w.residual()[k];
                top = Math.max(top, Math.max(pred[k], w.ame()[k]));
            }
            String name = "n = " + w.width();
            predicted.scatter(name, w.ame(), pred, ChartStyle.seriesColor(i), ChartStyle.smallSeriesShape(i));
            residual.scatter(name, w.a(), w.residual(), ChartStyle.seriesColor(i), ChartStyle.smallSeriesShape(i));
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
                + "B_AME - B_pred against the mass number A. The mean is over "
                + (runsMin == runsMax ? runsMin : runsMin + " to " + runsMax)
                + (converged ? " converged runs per width (runs.outcome = converged, RMSD at most "
                        + Labels.number(RunOutcome.CONVERGED_MEV) + " MeV; failed runs left out)"
                        : " runs per width (those kept by Table I's cutoff)")
                + "." + ProtocolCaption.describe(source.runInfo(), List.of(mode)) + " " + source.citation();
        PanelGrid grid = new PanelGrid(title, 2, PANEL_WIDTH, PANEL_HEIGHT);
        return grid.write(panels, files, files.name("predictions-vs-ame", activation, mode, "depth" + depth), caption);
    }
}
