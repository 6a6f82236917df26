package org.annft.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Paper Table I: per width, the mean and standard deviation of the binding-energy RMSD over the
 * runs kept by the cutoff, and the number of runs kept, as an HTML table (mean and std marked
 * with an asterisk where r* < r < 1) and as {@code table1.csv} (full precision, the mark as the
 * column {@code between_r_star_and_one}).
 */
public final class TableOne implements FigureFamily {

    /** The CSV columns, in the order of the {@code table1} schema. */
    static final List<String> COLUMNS = List.of("activation", "mode", "width", "depth", "r", "mean_rmsd_mev",
            "std_rmsd_mev", "runs_kept", "runs_total", "failed_fraction", "cutoff_mev", "r_star", "between_r_star_and_one");

    @Override
    public String heading() {
        return "Table I: binding-energy RMSD by width";
    }

    @Override
    public List<String> tables() {
        return List.of("table1");
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        List<Row> rows = Rows.collectSorted(source.read("table1").selectExpr(COLUMNS.toArray(String[]::new)),
                "activation", "mode", "depth", "width");
        String csv = csvName(source, files);
        writeCsv(rows, files.path(csv));
        List<String> modes = rows.stream().map(r -> r.<String>getAs("mode")).distinct().toList();
        String caption = "Table I" + (source.label().isEmpty() ? "" : " (" + source.label() + ")")
                + ". Mean and standard deviation of the binding-energy RMSD (MeV) over the runs kept (RMSD below the "
                + "cutoff and not NaN), the runs kept of those trained, and the failed fraction. Mean and std carry an "
                + "asterisk where r* < r < 1, where the RMSD distribution turns bimodal. As CSV: " + csv + "."
                + TrainingProtocol.describe(source.runInfo(), modes) + " " + source.citation();
        return new Section(heading(), List.of(), html(rows, caption, csv), List.of());
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
            String mark = Boolean.TRUE.equals(r.getAs("between_r_star_and_one")) ? "*" : "";
            h.append("<tr><td>").append(ReportWriter.escape(Labels.activation(r.getAs("activation"))))
                    .append("</td><td>").append(ReportWriter.escape(Labels.mode(r.getAs("mode"))))
                    .append("</td><td class=\"num\">").append(r.<Integer>getAs("depth"))
                    .append("</td><td class=\"num\">").append(r.<Integer>getAs("width"))
                    .append("</td><td class=\"num\">").append(Labels.fixed(r.getAs("r"), 4))
                    .append("</td><td class=\"num\">").append(value(r.getAs("mean_rmsd_mev"))).append(mark)
                    .append("</td><td class=\"num\">").append(value(r.getAs("std_rmsd_mev"))).append(mark)
                    .append("</td><td class=\"num\">").append(r.<Long>getAs("runs_kept")).append(" / ")
                    .append(r.<Long>getAs("runs_total"))
                    .append("</td><td class=\"num\">").append(Labels.fixed(r.getAs("failed_fraction"), 2))
                    .append("</td></tr>\n");
        }
        return h.append("</table>\n<p><a href=\"").append(ReportWriter.escape(csv)).append("\">")
                .append(ReportWriter.escape(csv)).append("</a></p>\n").toString();
    }

    /** Four decimals as the paper prints them; a dash where no run was kept. */
    private static String value(double x) {
        return Double.isFinite(x) ? Labels.fixed(x, 4) : "&ndash;";
    }

    static void writeCsv(List<Row> rows, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", COLUMNS));
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                cells.add(csvCell(r.get(i)));
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
