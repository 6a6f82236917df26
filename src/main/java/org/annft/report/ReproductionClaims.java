package org.annft.report;

import static org.annft.table.ResultTables.RUNS;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.annft.data.PaperResults;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;

/**
 * The paper's training claims against annft's runs, over every results directory of the report at
 * once (Table I, Figs. 8-9, Adam, the four-input network and the long runs come from different
 * sweeps): an HTML table, {@code claims.csv} and {@code claims.md} (the table of docs/reproduction.md). The rules
 * are {@link Claims}'.
 */
public final class ReproductionClaims implements FigureFamily {

    @Override
    public String heading() {
        return "The paper's training claims";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.RUNS);
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
        List<Claims.Run> runs = new ArrayList<>();
        for (TableSource source : sources) {
            String inputs = source.runInfo().flatMap(r -> r.setting("data.inputs")).orElse("zn");
            String label = source.label().isEmpty() ? "." : source.label();
            for (Row r : Rows.collectSorted(source.read(ResultTables.RUNS).select(RUNS.col("activation"), RUNS.col("mode"), RUNS.col("protocol"), RUNS.col("width"), RUNS.col("depth"),
                    RUNS.col("run"), RUNS.col("epochs_done"), RUNS.col("status"), RUNS.col("rmsd_mev")), RUNS.col("activation"), RUNS.col("mode"), RUNS.col("protocol"), RUNS.col("width"), RUNS.col("depth"), RUNS.col("run"))) {
                double rmsd = "ok".equals(r.getAs(RUNS.col("status"))) ? r.<Double>getAs(RUNS.col("rmsd_mev")) : Double.NaN;
                runs.add(new Claims.Run(label, inputs, r.getAs(RUNS.col("activation")), r.getAs(RUNS.col("mode")), r.getAs(RUNS.col("protocol")),
                        r.<Integer>getAs(RUNS.col("width")), r.<Integer>getAs(RUNS.col("depth")), r.<Integer>getAs(RUNS.col("epochs_done")), rmsd));
            }
        }
        List<Claims.Claim> claims = Claims.evaluate(runs, PaperResults.load());
        Files.writeString(files.path("claims.csv"), csv(claims));
        Files.writeString(files.path("claims.md"), markdown(claims));
        StringBuilder h = new StringBuilder("<table>\n<caption>Each of the paper's training claims: the paper's value, "
                + "annft's from the runs of this report (the directory named), and whether the rule holds. As CSV: "
                + "claims.csv; as Markdown: claims.md.</caption>\n<tr><th>claim</th><th>paper</th><th>annft</th>"
                + "<th>met</th><th>rule</th><th>from</th></tr>\n");
        for (Claims.Claim c : claims) {
            h.append("<tr>");
            for (String cell : List.of(c.claim(), c.paper(), c.annft(), c.verdict(), c.rule(), c.source())) {
                h.append("<td>").append(ReportWriter.escape(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        return new Section(heading(), List.of(), h.append("</table>\n").toString(), List.of());
    }

    static String markdown(List<Claims.Claim> claims) {
        StringBuilder m = new StringBuilder("| claim | paper | annft | met | from |\n| --- | --- | --- | --- | --- |\n");
        for (Claims.Claim c : claims) {
            m.append("| ").append(String.join(" | ", c.claim(), c.paper(), c.annft(), c.verdict(),
                    c.source().isEmpty() ? "" : "`" + c.source() + "`")).append(" |\n");
        }
        return m.toString();
    }

    private static String csv(List<Claims.Claim> claims) {
        StringBuilder c = new StringBuilder("claim,paper,annft,met,rule,source\n");
        for (Claims.Claim x : claims) {
            c.append(String.join(",", List.of(x.claim(), x.paper(), x.annft(), x.verdict(), x.rule(), x.source()).stream()
                    .map(s -> "\"" + s.replace("\"", "\"\"") + "\"").toList())).append('\n');
        }
        return c.toString();
    }
}
