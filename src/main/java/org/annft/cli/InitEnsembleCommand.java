package org.annft.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.annft.config.AnnftConfig;
import org.annft.config.Setting;
import org.annft.ensemble.EnsembleConfiguration;
import org.annft.ensemble.EnsembleJob;
import org.annft.ensemble.EnsembleSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annft init-ensemble}: initialization ensembles against the theory (paper Figs. 4-7). */
@Command(name = "init-ensemble", mixinStandardHelpOptions = true,
        description = {"Sample initialization ensembles and compare them with the theory (paper Figs. 4-7).",
            "Over a grid of ensemble.* keys, per-layer moments, histograms and covariances beside the theory's.",
            "Tables: init_configurations, init_moments, init_histograms, init_covariance (several inputs),",
            "init_samples (ensemble.keep-samples > 0)."})
final class InitEnsembleCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    static final Setting<Integer> PARTITIONS = Setting.integer("spark.partitions", 0, 1_000_000, 0).meaning("""
            Partitions of the task-parallel stages; 0 means Spark's default parallelism (cores).
            """);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        AnnftConfig config = common.config(List.of());
        EnsembleSettings settings = EnsembleSettings.fromConfig(config, w -> err.println("warning: " + w));
        List<EnsembleConfiguration> grid = settings.configurations();
        int partitions = PARTITIONS.read(config);
        SizeLimits.check(String.format(Locale.ROOT, "init-ensemble: %d configurations x %d samples in chunks of %d",
                grid.size(), settings.samples(), settings.chunkSize()), grid.size() * settings.chunks(), 0, common.force);
        if (MemoryCheck.local(common.master)) {
            EnsembleConfiguration largest = grid.stream().max(java.util.Comparator.comparingLong(
                    c -> c.chunkMemoryBytes(settings.bins()))).orElseThrow();
            MemoryCheck.check("init-ensemble", "a chunk of " + largest.activationName() + " width " + largest.width()
                            + " with " + largest.hiddenLayers() + " hidden layers (" + settings.sampler().configName()
                            + " sampler, " + settings.bins() + " histogram bins)", largest.chunkMemoryBytes(settings.bins()),
                    Math.min(settings.tasks(grid).size(), MemoryCheck.localCores(common.master)),
                    Runtime.getRuntime().maxMemory());
        }
        err.printf(Locale.ROOT, "init-ensemble: %d configurations x %d samples (%s sampler), %d tasks of up to %d samples%n",
                grid.size(), settings.samples(), settings.sampler().configName(),
                settings.tasks(grid).size(), settings.chunkSize());
        err.flush();
        Job.run(common, config, "init-ensemble", EnsembleJob.tables(), err, (spark, out) -> {
            long start = System.nanoTime();
            EnsembleJob.Summary s = EnsembleJob.run(spark, settings, partitions, out, err);
            double wall = (System.nanoTime() - start) / 1e9;
            err.printf(Locale.ROOT, "init-ensemble: %d networks, %.3g Gaussian draws in %.1f s: sampling %.1f s "
                    + "(%.1f task-seconds, %.3g draws per task-second), tables %.1f s%n", s.samples(),
                    (double) s.gaussians(), wall, s.samplingSeconds(), s.taskSeconds(), s.gaussians() / s.taskSeconds(),
                    s.tableSeconds());
        });
        return 0;
    }
}
