package org.annft.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of the commands that run a {@link Pipeline} of jobs (quickstart, reproduce). */
final class PipelineOptions {

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key of every step (repeatable).")
    List<String> settings = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--ui", description = "Start Spark's web UI, on 127.0.0.1 only (off by default).")
    boolean ui;

    @Option(names = "--overwrite", description = "Replace the results of an earlier run in --out.")
    boolean overwrite;

    @Option(names = "--ame", paramLabel = "PATH", description = "AME2020 mass table (before ANNFT_AME2020 and data/mass_1.mas20.txt).")
    String ame;
}
