package org.annft.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annft quickstart}: the paper's experiments at laptop scale in one command. Runs the
 * initialization ensembles of {@code conf/quickstart-ensemble.conf} (Figs. 4, 6, 7) into
 * {@code OUT/ensemble}, the NTK ensembles of {@code conf/quickstart-ntk.conf} (the NTK's fluctuations
 * against r) into {@code OUT/ntk}, the training sweep of {@code conf/quickstart-sweep.conf} (Figs. 8, 10-14,
 * Table I) into {@code OUT/sweep}, and the report into {@code OUT/report/index.html}, on one Spark
 * session.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Run the paper's experiments at laptop scale and write the report (the main job).",
            "Ensembles (conf/quickstart-ensemble.conf), NTK ensembles (conf/quickstart-ntk.conf), a training sweep",
            "(conf/quickstart-sweep.conf) and the HTML report, under --out (default results/quickstart)."})
final class QuickstartCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/quickstart", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--ensemble-config", paramLabel = "FILE", defaultValue = "conf/quickstart-ensemble.conf",
            description = "Ensemble config (default ${DEFAULT-VALUE}).")
    String ensembleConfig;

    @Option(names = "--ntk-config", paramLabel = "FILE", defaultValue = "conf/quickstart-ntk.conf",
            description = "NTK ensemble config (default ${DEFAULT-VALUE}).")
    String ntkConfig;

    @Option(names = "--sweep-config", paramLabel = "FILE", defaultValue = "conf/quickstart-sweep.conf",
            description = "Sweep config (default ${DEFAULT-VALUE}).")
    String sweepConfig;

    @Mixin
    PipelineOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return new Pipeline("quickstart", spec.commandLine(), options).run(out, List.of(
                new Pipeline.Step("ensembles", "init-ensemble", ensembleConfig, "ensemble"),
                new Pipeline.Step("NTK ensembles", "init-ensemble", ntkConfig, "ntk"),
                new Pipeline.Step("training sweep", "sweep", sweepConfig, "sweep")));
    }
}
