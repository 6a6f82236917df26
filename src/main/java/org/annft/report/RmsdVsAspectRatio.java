package org.annft.report;

import static org.annft.table.ResultTables.RUNS;
import static org.annft.table.ResultTables.TABLE1;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.annft.data.PaperResults;
import org.annft.table.ResultTable;
import org.annft.train.RunOutcome;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;

/**
 * Paper Fig. 13: binding-energy RMSD against the aspect ratio r = l_out / n (log axes, one r range
 * for all panels), mean and standard deviation over the runs kept by the cutoff, every run's RMSD
 * marked by its outcome (where {@code runs} has outcomes), the optimal aspect ratio r* (paper
 * Eq. 50) as a vertical line and the fraction of failed runs on a second axis; one panel per
 * (activation, mode, protocol, depth), from {@code table1}. Panels of the paper's configuration
 * (ReLU, CICT, l_out = 4) also show the paper's Table I means and standard deviations.
 */
public final class RmsdVsAspectRatio implements FigureFamily {

    public static final int PANEL_WIDTH = 620;
    public static final int PANEL_HEIGHT = 420;

    /** One configuration of Table I. */
    record Point(double r, double mean, double std, long kept, long total, double failed, double cutoff, double rStar) {
    }

    @Override
    public String heading() {
        return "Fig. 13: binding-energy RMSD against the aspect ratio r";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.TABLE1);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        List<Row> rows = Rows.collectSorted(source.read(ResultTables.TABLE1), TABLE1.col("activation"), TABLE1.col("mode"), TABLE1.col("protocol"), TABLE1.col("depth"), TABLE1.col("r"));
        Map<List<Object>, List<Point>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(List.of(r.getAs(TABLE1.col("activation")), r.getAs(TABLE1.col("mode")), r.<Integer>getAs(TABLE1.col("depth")),
                    r.getAs(TABLE1.col("protocol"))), k -> new ArrayList<>()).add(new Point(r.getAs(TABLE1.col("r")), number(r, "mean_rmsd_mev"),
                    number(r, "std_rmsd_mev"), r.getAs(TABLE1.col("runs_kept")), r.getAs(TABLE1.col("runs_total")), r.getAs(TABLE1.col("failed_fraction")),
                    r.getAs(TABLE1.col("cutoff_mev")), number(r, "r_star")));
        }
        boolean severalProtocols = groups.keySet().stream().map(k -> k.get(3)).distinct().count() > 1;
        PaperResults paper = PaperResults.load();
        Map<List<Object>, List<Run>> runs = runs(source);
        boolean paperDrawn = false;
        boolean runsDrawn = false;
        List<XYPanel> built = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> cutoffs = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        java.util.Optional<InfiniteWidthBaseline.Rmsd> baseline = InfiniteWidthBaseline.read(source);
        List<Double> baselines = new ArrayList<>();
        long total = 0;
        int index = 0;
        // One r range for every panel, so that modes and protocols compare by eye.
        double rLow = Double.POSITIVE_INFINITY;
        double rHigh = 0;
        for (Map.Entry<List<Object>, List<Point>> e : groups.entrySet()) {
            String activation = (String) e.getKey().get(0);
            String mode = (String) e.getKey().get(1);
            int depth = (Integer) e.getKey().get(2);
            String protocol = (String) e.getKey().get(3);
            boolean withPaper = activation.equals(PaperResults.TABLE_ONE_ACTIVATION)
                    && mode.equals(PaperResults.TABLE_ONE_MODE) && depth == PaperResults.TABLE_ONE_DEPTH;
            paperDrawn |= withPaper;
            modes.add(mode);
            List<Point> points = e.getValue();
            for (Point p : points) {
                rLow = Math.min(rLow, p.r());
                rHigh = Math.max(rHigh, p.r());
            }
            if (withPaper) {
                for (PaperResults.TableOneRow t : paper.tableOne()) {
                    rLow = Math.min(rLow, (double) PaperResults.TABLE_ONE_DEPTH / t.width());
                    rHigh = Math.max(rHigh, (double) PaperResults.TABLE_ONE_DEPTH / t.width());
                }
            }
            points.stream().map(p -> Labels.number(p.cutoff())).distinct().filter(c -> !cutoffs.contains(c)).forEach(cutoffs::add);
            total = Math.max(total, points.stream().mapToLong(Point::total).max().orElse(0));
            List<Run> groupRuns = runs.getOrDefault(e.getKey(), List.of());
            runsDrawn |= !groupRuns.isEmpty();
            titles.add(Labels.letter(index++) + " " + Labels.activation(activation) + " " + Labels.mode(mode)
                    + ", l_out = " + depth + (severalProtocols ? ", protocol " + protocol : ""));
            built.add(panel(points, groupRuns, withPaper ? paper : null));
            baselines.add(baseline.flatMap(b -> b.of(List.of(activation, mode, depth, protocol), "trained", "train"))
                    .filter(Double::isFinite).orElse(Double.NaN));
        }
        List<JFreeChart> panels = new ArrayList<>();
        boolean baselineDrawn = false;
        for (int i = 0; i < built.size(); i++) {
            if (Double.isFinite(baselines.get(i))) {
                // r = 0 lies off a log axis: the limit is a line across the panel.
                built.get(i).line(BASELINE_SERIES, new double[] {rLow / R_MARGIN, rHigh * R_MARGIN},
                        new double[] {baselines.get(i), baselines.get(i)}, ChartStyle.GREEN, ChartStyle.dashed(1.5f));
                baselineDrawn = true;
            }
            built.get(i).plot().getDomainAxis().setRange(rLow / R_MARGIN, rHigh * R_MARGIN);
            panels.add(built.get(i).chart(titles.get(i), true));
        }
        String title = "Fig. 13: binding-energy RMSD against r = l_out / n";
        String caption = title + ". Mean (filled circles) and standard deviation (error bars) of the RMSD between the AME2020 "
                + "binding energies and the trained networks over the runs kept: runs with an RMSD at or above the cutoff ("
                + String.join(", ", cutoffs) + " MeV) or NaN are excluded; up to " + total + " runs per width."
                + (runsDrawn ? " Small markers: every run's RMSD by its outcome (runs.outcome): converged (RMSD at most "
                        + Labels.number(RunOutcome.CONVERGED_MEV) + " MeV, small sky-blue dots) and failed (plateau, "
                        + "linear fit, dead, or diverged with a finite RMSD; vermillion crosses)." : "")
                + " Grey squares (right axis, upper half): the fraction of failed runs (not kept: diverged, NaN or above the "
                + "cutoff). Red vertical line: the optimal aspect ratio r* (paper Eq. 50). Log r and RMSD axes, one r range "
                + "for every panel."
                + (paperDrawn ? " Black diamonds joined by a dotted line (ReLU CICT, l_out = 4): the paper's Table I, mean and std of the "
                        + "RMSD over the runs kept of 100 after 20000 epochs with cutoff 100 MeV (its Fig. 13 uses 30 MeV); a bar "
                        + "whose lower end lies at or below zero is cut at the panel's lower edge, which a log axis cannot "
                        + "pass." : "")
                + (baselineDrawn ? " Green dashed line: r -> 0, an infinitely wide network at the same initialization trained "
                        + "by the same protocol (its NTK frozen; table kernel_predictions), the RMSD on the nuclides fitted; "
                        + "r = 0 lies off the log axis, so it is drawn across the panel." : "")
                + ProtocolCaption.describe(source.runInfo(), modes)
                + " " + source.citation();
        PanelGrid grid = new PanelGrid(title, Math.min(2, panels.size()), PANEL_WIDTH, PANEL_HEIGHT);
        Figure figure = grid.write(panels, files, files.name("fig13"), caption,
                paperDrawn ? List.of(PAPER_SERIES) : List.of());
        return new Section(heading(), List.of(figure), "", List.of());
    }

    /** A double column; NaN for null (no run kept). */
    private static double number(Row r, String column) {
        return r.isNullAt(r.fieldIndex(column)) ? Double.NaN : r.<Double>getAs(column);
    }

    /** One run of {@code runs}: its aspect ratio, RMSD and outcome. */
    record Run(double r, double rmsd, String outcome) {
    }

    /** The runs of each (activation, mode, depth, protocol), where the {@code runs} table has outcomes; else none. */
    private static Map<List<Object>, List<Run>> runs(TableSource source) {
        Map<List<Object>, List<Run>> out = new LinkedHashMap<>();
        source.readIfPresent(ResultTables.RUNS).filter(t -> List.of(t.columns()).contains(RUNS.col("outcome")))
                .ifPresent(t -> Rows.collectSorted(t.select(RUNS.col("activation"), RUNS.col("mode"), RUNS.col("depth"),
                        RUNS.col("protocol"), RUNS.col("r"), RUNS.col("rmsd_mev"), RUNS.col("outcome"), RUNS.col("seed")),
                        RUNS.col("activation"), RUNS.col("mode"), RUNS.col("protocol"), RUNS.col("depth"), RUNS.col("r"), RUNS.col("seed"))
                        .forEach(r -> out.computeIfAbsent(List.of(r.getAs(RUNS.col("activation")), r.getAs(RUNS.col("mode")),
                                r.<Integer>getAs(RUNS.col("depth")), r.getAs(RUNS.col("protocol"))), k -> new ArrayList<>())
                                .add(new Run(r.getAs(RUNS.col("r")), Rows.doubleOrNaN(r, RUNS.col("rmsd_mev")),
                                        r.getAs(RUNS.col("outcome"))))));
        return out;
    }

    private static XYPanel panel(List<Point> points, List<Run> runs, PaperResults paper) {
        double[] r = points.stream().mapToDouble(Point::r).toArray();
        XYPanel panel = new XYPanel(ChartStyle.log("aspect ratio r = l_out / n"), ChartStyle.log("binding-energy RMSD (MeV)"));
        String converged = RunOutcome.CONVERGED.configName();
        List<Run> good = runs.stream().filter(x -> x.outcome().equals(converged)).toList();
        List<Run> failed = runs.stream().filter(x -> !x.outcome().equals(converged) && Double.isFinite(x.rmsd())).toList();
        if (!good.isEmpty()) {
            panel.scatter("runs: converged", good.stream().mapToDouble(Run::r).toArray(),
                    good.stream().mapToDouble(Run::rmsd).toArray(), ChartStyle.SKY_BLUE, RUN_MARKER);
        }
        if (!failed.isEmpty()) {
            panel.scatter("runs: not converged", failed.stream().mapToDouble(Run::r).toArray(),
                    failed.stream().mapToDouble(Run::rmsd).toArray(), ChartStyle.RED, FAILED_MARKER);
        }
        // A configuration of which no run was kept has no mean to draw (the failed fraction says 1).
        if (points.stream().anyMatch(p -> p.mean() > 0)) {
            panel.errorBars("mean RMSD of kept runs", r, points.stream().mapToDouble(Point::mean).toArray(),
                    points.stream().mapToDouble(Point::std).toArray(), ChartStyle.BLUE, true);
        }
        if (paper != null) {
            List<PaperResults.TableOneRow> t = paper.tableOne();
            panel.errorBars(PAPER_SERIES, t.stream().mapToDouble(p -> (double) PaperResults.TABLE_ONE_DEPTH / p.width())
                    .toArray(), t.stream().mapToDouble(PaperResults.TableOneRow::meanRmsdMev).toArray(),
                    t.stream().mapToDouble(PaperResults.TableOneRow::stdRmsdMev).toArray(), Color.BLACK, true,
                    ChartStyle.DIAMOND, ChartStyle.dotted(1.0f));
        }
        XYPlot plot = panel.plot();
        // The failed fraction lives on its own axis, in the panel's upper half (0 at mid-height), clear of
        // the RMSDs of converged runs at the bottom.
        NumberAxis failedAxis = ChartStyle.linear("failed fraction");
        failedAxis.setRange(-1.05, 1.05);
        failedAxis.setTickUnit(new NumberTickUnit(0.5));
        failedAxis.setNumberFormatOverride(NON_NEGATIVE);
        plot.setRangeAxis(1, failedAxis);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        panel.pointsOnAxis(1, "failed fraction (right axis)", r, points.stream().mapToDouble(Point::failed).toArray(),
                ChartStyle.GREY, ChartStyle.dashed(1.0f), new Rectangle2D.Double(-3, -3, 6, 6));
        double rStar = points.stream().mapToDouble(Point::rStar).filter(Double::isFinite).findFirst().orElse(Double.NaN);
        if (Double.isFinite(rStar)) {
            plot.addDomainMarker(ChartStyle.rStarMarker(rStar));
        }
        return panel;
    }

    /** The series of the infinite-width baseline. */
    static final String BASELINE_SERIES = "r -> 0: infinite width, trained by the protocol";
    /** The series name of the paper's Table I, promised wherever the paper's configuration is drawn. */
    static final String PAPER_SERIES = "paper, Table I";
    /** Room on the r axis beyond the outermost widths (a factor on a log axis). */
    private static final double R_MARGIN = 1.25;
    private static final java.awt.Shape RUN_MARKER = new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5);
    private static final java.awt.Shape FAILED_MARKER = new java.awt.geom.Path2D.Double(new java.awt.geom.Line2D.Double(-3, -3, 3, 3)) {
        private static final long serialVersionUID = 1L;

        {
            append(new java.awt.geom.Line2D.Double(-3, 3, 3, -3), false);
        }
    };
    /** The failed-fraction axis labels its upper half only. */
    private static final java.text.NumberFormat NON_NEGATIVE = new java.text.DecimalFormat("0.#") {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return number < -1e-9 ? toAppendTo : toAppendTo.append(TickFormat.label(number));
        }
    };
}
