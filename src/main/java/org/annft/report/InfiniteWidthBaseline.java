package org.annft.report;

import static org.annft.table.ResultTables.KERNEL_PREDICTIONS;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;

/**
 * The r = 0 point of Table I and Fig. 13: per configuration (activation, mode, depth, protocol) of
 * table {@code kernel_predictions}, the RMSD against AME2020 of each infinite-width prediction
 * ({@code trained}, {@code ntk}, {@code nngp}) on the nuclides of each role.
 */
final class InfiniteWidthBaseline {

    /** The predictions, as the table names them, in the order they are shown. */
    static final List<String> PREDICTIONS = List.of("trained", "ntk", "nngp");

    /** What each prediction is, for captions and headers. */
    static String describe(String prediction) {
        return switch (prediction) {
            case "trained" -> "trained by the protocol";
            case "ntk" -> "NTK regression, converged";
            case "nngp" -> "NNGP posterior mean";
            default -> prediction;
        };
    }

    /** RMSD in MeV per (activation, mode, depth, protocol), prediction and role; NaN where a prediction diverged. */
    record Rmsd(Map<List<Object>, Map<String, Map<String, Double>>> byConfiguration) {

        /** The RMSD of {@code prediction} on the nuclides of {@code role}, if there are any. */
        Optional<Double> of(List<Object> configuration, String prediction, String role) {
            return Optional.ofNullable(byConfiguration.get(configuration)).map(m -> m.get(prediction))
                    .map(m -> m.get(role));
        }
    }

    private InfiniteWidthBaseline() {
    }

    /** The RMSDs of the source's {@code kernel_predictions}, if it has the table. */
    static Optional<Rmsd> read(TableSource source) {
        return source.readIfPresent(ResultTables.KERNEL_PREDICTIONS).map(t -> {
            String[] key = {KERNEL_PREDICTIONS.col("activation"), KERNEL_PREDICTIONS.col("mode"),
                KERNEL_PREDICTIONS.col("depth"), KERNEL_PREDICTIONS.col("protocol"), KERNEL_PREDICTIONS.col("prediction"),
                KERNEL_PREDICTIONS.col("role")};
            List<Row> rows = Rows.collectSorted(t.groupBy(key[0], key[1], key[2], key[3], key[4], key[5])
                    .agg(sqrt(avg(pow(col(KERNEL_PREDICTIONS.col("ame_mev")).minus(col(KERNEL_PREDICTIONS.col("mean_mev"))), 2)))
                            .as("rmsd"), count(col(KERNEL_PREDICTIONS.col("mean_mev"))).as("predicted"), count("*").as("all")),
                    key);
            Map<List<Object>, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
            for (Row r : rows) {
                // A prediction that diverged has NULL means: its RMSD is not a number, not the survivors'.
                double rmsd = r.<Long>getAs("predicted") < r.<Long>getAs("all") || r.isNullAt(r.fieldIndex("rmsd"))
                        ? Double.NaN : r.<Double>getAs("rmsd");
                out.computeIfAbsent(List.of(r.getAs(key[0]), r.getAs(key[1]), r.<Integer>getAs(key[2]), r.getAs(key[3])),
                                k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.getAs(key[4]), k -> new LinkedHashMap<>()).put(r.getAs(key[5]), rmsd);
            }
            return new Rmsd(out);
        });
    }

    /** An HTML table of the baselines: one row per configuration and prediction, one column per role. */
    static String html(Rmsd rmsd, String caption) {
        StringBuilder h = new StringBuilder("<table class=\"table1\">\n<caption>").append(ReportWriter.escape(caption))
                .append("</caption>\n<tr><th>activation</th><th>mode</th><th>protocol</th><th>depth l_out</th>")
                .append("<th>r &rarr; 0</th><th>RMSD training nuclides (MeV)</th><th>RMSD held out (MeV)</th></tr>\n");
        for (Map.Entry<List<Object>, Map<String, Map<String, Double>>> e : rmsd.byConfiguration().entrySet()) {
            for (String prediction : PREDICTIONS) {
                Map<String, Double> byRole = e.getValue().get(prediction);
                if (byRole == null) {
                    continue;
                }
                h.append("<tr><td>").append(ReportWriter.escape(Labels.activation((String) e.getKey().get(0))))
                        .append("</td><td>").append(ReportWriter.escape(Labels.mode((String) e.getKey().get(1))))
                        .append("</td><td>").append(ReportWriter.escape((String) e.getKey().get(3)))
                        .append("</td><td class=\"num\">").append(e.getKey().get(2))
                        .append("</td><td>").append(ReportWriter.escape(describe(prediction)))
                        .append("</td><td class=\"num\">").append(value(byRole.get("train")))
                        .append("</td><td class=\"num\">").append(value(byRole.get("test")))
                        .append("</td></tr>\n");
            }
        }
        return h.append("</table>\n").toString();
    }

    private static String value(Double x) {
        return x != null && Double.isFinite(x) ? Labels.fixed(x, 4) : "&ndash;";
    }
}
