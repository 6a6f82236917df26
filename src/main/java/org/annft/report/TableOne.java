package org.annft.report;

import static org.annft.table.ResultTables.TABLE1;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.annft.data.PaperResults;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;

/**
 * Paper Table I: per width, the mean and standard deviation of the binding-energy RMSD over the
 * runs kept by the cutoff, and the number of runs kept, as an HTML table (mean and std marked
 * with an asterisk where r* < r < 1) and as {@code table1.csv} (full precision, the mark as the
 * column {@code between_r_star_and_one}). For the paper's configuration (ReLU, CICT, l_out = 4)
 * one more table per protocol sets the paper's Table I beside annft's, width by width, with the
 * difference of the means in units of their combined standard error
 * {@code z = (m_a - m_p) / sqrt(s_p^2 / N_p + s_a^2 / N_a)} (m mean, s std, N runs kept; a annft,
 * p paper); the CSV carries the paper's values and z in its last columns. Where the source holds
 * {@code kernel_predictions}, the infinite-width baseline follows as the r = 0 row ({@link InfiniteWidthBaseline}).
 */
public final class TableOne implements FigureFamily {

    /** The CSV columns, in the order of the {@code table1} schema. */
    static final List<String> COLUMNS = List.of("activation", "mode", "protocol", "width", "depth", "r", "mean_rmsd_mev",
            "std_rmsd_mev", "runs_kept", "runs_total", "failed_fraction", "cutoff_mev", "r_star", "between_r_star_and_one");
    /** The paper's Table I values of the row's width (empty for other configurations) and z. */
    static final List<String> PAPER_COLUMNS = List.of("paper_mean_rmsd_mev", "paper_std_rmsd_mev", "paper_runs",
            "difference_in_standard_errors");

