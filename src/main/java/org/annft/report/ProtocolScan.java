package org.annft.report;

import static org.annft.table.ResultTables.RUNS;
import static org.annft.table.ResultTables.TABLE1;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.annft.data.PaperResults;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;

/**
 * The protocol scan: the RMSD of every run against the width, one colour per sweep protocol, so
 * that bimodal distributions and failures show (a mean does not). One panel per (activation, mode,
 * depth), from {@code runs}: runs kept as dots, failed runs (diverged, NaN or above the cutoff) as
 * crosses at their RMSD (NaN at the top of the panel), the median of each protocol joined by a thin
 * line, the data set's linear and median fits as horizontal lines, and for ReLU CICT at l_out = 4 the
 * paper's Table I mean and std. Points of one width are spread sideways by protocol and run index
 * (x times a factor, on the log width axis) so that they do not hide each other.
 */
public final class ProtocolScan implements FigureFamily {

    public static final int PANEL_WIDTH = 700;
    public static final int PANEL_HEIGHT = 460;
    /** Sideways spread of a width's points, as ln(x) offsets: per protocol, and per run within it. */
    private static final double PROTOCOL_OFFSET = 0.07;
    private static final double RUN_SPREAD = 0.04;
    private static final String PAPER_SERIES = RmsdVsAspectRatio.PAPER_SERIES;
    private static final Shape CROSS = cross(4);

    /** One run. */
    record Run(String protocol, int width, int run, double rmsd, boolean failed, double linearFit, double constantFit) {
    }

