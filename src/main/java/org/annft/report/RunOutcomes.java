package org.annft.report;

import static org.annft.table.ResultTables.RUNS;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.annft.table.ResultTables;
import org.annft.train.RunOutcome;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What became of the runs behind a figure ({@code runs.outcome}), as a caption sentence: figures
 * drawn from per-configuration tables that mix converged and failed runs say how many of each.
 */
final class RunOutcomes {

    private RunOutcomes() {
    }

    /**
     * E.g. {@code " Outcomes of these 16 runs (runs.outcome): 14 converged, 2 plateau; ..."}; empty
     * where the source has no outcomes.
     *
     * @param modes the modes drawn (all of the source's runs of these modes are counted)
     * @param consequence what the figure does with the failed runs, e.g. "the means include them"
     */
    static String sentence(TableSource source, List<String> modes, String consequence) {
        Dataset<Row> runs = source.readIfPresent(ResultTables.RUNS)
                .filter(t -> Arrays.asList(t.columns()).contains(RUNS.col("outcome"))).orElse(null);
        if (runs == null) {
            return "";
        }
        Map<String, Long> counts = new TreeMap<>();
        runs.where(col(RUNS.col("mode")).isin(modes.toArray())).groupBy(RUNS.col("outcome")).count().collectAsList()
                .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<String> parts = new ArrayList<>();
        for (RunOutcome o : RunOutcome.values()) {
            Long n = counts.get(o.configName());
            if (n != null) {
                parts.add(n + " " + o.configName());
            }
        }
        long failed = total - counts.getOrDefault(RunOutcome.CONVERGED.configName(), 0L);
        return " Outcomes of these " + total + " runs (runs.outcome): " + String.join(", ", parts)
                + (failed > 0 ? "; " + consequence + "." : ".");
    }
}
