package org.annft.report;

import static org.annft.table.ResultTables.INIT_CONFIGURATIONS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;

/**
 * The ensemble grid of one source, as recorded in {@code init_configurations}: networks sampled
 * per configuration and the labels of the inputs, for captions and axis labels. Every lookup has a
 * fallback, because the table is optional for the figures.
 */
final class EnsembleConfigurations {

    private final Map<Integer, Long> samples = new HashMap<>();
    private final List<String> inputLabels = new ArrayList<>();
    private String sampler = "";

    private EnsembleConfigurations() {
    }

    static EnsembleConfigurations of(TableSource source) {
        EnsembleConfigurations c = new EnsembleConfigurations();
        source.readIfPresent(ResultTables.INIT_CONFIGURATIONS).ifPresent(table -> {
            for (Row r : table.collectAsList()) {
                c.samples.put(r.<Integer>getAs(INIT_CONFIGURATIONS.col("config_id")), r.<Long>getAs(INIT_CONFIGURATIONS.col("samples")));
                c.sampler = r.getAs(INIT_CONFIGURATIONS.col("sampler"));
                if (c.inputLabels.isEmpty()) {
                    c.inputLabels.addAll(r.<scala.collection.Seq<String>>getAs(INIT_CONFIGURATIONS.col("inputs")) == null ? List.of()
                            : scala.jdk.javaapi.CollectionConverters.asJava(r.<scala.collection.Seq<String>>getAs(INIT_CONFIGURATIONS.col("inputs"))));
                }
            }
        });
        return c;
    }

    /** The label of an input, e.g. {@code Z=26,N=30}, or {@code input 2} when unknown. */
    String inputLabel(int index) {
        return index < inputLabels.size() ? inputLabels.get(index) : "input " + index;
    }

    /** Networks sampled per configuration, e.g. {@code 500000}, or {@code fallback} when unknown. */
    String samplesPerConfiguration(String fallback) {
        List<Long> distinct = samples.values().stream().distinct().sorted(Comparator.naturalOrder()).toList();
        if (distinct.isEmpty()) {
            return fallback;
        }
        return distinct.size() == 1 ? String.valueOf(distinct.get(0)) : distinct.get(0) + " to " + distinct.get(distinct.size() - 1);
    }

    /** The sampler as the config names it ({@code function} or {@code weight}), or empty. */
    String sampler() {
        return sampler;
    }
}
