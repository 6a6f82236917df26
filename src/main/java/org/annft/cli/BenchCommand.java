package org.annft.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.annft.bench.TrainingBenchmark;
import org.annft.config.AnnftConfig;
import org.annft.config.Seeds;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.DataSource;
import org.annft.data.Nuclide;
import org.annft.ensemble.EnsembleConfiguration;
import org.annft.ensemble.EnsembleJob;
import org.annft.ensemble.EnsembleSettings;
import org.annft.ensemble.SamplerBenchmark;
import org.annft.ensemble.SamplerKind;
import org.annft.linalg.BlasLibrary;
import org.annft.linalg.Gemm;
import org.annft.sweep.NtkRecording;
import org.annft.sweep.SweepJob;
import org.annft.sweep.SweepSettings;
import org.annft.sweep.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annft bench ...}: benchmarks that print rates and ratios measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each prints its figures and the ratios against a baseline measured in the same run.",
        subcommands = {BenchCommand.Init.class, BenchCommand.Train.class, BenchCommand.Sweep.class, BenchCommand.Ntk.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing benchmark name");
    }

    /** The Fig. 4 ensemble grid at full scale, end to end, against the raw Gaussian generator. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Runs conf/fig4.conf (8 configurations x 500,000 networks, function sampler) in local mode",
                "and prints wall time, networks per second, and the sampler's Gaussian draws per task-second",
                "against the raw generator's rate; then the weight sampler's cost at width 1000."})
    static final class Init implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Option(names = "--weight-samples", defaultValue = "200", description = "Networks for the weight-sampler comparison (default ${DEFAULT-VALUE}).")
        int weightSamples;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (weightSamples < 1) {
                throw new org.annft.config.BadInputException("--weight-samples must be at least 1, got " + weightSamples);
            }
            PrintWriter out = spec.commandLine().getOut();
            BlasLibrary.current().describe().forEach(out::println);
            AnnftConfig config = config(common, "conf/fig4.conf");
            EnsembleSettings settings = EnsembleSettings.fromConfig(config, w -> out.println("warning: " + w));
            List<EnsembleConfiguration> grid = settings.configurations();
            int cores = Runtime.getRuntime().availableProcessors();
            out.printf(Locale.ROOT, "bench init: %d configurations x %d networks, %s sampler, %d cores%n",
                    grid.size(), settings.samples(), settings.sampler().configName(), cores);
            out.flush();

            double raw = SamplerBenchmark.rawGaussianRate(200_000_000L);
            out.printf(Locale.ROOT, "raw generator (XoShiRo256++, Ziggurat), one thread: %.3g draws/s (%.2f ns/draw)%n",
                    raw, 1e9 / raw);

            long start = System.nanoTime();
            EnsembleJob.Summary[] summary = new EnsembleJob.Summary[1];
            long[] sessionReady = new long[1];
            runInTemporaryOutput(common, config, "bench-init", EnsembleJob.tables(), spec.commandLine().getErr(),
                    (spark, tables) -> {
                        sessionReady[0] = System.nanoTime();
                        summary[0] = EnsembleJob.run(spark, settings, 0, tables);
                    });
            double wall = (System.nanoTime() - start) / 1e9;
            EnsembleJob.Summary s = summary[0];
            double perTaskSecond = s.gaussians() / s.taskSeconds();
            out.printf(Locale.ROOT, "wall time, Spark start-up and aggregation included: %.1f s (target <= 30 s)%n", wall);
            out.printf(Locale.ROOT, "  Spark start-up %.1f s, sampling %.1f s, tables %.1f s, commit and stop %.1f s%n",
                    (sessionReady[0] - start) / 1e9, s.samplingSeconds(), s.tableSeconds(),
                    wall - (sessionReady[0] - start) / 1e9 - s.samplingSeconds() - s.tableSeconds());
            out.printf(Locale.ROOT, "networks per second: %.3g; Gaussian draws: %.3g%n", s.samples() / wall,
                    (double) s.gaussians());
            out.printf(Locale.ROOT, "sampler: %.3g draws per task-second = %.2f x the raw rate (target >= 0.50)%n",
                    perTaskSecond, perTaskSecond / raw);
            out.printf(Locale.ROOT, "overall: %.3g draws/s on %d cores = %.2f x (cores x raw rate)%n",
                    s.gaussians() / wall, cores, s.gaussians() / wall / (cores * raw));

            EnsembleConfiguration wide = grid.stream().filter(c -> c.width() == 1000).findFirst().orElse(grid.get(0));
            EnsembleConfiguration weight = new EnsembleConfiguration(0, wide.activationName(), wide.cW(), wide.cB(),
                    wide.width(), wide.hiddenLayers(), wide.inputs(), SamplerKind.WEIGHT);
            EnsembleConfiguration function = new EnsembleConfiguration(0, wide.activationName(), wide.cW(), wide.cB(),
                    wide.width(), wide.hiddenLayers(), wide.inputs(), SamplerKind.FUNCTION);
            double tw = SamplerBenchmark.secondsPerSample(weight, weightSamples);
            double tf = SamplerBenchmark.secondsPerSample(function, weightSamples * 100);
            out.printf(Locale.ROOT, "%s width %d, %d hidden layers, one thread: weight sampler %.3g ms/network, "
                    + "function sampler %.3g ms/network: speed-up %.0f x%n", wide.activationName(), wide.width(),
                    wide.hiddenLayers(), tw * 1e3, tf * 1e3, tw / tf);
            return 0;
        }
    }

    /** {@code annft bench train}: epochs of the default protocol against the gemm rates and the bandwidth. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Time training epochs (batch 32 and full batch, float64 and float32, depth 4, 3558 samples)",
                "on one thread against the dgemm / sgemm rate at the epoch's own shapes and at 1000x1000x1000,",
                "and against a core's gemm and memory-bandwidth limits (STREAM triad), measured in the same run."})
    static final class Train implements Callable<Integer> {

        @Option(names = "--widths", split = ",", paramLabel = "N,N", defaultValue = "10,40,120,240,1000",
                description = "Hidden widths (default ${DEFAULT-VALUE}).")
        int[] widths;

        @Option(names = "--depth", defaultValue = "4", description = "Depth l_out (default ${DEFAULT-VALUE}).")
        int depth;

        @Option(names = "--samples", defaultValue = "3558", description = "Rows of the synthetic data (default ${DEFAULT-VALUE}).")
        int samples;

        @Option(names = "--batch-size", defaultValue = "32",
                description = "Mini-batch size timed besides full batch (default ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--precisions", split = ",", defaultValue = "float64,float32",
                description = "Precisions (default ${DEFAULT-VALUE}).")
        List<String> precisions;

        @Option(names = "--seconds", defaultValue = "1", description = "Time spent per measurement (default ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--threads", split = ",", paramLabel = "K,K", defaultValue = "1",
                description = "Also time the batch epochs with products split over these thread counts, as a sweep's "
                        + "wide runs train, and print the speed-up over one thread (default ${DEFAULT-VALUE}: none).")
        int[] threads;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            BlasLibrary.current().describe().forEach(out::println);
            List<org.annft.train.Precision> parsed = precisions.stream()
                    .map(p -> OptionValues.parsed("--precisions", p, org.annft.train.Precision::parse)).toList();
            TrainingBenchmark.Settings settings = OptionValues.checked("bench train options", () ->
                    new TrainingBenchmark.Settings(samples, depth, widths, batchSize, parsed, seconds, threads));
            TrainingBenchmark.run(out, settings);
            out.flush();
            return 0;
        }
    }

    /** Parallel efficiency of the sweep job: 32 short runs on all cores. */
    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = {"Runs conf/bench-sweep.conf (32 short trainings) in local mode on all cores and prints the",
                "wall time, the sum of the runs' own times and the parallel efficiency sum / (wall x cores)."})
    static final class Sweep implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            BlasLibrary.current().describe().forEach(out::println);
            AnnftConfig config = config(common, "conf/bench-sweep.conf");
            SweepSettings settings = SweepSettings.fromConfig(config);
            BindingEnergyDataSet data = DataSource.fromConfig(config).load(w -> out.println("warning: " + w));
            long start = System.nanoTime();
            SweepJob.Summary[] summary = new SweepJob.Summary[1];
            int[] cores = new int[1];
            runInTemporaryOutput(common, config, "bench-sweep", SweepJob.tables(settings), spec.commandLine().getErr(),
                    (spark, tables) -> {
                        cores[0] = spark.sparkContext().defaultParallelism();
                        summary[0] = SweepJob.run(spark, settings, data, common.out, tables, spec.commandLine().getErr());
                    });
            double total = (System.nanoTime() - start) / 1e9;
            SweepJob.Summary s = summary[0];
            out.printf(Locale.ROOT, "bench sweep: %d runs on %d cores%n", s.runsTrained(), cores[0]);
            out.printf(Locale.ROOT, "training stage wall time: %.1f s; sum of the runs' own times: %.1f s%n",
                    s.wallSeconds(), s.runSeconds());
            out.printf(Locale.ROOT, "parallel efficiency of the training stage: %.1f%% (target >= 85%%)%n",
                    100 * s.runSeconds() / (s.wallSeconds() * cores[0]));
            out.printf(Locale.ROOT, "whole job (Spark start-up, training, 8 tables): %.1f s wall, efficiency %.1f%%%n",
                    total, 100 * s.runSeconds() / (total * cores[0]));
            return 0;
        }
    }

    /**
     * {@code annft bench ntk}: the NTK ensemble of conf/bench-ntk.conf end to end, and the cost of
     * recording the NTK at 50 reference nuclides in a training run, against the same run without.
     */
    @Command(name = "ntk", mixinStandardHelpOptions = true,
            description = {"Runs conf/bench-ntk.conf (10,000 networks, width 240, depth 4, 4 inputs, NTK measured) in local",
                "mode and prints its wall time; then trains one run (ReLU CICT, width 120, depth 4, batch 32) with and",
                "without the NTK recorded at 50 nuclides, alternately, and prints the ratio of their times."})
    static final class Ntk implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Option(names = "--epochs", defaultValue = "300", description = "Epochs of each timed training (default ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--repeats", defaultValue = "3", description = "Trainings with and without the NTK each (default ${DEFAULT-VALUE}).")
        int repeats;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (epochs < 1 || repeats < 1) {
                throw new org.annft.config.BadInputException("--epochs and --repeats must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            BlasLibrary.current().describe().forEach(out::println);
            AnnftConfig config = config(common, "conf/bench-ntk.conf");
            EnsembleSettings settings = EnsembleSettings.fromConfig(config, w -> out.println("warning: " + w));
            long start = System.nanoTime();
            EnsembleJob.Summary[] summary = new EnsembleJob.Summary[1];
            runInTemporaryOutput(common, config, "bench-ntk", EnsembleJob.tables(), spec.commandLine().getErr(),
                    (spark, tables) -> summary[0] = EnsembleJob.run(spark, settings, 0, tables));
            double wall = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "NTK ensemble: %d networks x %d configuration(s), %d inputs: %.1f s wall, Spark start-up "
                    + "included (target <= 120 s); sampling %.1f s, tables %.1f s%n", settings.samples(),
                    settings.configurations().size(), settings.inputs().size(), wall, summary[0].samplingSeconds(),
                    summary[0].tableSeconds());

            BindingEnergyDataSet data = DataSource.fromConfig(config)
                    .load(w -> out.println("warning: " + w));
            List<List<Integer>> fifty = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Nuclide n = data.nuclides().get(i * data.size() / 50);
                fifty.add(List.of(n.z(), n.n()));
            }
            TrainingRun base = TrainingRun.fromConfig(config
                    .with("train.phases", List.of(Map.of("epochs", epochs, "lambda-b", 0.3, "lambda-w", 0.3))));
            TrainingRun with = base.withProtocol(base.protocol().withNtk(
                    new NtkRecording(fifty, 0)));
            TrainingRun without = base.withProtocol(base.protocol().withNtk(
                    NtkRecording.none()));
            long seed = Seeds.MASTER.read(config);
            Gemm gemm = Gemm.blas();
            double[] seconds = new double[2];
            for (int r = 0; r <= repeats; r++) {
                for (int k = 0; k < 2; k++) {
                    long t = System.nanoTime();
                    TrainingRun.Outcome o = (k == 0 ? without : with).execute(data, seed, gemm);
                    // The first pair warms up the JIT and is not counted.
                    if (r > 0) {
                        seconds[k] += (System.nanoTime() - t) / 1e9;
                    }
                    if (k == 1 && o.ntk().size() != 2) {
                        throw new IllegalStateException("expected 2 NTK snapshots, got " + o.ntk().size());
                    }
                }
            }
            out.printf(Locale.ROOT, "training (ReLU CICT, width %d, depth %d, %d epochs, batch %d), %d runs each: without the NTK "
                    + "%.2f s, with the NTK at 50 nuclides before and after %.2f s: ratio %.3f (target <= 1.05)%n",
                    base.width(), base.depth(), epochs, base.protocol().batchSize(), repeats, seconds[0] / repeats,
                    seconds[1] / repeats, seconds[1] / seconds[0]);
            return 0;
        }
    }

    /** A benchmark's config: {@code --config} when given, else the benchmark's own file. */
    private static AnnftConfig config(CommonOptions common, String defaultFile) {
        if (common.configFile == null) {
            common.configFile = Path.of(defaultFile);
        }
        return common.config(List.of());
    }

    /** Runs a benchmark's job with its tables in a temporary directory, removed afterwards, also on failure. */
    private static void runInTemporaryOutput(CommonOptions common, AnnftConfig config, String command,
                                             List<String> tables, PrintWriter err, Job.Body body) throws Exception {
        Path outDir = Files.createTempDirectory("annft-" + command);
        common.out = outDir.toString();
        try {
            Job.run(common, config, command, tables, err, body);
        } finally {
            try (var paths = Files.walk(outDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
