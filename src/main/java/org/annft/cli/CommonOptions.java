package org.annft.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.annft.config.AnnftConfig;
import picocli.CommandLine.Option;

/** Options every job shares: configuration, output, Spark master and web UI, data table. */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Experiment config (HOCON); defaults come from conf/reference.conf.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable), e.g. --set seed=7.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default results/<experiment>); any Hadoop path (file:, hdfs:, s3a:).")
    String out;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master (default ${DEFAULT-VALUE}); ignored under spark-submit, which sets its own.")
    String master;

    @Option(names = "--overwrite", description = "Replace existing result tables.")
    boolean overwrite;

    @Option(names = "--force", description = "Run a job above the size limits (100,000 tasks, 1e9 training epochs).")
    boolean force;

    @Option(names = "--ui", description = "Start Spark's web UI in local mode, on 127.0.0.1 only (off by default).")
    boolean ui;

    @Option(names = "--ame", paramLabel = "PATH", description = "AME2020 mass table (before ANNFT_AME2020 and data/mass_1.mas20.txt).")
    String ame;

    /** Loads the config with the command's own settings applied after {@code --set}. */
    AnnftConfig config(List<String> commandSettings) {
        List<String> all = new ArrayList<>(settings);
        all.addAll(commandSettings);
        AnnftConfig config = AnnftConfig.load(Optional.ofNullable(CallerDirectory.config(configFile)), all);
        return ame == null ? config : config.with("data.ame", CallerDirectory.resolve(ame));
    }

    /** The output directory: {@code --out}, else {@code results/<experiment>}, relative to the caller's directory. */
    String outputDirectory(String experiment) {
        if (out != null && out.isBlank()) {
            // An empty --out would resolve to the caller's own directory and write a result set there.
            throw new org.annft.config.BadInputException("--out is empty: name the output directory");
        }
        return CallerDirectory.resolve(out != null ? out : "results/" + experiment);
    }
}
