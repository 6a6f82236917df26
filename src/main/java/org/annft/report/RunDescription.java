package org.annft.report;

import static org.annft.table.ResultTables.RUN_INFO;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * What the {@code run_info} table of a job records (experiment, command, seed, versions, timing)
 * and its resolved configuration, from which captions take the protocol (samples, sampler,
 * training phases, batch size).
 */
public record RunDescription(String experiment, String command, long seed, String annftVersion,
                             String codeRevision, String sparkVersion, String master, String startedAt,
                             double seconds, String configJson) {

    static RunDescription of(Row row) {
        return new RunDescription(row.getAs(RUN_INFO.col("experiment")), row.getAs(RUN_INFO.col("command")), row.<Long>getAs(RUN_INFO.col("seed")),
                row.getAs(RUN_INFO.col("annft_version")), row.getAs(RUN_INFO.col("code_revision")), row.getAs(RUN_INFO.col("spark_version")),
                row.getAs(RUN_INFO.col("master")), String.valueOf(row.<Object>getAs(RUN_INFO.col("started_at"))),
                row.<Double>getAs(RUN_INFO.col("seconds")), row.getAs(RUN_INFO.col("config_json")));
    }

    /** The resolved configuration; empty when the JSON does not parse. */
    public Config config() {
        try {
            return ConfigFactory.parseString(configJson, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
        } catch (ConfigException e) {
            return ConfigFactory.empty();
        }
    }

    /**
     * The description of the runs of one sweep protocol: the element of {@code sweep.protocols} named
     * {@code protocol} laid over {@code train}, so that {@link #find} gives the settings those runs
     * trained with. Unchanged when the job had no such protocol.
     */
    public RunDescription forProtocol(String protocol) {
        Config c = config();
        if (!c.hasPath("sweep.protocols")) {
            return this;
        }
        try {
            for (Config element : c.getConfigList("sweep.protocols")) {
                if (element.hasPath("name") && element.getString("name").strip().equals(protocol)) {
                    Config train = element.hasPath("train") ? element.getConfig("train") : ConfigFactory.empty();
                    Config merged = train.withFallback(c.hasPath("train") ? c.getConfig("train") : ConfigFactory.empty());
                    Config resolved = c.withoutPath("sweep.protocols").withValue("train", merged.root());
                    return new RunDescription(experiment, command, seed, annftVersion, codeRevision, sparkVersion, master,
                            startedAt, seconds, resolved.root().render(com.typesafe.config.ConfigRenderOptions.concise()));
                }
            }
        } catch (ConfigException e) {
            return this;
        }
        return this;
    }

    /**
     * The description of the runs of one sweep protocol from the rows of table {@code protocols}:
     * {@code train} replaced by the settings the protocol ran with ({@code train.*} key to its value
     * as JSON), so that captions state what was run, not what a configuration file asked for.
     * Unchanged when the map is empty or does not parse.
     */
    public RunDescription withTrainSettings(java.util.Map<String, String> settings) {
        if (settings.isEmpty()) {
            return this;
        }
        try {
            StringBuilder text = new StringBuilder();
            settings.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
            Config train = ConfigFactory.parseString(text.toString()).getConfig("train");
            Config c = config();
            Config resolved = (c.hasPath("sweep.protocols") ? c.withoutPath("sweep.protocols") : c).withoutPath("train")
                    .withValue("train", train.root());
            return new RunDescription(experiment, command, seed, annftVersion, codeRevision, sparkVersion, master,
                    startedAt, seconds, resolved.root().render(com.typesafe.config.ConfigRenderOptions.concise()));
        } catch (ConfigException e) {
            return this;
        }
    }

    /** A setting rendered as text (lists and objects as compact JSON), if the configuration has it. */
    public Optional<String> setting(String path) {
        Config c = config();
        if (!c.hasPath(path)) {
            return Optional.empty();
        }
        Object v = c.getValue(path).unwrapped();
        return Optional.of(v instanceof String s ? s : c.getValue(path).render(
                com.typesafe.config.ConfigRenderOptions.concise()));
    }

    /**
     * The setting whose key ends in {@code leaf} (e.g. {@code batch-size}), wherever the job nests
     * it ({@code train.batch-size}, {@code sweep.train.batch-size}); the shortest such path wins.
     */
    public Optional<String> find(String leaf) {
        return findPath(leaf).flatMap(this::setting);
    }

    /** The full path of the setting {@link #find} would return. */
    public Optional<String> findPath(String leaf) {
        return config().entrySet().stream().map(java.util.Map.Entry::getKey)
                .map(k -> k.endsWith("." + leaf) || k.equals(leaf) ? k : parentEndingIn(k, leaf))
                .filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder()));
    }

    /** Lists of objects appear in entrySet only as whole values; their own key is the match. */
    private static String parentEndingIn(String key, String leaf) {
        int i = key.indexOf("." + leaf + ".");
        return i < 0 ? null : key.substring(0, i + leaf.length() + 1);
    }

    /** One line naming the job that wrote the tables, for captions. */
    public String provenance() {
        return String.format(Locale.ROOT, "experiment %s: annft %s, seed %d, version %s (revision %s), master %s, %.0f s",
                experiment, command, seed, annftVersion, codeRevision, master, seconds);
    }
}