    @Override
    public String heading() {
        return "Protocol scan: RMSD of every run by width and protocol";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.RUNS);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        double cutoff = source.readIfPresent(ResultTables.TABLE1).map(t -> t.select(TABLE1.col("cutoff_mev")).limit(1).collectAsList())
                .filter(l -> !l.isEmpty()).map(l -> l.get(0).getDouble(0)).orElse(100.0);
        List<Row> rows = Rows.collectSorted(source.read(ResultTables.RUNS).select(RUNS.col("activation"), RUNS.col("mode"), RUNS.col("protocol"), RUNS.col("width"), RUNS.col("depth"),
                RUNS.col("run"), RUNS.col("status"), RUNS.col("rmsd_mev"), RUNS.col("linear_fit_rmsd_mev"), RUNS.col("constant_fit_rmsd_mev")),
                RUNS.col("activation"), RUNS.col("mode"), RUNS.col("depth"), RUNS.col("protocol"), RUNS.col("width"), RUNS.col("run"));
        Map<List<Object>, List<Run>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            double rmsd = r.getAs(RUNS.col("rmsd_mev"));
            boolean failed = !"ok".equals(r.getAs(RUNS.col("status"))) || Double.isNaN(rmsd) || rmsd > cutoff;
            groups.computeIfAbsent(List.of(r.getAs(RUNS.col("activation")), r.getAs(RUNS.col("mode")), r.<Integer>getAs(RUNS.col("depth"))),
                    k -> new ArrayList<>()).add(new Run(r.getAs(RUNS.col("protocol")), r.getAs(RUNS.col("width")), r.getAs(RUNS.col("run")), rmsd, failed,
                    r.getAs(RUNS.col("linear_fit_rmsd_mev")), r.getAs(RUNS.col("constant_fit_rmsd_mev"))));
        }
        PaperResults paper = PaperResults.load();
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        StringBuilder scores = new StringBuilder();
        for (Map.Entry<List<Object>, List<Run>> e : groups.entrySet()) {
            String activation = (String) e.getKey().get(0);
            String mode = (String) e.getKey().get(1);
            int depth = (Integer) e.getKey().get(2);
            boolean withPaper = activation.equals(PaperResults.TABLE_ONE_ACTIVATION)
                    && mode.equals(PaperResults.TABLE_ONE_MODE) && depth == PaperResults.TABLE_ONE_DEPTH;
            List<Run> runs = e.getValue();
            List<String> protocols = runs.stream().map(Run::protocol).distinct().sorted().toList();
            long failed = runs.stream().filter(Run::failed).count();
            String title = "Protocol scan: " + Labels.activation(activation) + " " + Labels.mode(mode) + ", l_out = " + depth;
            String caption = title + ". Binding-energy RMSD of every run (" + runs.size() + " runs, " + failed
                    + " failed) against the width, one colour per protocol (" + String.join(", ", protocols) + "): markers "
                    + "(one shape per protocol) are runs kept, crosses failed runs (diverged, NaN or above the cutoff of " + Labels.number(cutoff)
                    + " MeV) at their RMSD, NaN at the top; thin lines join each protocol's median over its kept runs "
                    + "(the lower of the middle two where their number is even, so that the line passes through runs). "
                    + "Points of one width are spread sideways by protocol and run. Grey lines (named in the legend; dashed, dotted): the RMSD (in total B) of the "
                    + "least-squares linear fit of the runs' target (B or B/A) on the network inputs and of its median, "
                    + "over the training nuclides (a network stuck at the latter is dead). Log axes."
                    + (withPaper ? " Black diamonds (at the widths the sweep has, left of their runs): the paper's Table I, mean and std of "
                            + "the RMSD over the runs kept of 100 after 20000 epochs, cutoff 100 MeV; a bar whose lower end lies at or "
                            + "below zero is cut at the panel's lower edge, which a log axis cannot pass." : "")
                    + " " + source.citation();
            if (protocols.size() < 2) {
                // A scan compares protocols; the runs of one are drawn by Fig. 13 and the RMSD strips.
                notes.add(title + " (" + source.displayName() + "): not drawn, the runs have one protocol ("
                        + protocols.get(0) + "); Fig. 13 and the RMSD strips show its runs.");
            } else {
                JFreeChart chart = panel(runs.size() + " runs, " + protocols.size() + " protocols", runs, protocols,
                        withPaper ? paper : null);
                PanelGrid grid = new PanelGrid(title, 1, PANEL_WIDTH, PANEL_HEIGHT);
                figures.add(grid.write(List.of(chart), files, files.name("protocol-scan", activation, mode, "depth" + depth),
                        caption));
            }
            if (withPaper) {
                scores.append(scoreTable(runs, paper, files, source));
            }
        }
        return new Section(heading(), figures, scores.toString(), notes);
    }

    /**
     * The protocols ranked by {@link ProtocolScore} (HTML, and {@code protocol-scores.csv} beside the
     * figures): the score by which the default protocol is chosen.
     */
    private static String scoreTable(List<Run> runs, PaperResults paper, FigureFiles files, TableSource source)
            throws java.io.IOException {
        Map<String, List<ProtocolScore.Run>> byProtocol = new TreeMap<>();
        for (Run r : runs) {
            byProtocol.computeIfAbsent(r.protocol(), k -> new ArrayList<>()).add(new ProtocolScore.Run(r.width(),
                    r.rmsd()));
        }
        List<ProtocolScore.Score> ranked;
        try {
            ranked = ProtocolScore.ranked(byProtocol, paper);
        } catch (IllegalArgumentException e) {
            return "";
        }
        String csv = "protocol-scores" + (source.label().isEmpty() ? "" : "-" + FigureFiles.slug(source.displayName()))
                + ".csv";
        StringBuilder c = new StringBuilder("rank,protocol,score,failures,failed_state,converged,widths,runs\n");
        StringBuilder h = new StringBuilder("<table>\n<caption>Protocols ranked by the score S = F + D + C against the "
                + "paper's Table I (0 is the paper): F, mean over the widths of |failed fraction - the paper's implied "
                + "fraction| (failed: RMSD above 30 MeV); D, |median RMSD of the failed runs - 71.95 MeV| / 71.95 (1 "
                + "when none fails); C, mean relative difference of the converged runs' mean RMSD from the paper's at "
                + "widths " + ProtocolScore.CONVERGED_FROM + " and up. As CSV: " + ReportWriter.escape(csv)
                + ".</caption>\n<tr><th>rank</th><th>protocol</th><th>S</th><th>F</th><th>D</th><th>C</th>"
                + "<th>widths</th><th>runs</th></tr>\n");
        int rank = 1;
        for (ProtocolScore.Score sc : ranked) {
            String row = String.format(java.util.Locale.ROOT, "%d,%s,%.4f,%.4f,%.4f,%.4f,%d,%d", rank, sc.protocol(),
                    sc.total(), sc.failures(), sc.failedState(), sc.converged(), sc.widths(), sc.runs());
            c.append(row).append('\n');
            h.append(String.format(java.util.Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%.3f</td><td>%.3f</td>"
                    + "<td>%.3f</td><td>%.3f</td><td>%d</td><td>%d</td></tr>%n", rank, ReportWriter.escape(sc.protocol()),
                    sc.total(), sc.failures(), sc.failedState(), sc.converged(), sc.widths(), sc.runs()));
            rank++;
        }
        java.nio.file.Files.writeString(files.path(csv), c.toString());
        return h.append("</table>\n").toString();
    }

    private static JFreeChart panel(String title, List<Run> runs, List<String> protocols, PaperResults paper) {
        double top = runs.stream().mapToDouble(Run::rmsd).filter(Double::isFinite).max().orElse(1) * 1.5;
        XYPanel panel = new XYPanel(ChartStyle.log("width n"), ChartStyle.log("binding-energy RMSD (MeV)"));
        int widthsMin = runs.stream().mapToInt(Run::width).min().orElse(1);
        int widthsMax = runs.stream().mapToInt(Run::width).max().orElse(1);
        int runsMax = runs.stream().mapToInt(Run::run).max().orElse(0) + 1;
        for (int k = 0; k < protocols.size(); k++) {
            String protocol = protocols.get(k);
            Color color = ChartStyle.seriesColor(k);
            double shift = (k - (protocols.size() - 1) / 2.0) * PROTOCOL_OFFSET;
            List<Run> mine = runs.stream().filter(r -> r.protocol().equals(protocol)).toList();
            List<double[]> kept = new ArrayList<>();
            List<double[]> failed = new ArrayList<>();
            Map<Integer, List<Double>> byWidth = new TreeMap<>();
            for (Run r : mine) {
                double spread = runsMax > 1 ? (r.run() / (runsMax - 1.0) - 0.5) * RUN_SPREAD : 0;
                double x = r.width() * Math.exp(shift + spread);
                double y = Double.isFinite(r.rmsd()) ? r.rmsd() : top;
                (r.failed() ? failed : kept).add(new double[] {x, y});
                if (!r.failed()) {
                    byWidth.computeIfAbsent(r.width(), w -> new ArrayList<>()).add(y);
                }
            }
            panel.scatter(protocol, column(kept, 0), column(kept, 1), color, ChartStyle.seriesShape(k));
            if (!failed.isEmpty()) {
                panel.scatter(protocol + ", failed", column(failed, 0), column(failed, 1), color, CROSS);
            }
            double[] widths = byWidth.keySet().stream().mapToDouble(w -> w * Math.exp(shift)).toArray();
            double[] medians = byWidth.values().stream().mapToDouble(ProtocolScan::lowerMedian).toArray();
            panel.line(protocol + ", median", widths, medians, color, ChartStyle.solid(0.8f));
        }
        double[] across = {widthsMin / 1.3, widthsMax * 1.3};
        if (paper != null) {
            List<PaperResults.TableOneRow> t = paper.tableOne().stream()
                    .filter(p -> p.width() >= widthsMin / 1.5 && p.width() <= widthsMax * 1.5).toList();
            for (PaperResults.TableOneRow row : t) {
                across[0] = Math.min(across[0], row.width() / 1.3);
                across[1] = Math.max(across[1], row.width() * 1.3);
            }
            // At a width the sweep has, left of every protocol's points, so that no run hides behind a diamond.
            double left = Math.exp(-((protocols.size() + 1) / 2.0) * PROTOCOL_OFFSET - RUN_SPREAD);
            java.util.Set<Integer> swept = runs.stream().map(Run::width).collect(java.util.stream.Collectors.toSet());
            panel.errorBars(PAPER_SERIES, t.stream().mapToDouble(p -> swept.contains(p.width()) ? p.width() * left
                            : p.width()).toArray(),
                    t.stream().mapToDouble(PaperResults.TableOneRow::meanRmsdMev).toArray(),
                    t.stream().mapToDouble(PaperResults.TableOneRow::stdRmsdMev).toArray(), Color.BLACK, false,
                    ChartStyle.DIAMOND, ChartStyle.solid(1.0f));
        }
        Run any = runs.get(0);
        fitLine(panel, "linear fit", any.linearFit(), across, ChartStyle.dashed(1.0f));
        fitLine(panel, "median of the target", any.constantFit(), across, ChartStyle.dotted(1.2f));
        return panel.chart(title, true);
    }

    /** The middle value, the lower of the middle two for an even count: always one of the values. */
    static double lowerMedian(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[(v.length - 1) / 2];
    }

    /** A fit's RMSD as a dashed line named in the legend, not labelled on the plot, where a label could hide a run. */
    private static void fitLine(XYPanel panel, String label, double value, double[] across, java.awt.Stroke stroke) {
        if (!(value > 0)) {
            return;
        }
        panel.line(label + " " + Labels.number(value) + " MeV", across, new double[] {value, value}, ChartStyle.GREY, stroke);
    }

    private static double[] column(List<double[]> points, int i) {
        return points.stream().mapToDouble(p -> p[i]).toArray();
    }

    private static Shape cross(double h) {
        Path2D.Double p = new Path2D.Double();
        p.append(new Line2D.Double(-h, -h, h, h), false);
        p.append(new Line2D.Double(-h, h, h, -h), false);
        return new BasicStroke(1.6f).createStrokedShape(p);
    }
}