    @Override
    public String heading() {
        return "Table I: binding-energy RMSD by width";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.TABLE1);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        List<Row> rows = Rows.collectSorted(source.read(ResultTables.TABLE1).selectExpr(COLUMNS.toArray(String[]::new)),
                TABLE1.col("activation"), TABLE1.col("mode"), TABLE1.col("protocol"), TABLE1.col("depth"), TABLE1.col("width"));
        PaperResults paper = PaperResults.load();
        String csv = csvName(source, files);
        writeCsv(rows, paper, files.path(csv));
        List<String> modes = rows.stream().map(r -> r.<String>getAs(TABLE1.col("mode"))).distinct().toList();
        String caption = "Table I" + (source.label().isEmpty() ? "" : " (" + source.label() + ")")
                + ". Mean and standard deviation of the binding-energy RMSD (MeV) over the runs kept (RMSD below the "
                + "cutoff and not NaN), the runs kept of those trained, and the failed fraction. Mean and std carry an "
                + "asterisk where r* < r < 1, where the RMSD distribution turns bimodal. As CSV: " + csv + "."
                + RunOutcomes.sentence(source, modes, "Table I keeps runs by its cutoff, not by outcome, so a run that "
                        + "did not converge but stayed below the cutoff counts in its mean (the RMSD strips mark each run)")
                + ProtocolCaption.describe(source.runInfo(), modes) + " " + source.citation();
        String baseline = InfiniteWidthBaseline.read(source).map(b -> InfiniteWidthBaseline.html(b, "Table I at r = l_out/n "
                + "-> 0 (table kernel_predictions): RMSD (MeV) against AME2020 of an infinitely wide network at the same "
                + "initialization, on the nuclides it was fitted on and on those held out. Trained by the protocol: the "
                + "protocol's SGD with the NTK frozen at its initial value, from the ensemble's mean function 0; NTK "
                + "regression: the mean of infinitely wide networks trained on the squared error to convergence; NNGP: "
                + "the Bayesian posterior mean with the network's kernel. What separates these from the finite widths "
                + "above is what finite networks learn beyond their initial kernel.")).orElse("");
        return new Section(heading(), List.of(), comparisons(rows, paper, source) + html(rows, caption, csv) + baseline,
                List.of());
    }

    /** The paper's Table I: 20000 epochs (5000 + 15000), 100 runs per width. */
    static final int PAPER_EPOCHS = 20000;
    static final int PAPER_RUNS = 100;

    /** Whether a row is of the paper's Table I configuration. */
    static boolean paperConfiguration(Row r) {
        return PaperResults.TABLE_ONE_ACTIVATION.equals(r.getAs(TABLE1.col("activation")))
                && PaperResults.TABLE_ONE_MODE.equals(r.getAs(TABLE1.col("mode")))
                && r.<Integer>getAs(TABLE1.col("depth")) == PaperResults.TABLE_ONE_DEPTH;
    }

    /** z = (m_a - m_p) / sqrt(s_p^2 / N_p + s_a^2 / N_a); NaN where no run was kept or both spreads are zero. */
    static double difference(PaperResults.TableOneRow p, double mean, double std, long kept) {
        double se = Math.sqrt(p.stdRmsdMev() * p.stdRmsdMev() / p.runs() + std * std / kept);
        return kept > 0 && se > 0 ? (mean - p.meanRmsdMev()) / se : Double.NaN;
    }

    /** One table per protocol of the paper's configuration: the paper's Table I and annft's, width by width. */
    static String comparisons(List<Row> rows, PaperResults paper, TableSource source) {
        Map<String, Map<Integer, Row>> byProtocol = new TreeMap<>();
        for (Row r : rows) {
            if (paperConfiguration(r)) {
                byProtocol.computeIfAbsent(r.getAs(TABLE1.col("protocol")), p -> new TreeMap<>()).put(r.getAs(TABLE1.col("width")), r);
            }
        }
        StringBuilder h = new StringBuilder();
        for (Map.Entry<String, Map<Integer, Row>> e : byProtocol.entrySet()) {
            Map<Integer, Row> annft = e.getValue();
            TreeSet<Integer> widths = new TreeSet<>(annft.keySet());
            paper.tableOne().forEach(p -> widths.add(p.width()));
            double cutoff = annft.values().iterator().next().getAs(TABLE1.col("cutoff_mev"));
            Optional<Integer> epochs = source.runInfo().map(r -> r.forProtocol(e.getKey()))
                    .flatMap(ProtocolCaption::sgdEpochs);
            long runs = annft.values().stream().mapToLong(r -> r.<Long>getAs(TABLE1.col("runs_total"))).max().orElse(0);
            String differs = epochs.filter(x -> x != PAPER_EPOCHS).isPresent() || runs != PAPER_RUNS
                    ? " annft trained " + epochs.map(x -> x + " epochs").orElse("an unrecorded number of epochs") + " and "
                            + runs + " runs per width against the paper's " + PAPER_EPOCHS + " and " + PAPER_RUNS
                            + ": z compares networks trained for " + (epochs.filter(x -> x < PAPER_EPOCHS).isPresent()
                                    ? "fewer" : "different numbers of") + " epochs, not the paper's protocol repeated."
                    : "";
            String caption = "Table I beside the paper: ReLU, CICT, l_out = 4, protocol " + e.getKey()
                    + (source.label().isEmpty() ? "" : " (" + source.label() + ")") + ". Paper: Sundberg and Furnstahl "
                    + "(2025), Table I (20000 epochs, mean and std over the runs kept of 100, cutoff 100 MeV). annft: "
                    + "the same over the runs kept of those trained (cutoff " + Labels.number(cutoff) + " MeV) and "
                    + "the failed fraction. z: the difference of the means, annft minus paper, in units of the combined "
                    + "standard error sqrt(s_p^2/N_p + s_a^2/N_a). A dash: no value on that side." + differs;
            h.append("<table class=\"table1\">\n<caption>").append(ReportWriter.escape(caption))
                    .append("</caption>\n<tr><th>width n</th><th>r = l_out/n</th><th>paper mean &plusmn; &sigma; (MeV)</th>")
                    .append("<th>paper runs</th><th>annft mean &plusmn; &sigma; (MeV)</th><th>annft runs kept</th>")
                    .append("<th>annft failed fraction</th><th>z").append(differs.isEmpty() ? "" : " (after "
                            + epochs.map(x -> x + " epochs").orElse("other training") + ")").append("</th></tr>\n");
            for (int width : widths) {
                Optional<PaperResults.TableOneRow> p = paper.tableOne(width);
                Row a = annft.get(width);
                h.append("<tr><td class=\"num\">").append(width)
                        .append("</td><td class=\"num\">").append(Labels.fixed((double) PaperResults.TABLE_ONE_DEPTH / width, 4))
                        .append("</td><td class=\"num\">")
                        .append(p.map(x -> plusMinus(x.meanRmsdMev(), x.stdRmsdMev()) + (x.marked() ? "*" : "")).orElse("&ndash;"))
                        .append("</td><td class=\"num\">").append(p.map(x -> String.valueOf(x.runs())).orElse("&ndash;"))
                        .append("</td><td class=\"num\">")
                        .append(a == null ? "&ndash;" : plusMinus(a.getAs(TABLE1.col("mean_rmsd_mev")), a.getAs(TABLE1.col("std_rmsd_mev"))))
                        .append("</td><td class=\"num\">")
                        .append(a == null ? "&ndash;" : a.<Long>getAs(TABLE1.col("runs_kept")) + " / " + a.<Long>getAs(TABLE1.col("runs_total")))
                        .append("</td><td class=\"num\">")
                        .append(a == null ? "&ndash;" : Labels.fixed(a.getAs(TABLE1.col("failed_fraction")), 2))
                        .append("</td><td class=\"num\">")
                        .append(a == null || p.isEmpty() || a.isNullAt(a.fieldIndex(TABLE1.col("mean_rmsd_mev"))) ? "&ndash;"
                                : value(difference(p.get(), a.getAs(TABLE1.col("mean_rmsd_mev")), a.getAs(TABLE1.col("std_rmsd_mev")),
                                a.getAs(TABLE1.col("runs_kept"))), 2))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.toString();
    }

    private static String plusMinus(Double mean, Double std) {
        if (mean == null || !Double.isFinite(mean)) {
            return "&ndash;";
        }
        return Labels.fixed(mean, 4) + " &plusmn; " + (std == null ? "&ndash;" : Labels.fixed(std, 4));
    }

    /** {@code table1.csv}, or {@code table1-<source>.csv} when another source's table came first. */
    private static String csvName(TableSource source, FigureFiles files) {
        return Files.exists(files.path("table1.csv")) ? "table1-" + FigureFiles.slug(source.displayName()) + ".csv"
                : "table1.csv";
    }

    static String html(List<Row> rows, String caption, String csv) {
        StringBuilder h = new StringBuilder("<table class=\"table1\">\n<caption>")
                .append(ReportWriter.escape(caption)).append("</caption>\n<tr><th>activation</th><th>mode</th>")
                .append("<th>depth l_out</th><th>width n</th><th>ratio r = l_out/n</th><th>mean RMSD (MeV)</th>")
                .append("<th>&sigma; RMSD (MeV)</th><th>runs kept</th><th>failed fraction</th></tr>\n");
        for (Row r : rows) {
            String mark = Boolean.TRUE.equals(r.getAs(TABLE1.col("between_r_star_and_one"))) ? "*" : "";
            h.append("<tr><td>").append(ReportWriter.escape(Labels.activation(r.getAs(TABLE1.col("activation")))))
                    .append("</td><td>").append(ReportWriter.escape(Labels.mode(r.getAs(TABLE1.col("mode")))))
                    .append("</td><td>").append(ReportWriter.escape(r.getAs(TABLE1.col("protocol"))))
                    .append("</td><td class=\"num\">").append(r.<Integer>getAs(TABLE1.col("depth")))
                    .append("</td><td class=\"num\">").append(r.<Integer>getAs(TABLE1.col("width")))
                    .append("</td><td class=\"num\">").append(Labels.fixed(r.getAs(TABLE1.col("r")), 4))
                    .append("</td><td class=\"num\">").append(value(r.getAs(TABLE1.col("mean_rmsd_mev")))).append(mark)
                    .append("</td><td class=\"num\">").append(value(r.getAs(TABLE1.col("std_rmsd_mev")))).append(mark)
                    .append("</td><td class=\"num\">").append(r.<Long>getAs(TABLE1.col("runs_kept"))).append(" / ")
                    .append(r.<Long>getAs(TABLE1.col("runs_total")))
                    .append("</td><td class=\"num\">").append(Labels.fixed(r.getAs(TABLE1.col("failed_fraction")), 2))
                    .append("</td></tr>\n");
        }
        return h.append("</table>\n<p><a href=\"").append(ReportWriter.escape(csv)).append("\">")
                .append(ReportWriter.escape(csv)).append("</a></p>\n").toString();
    }

    /** Four decimals as the paper prints them; a dash where no run was kept. */
    private static String value(Double x) {
        return value(x, 4);
    }

    private static String value(Double x, int decimals) {
        return x != null && Double.isFinite(x) ? Labels.fixed(x, decimals) : "&ndash;";
    }

    static void writeCsv(List<Row> rows, PaperResults paper, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", COLUMNS) + "," + String.join(",", PAPER_COLUMNS));
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                cells.add(csvCell(r.get(i)));
            }
            Optional<PaperResults.TableOneRow> p = paperConfiguration(r) ? paper.tableOne(r.<Integer>getAs(TABLE1.col("width")))
                    : Optional.empty();
            if (p.isPresent()) {
                PaperResults.TableOneRow x = p.get();
                double z = r.isNullAt(r.fieldIndex(TABLE1.col("mean_rmsd_mev"))) ? Double.NaN
                        : difference(x, r.getAs(TABLE1.col("mean_rmsd_mev")), r.getAs(TABLE1.col("std_rmsd_mev")), r.getAs(TABLE1.col("runs_kept")));
                cells.addAll(List.of(Double.toString(x.meanRmsdMev()), Double.toString(x.stdRmsdMev()),
                        Integer.toString(x.runs()), Double.isNaN(z) ? "" : Double.toString(z)));
            } else {
                cells.addAll(List.of("", "", "", ""));
            }
            lines.add(String.join(",", cells));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Doubles at full precision ({@link Double#toString} round-trips); text quoted when it needs it. */
    private static String csvCell(Object v) {
        String s = String.valueOf(v);
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
