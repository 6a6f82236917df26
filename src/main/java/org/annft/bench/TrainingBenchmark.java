package org.annft.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.annft.linalg.CoreLimits;
import org.annft.linalg.FastestCall;
import org.annft.linalg.FloatGemm;
import org.annft.linalg.Gemm;
import org.annft.linalg.LastLevelCache;
import org.annft.nn.InitSpec;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.NetworkSpec;
import org.annft.nn.SeedStreams;
import org.annft.theory.Activations;
import org.annft.train.EpochCost;
import org.annft.train.LearningRatePrescription;
import org.annft.train.Loss;
import org.annft.train.Optimizer;
import org.annft.train.OptimizerKind;
import org.annft.train.PhaseSchedule;
import org.annft.train.Precision;
import org.annft.train.Sgd;
import org.annft.train.TrainingLoop;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * Single-thread speed of the training protocol users run: epochs (forward, backward, MAE gradient,
 * SGD update, mini-batch gathering) of a ReLU network on a data set of the AME2020 shape (3558
 * samples, 2 inputs, synthetic values) at depth 4, at batch 32 and full batch, in float64 and
 * float32. Each epoch is set against two rates measured in the same run: the BLAS's own
 * {@code dgemm} / {@code sgemm} rate at 1000 x 1000 x 1000, and its rate on exactly the products
 * of that epoch (same shapes, same calls, nothing else), so that the ratio to the latter is the
 * share of the epoch spent in the products. Each epoch is also set against its time at a core's
 * limits ({@link CoreLimits}: the 1000^3 rate and the STREAM triad bandwidth, measured in the same
 * run) for the flops and bytes of {@link EpochCost}. Each time is the fastest of repeated calls
 * ({@link FastestCall}), the least disturbed by other load on a shared machine. Prints ratios;
 * asserts nothing.
 *
 * <p>Useful work per epoch, counted as matrix-product flops ({@link EpochCost#flops}):
 * {@code 2 B sum_l n_l n_{l-1}} forward, the same for the weight gradients, and
 * {@code 2 B sum_{l >= 2} n_l n_{l-1}} for backpropagating the error signal, B the samples.
 */
public final class TrainingBenchmark {

    /**
     * What to measure.
     *
     * @param samples        rows of the synthetic data set
     * @param depth          l_out
     * @param widths         hidden widths to time
     * @param batchSize      the mini-batch size timed besides full batch
     * @param precisions     the precisions to time
     * @param minimumSeconds each timing repeats until it has run this long (at least three calls)
     */
    public record Settings(int samples, int depth, int[] widths, int batchSize, List<Precision> precisions,
            double minimumSeconds, int[] threads) {
        public Settings {
            if (samples < 1 || depth < 2 || widths.length == 0 || java.util.Arrays.stream(widths).min().getAsInt() < 1
                    || batchSize < 1 || precisions.isEmpty()
                    || !(minimumSeconds > 0) || threads.length == 0 || java.util.Arrays.stream(threads).min().getAsInt() < 1) {
                throw new IllegalArgumentException("benchmark settings need samples, batch, widths, threads >= 1, "
                        + "depth >= 2, a precision and a positive time");
            }
            widths = widths.clone();
            precisions = List.copyOf(precisions);
            threads = threads.clone();
        }

        /** The default protocol: 3558 samples, depth 4, batch 32, widths 10 to 1000, both precisions, one thread. */
        public static Settings standard() {
            return new Settings(3558, 4, new int[] {10, 40, 120, 240, 1000}, 32,
                    List.of(Precision.FLOAT64, Precision.FLOAT32), 1.0, new int[] {1});
        }
    }

    /**
     * Timing of one (precision, batch, width).
     *
     * @param batchSize         samples per step (the data set's size for full batch)
     * @param cost              the epoch's flops and bytes
     * @param secondsPerEpoch   fastest epoch
     * @param gemmSecondsPerEpoch fastest run of the epoch's products alone
     */
    public record EpochTiming(Precision precision, int batchSize, int width, EpochCost cost,
            double secondsPerEpoch, double gemmSecondsPerEpoch) {
        public double gflops() {
            return cost.flops() / secondsPerEpoch * 1e-9;
        }

        public double gemmGflops() {
            return cost.flops() / gemmSecondsPerEpoch * 1e-9;
        }
    }

    private TrainingBenchmark() {
    }

    public static void main(String[] args) {
        run(new PrintWriter(System.out, true), Settings.standard());
    }

    /** Runs the benchmark and prints a report to {@code out}. */
    public static void run(PrintWriter out, Settings settings) {
        Gemm blas = Gemm.blas();
        out.printf(Locale.ROOT, "gemm implementation: %s%n", blas.implementationName());
        loadedBlasLibraries().forEach(path -> out.printf(Locale.ROOT, "loaded native library: %s%n", path));
        String threads = System.getenv("OPENBLAS_NUM_THREADS");
        out.printf(Locale.ROOT, "OPENBLAS_NUM_THREADS=%s%s%n", threads,
                "1".equals(threads) ? "" : "  (set it to 1: each training must use exactly one thread)");
        CoreLimits before = CoreLimits.measure(settings.minimumSeconds());
        out.printf(Locale.ROOT, "limits of one core: %s%n", before.describe());
        out.printf(Locale.ROOT, "epochs: relu, %d samples x 2 inputs, depth %d, MAE, SGD, one thread%n",
                settings.samples(), settings.depth());
        out.flush();
        List<EpochTiming> timings = new ArrayList<>();
        for (int width : settings.widths()) {
            for (int batch : new int[] {settings.batchSize(), settings.samples()}) {
                for (Precision precision : settings.precisions()) {
                    timings.add(timeEpoch(settings, width, Math.min(batch, settings.samples()), precision));
                }
            }
        }
        // Measured again after the epochs: the better of the two is the rate the machine can give, so a
        // disturbance during either measurement does not inflate the ratios.
        CoreLimits limits = before.best(CoreLimits.measure(settings.minimumSeconds()));
        double dgemm = limits.dgemmFlopsPerSecond() * 1e-9;
        double sgemm = limits.sgemmFlopsPerSecond() * 1e-9;
        out.printf(Locale.ROOT, "limits again; below, the better of the two: %s%n", limits.describe());
        out.printf(Locale.ROOT, "%-8s %6s %6s %11s %9s %12s %10s %10s %11s%n", "", "batch", "width", "epoch",
                "GFLOP/s", "gemm@shapes", "of shapes", "of 1000^3", "vs float64");
        for (EpochTiming t : timings) {
            String versus = "";
            if (t.precision() == Precision.FLOAT32) {
                for (EpochTiming u : timings) {
                    if (u.precision() == Precision.FLOAT64 && u.width() == t.width() && u.batchSize() == t.batchSize()) {
                        versus = String.format(Locale.ROOT, "%.2fx", u.secondsPerEpoch() / t.secondsPerEpoch());
                    }
                }
            }
            // float32 epochs are set against sgemm, float64 against dgemm, each at 1000^3.
            double peak = t.precision() == Precision.FLOAT32 ? sgemm : dgemm;
            out.printf(Locale.ROOT, "%-8s %6s %6d %11s %9.2f %12.2f %9.0f%% %9.0f%% %11s%n",
                    t.precision().configName(), t.batchSize() == settings.samples() ? "full" : t.batchSize(), t.width(),
                    format(t.secondsPerEpoch()), t.gflops(), t.gemmGflops(), 100 * t.gflops() / t.gemmGflops(),
                    100 * t.gflops() / peak, versus);
        }
        out.println("of shapes: the epoch's rate over that of its products alone (gemm@shapes); of 1000^3: over the"
                + " 1000^3 rate of dgemm (float64) or sgemm (float32); vs float64: float64 epoch time / float32 epoch time");
        out.printf(Locale.ROOT, "against the limits (SGD's bytes, a core's share of the last-level cache, %.4g MiB):%n",
                limits.cache().sharePerCore() / 1048576.0);
        for (EpochTiming t : timings) {
            out.printf(Locale.ROOT, "  %s batch %s width %d: %s%n", t.precision().configName(),
                    t.batchSize() == settings.samples() ? "full" : Integer.toString(t.batchSize()), t.width(),
                    t.cost().against(limits, t.secondsPerEpoch()));
        }
        printThreadSpeedUps(out, settings, timings);
        out.flush();
    }

    /**
     * The batch epochs again with products split over each thread count of the settings (a wide run
     * of a sweep, {@code sweep.wide-runs}), against the one-thread epoch timed above: speed-up
     * {@code t_1 / t_k} and its share of the ideal {@code k}.
     */
    private static void printThreadSpeedUps(PrintWriter out, Settings settings, List<EpochTiming> timings) {
        if (java.util.Arrays.stream(settings.threads()).allMatch(t -> t == 1)) {
            return;
        }
        out.printf(Locale.ROOT, "threads: the batch-%d epochs with products split over k threads (%d cores here)%n",
                settings.batchSize(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-8s %6s %8s %11s %9s %11s%n", "", "width", "threads", "epoch", "speed-up", "efficiency");
        for (EpochTiming one : timings) {
            if (one.batchSize() != Math.min(settings.batchSize(), settings.samples())) {
                continue;
            }
            for (int threads : settings.threads()) {
                if (threads == 1) {
                    continue;
                }
                double seconds = timeEpochs(settings, one.width(), one.batchSize(), one.precision(), threads);
                double speedUp = one.secondsPerEpoch() / seconds;
                out.printf(Locale.ROOT, "%-8s %6d %8d %11s %8.2fx %10.0f%%%n", one.precision().configName(), one.width(),
                        threads, format(seconds), speedUp, 100 * speedUp / threads);
                out.flush();
            }
        }
    }

    /** The fastest epoch at one width, batch size and precision with products split over {@code threads} threads. */
    static double timeEpochs(Settings settings, int width, int batchSize, Precision precision, int threads) {
        MlpArchitecture architecture = MlpArchitecture.ofDepth(2, width, settings.depth(), 1);
        TrainingLoop loop = syntheticTraining(architecture, settings.samples(), batchSize, precision, threads);
        int[] epoch = {0};
        return FastestCall.seconds(() -> loop.runEpoch(++epoch[0]), settings.minimumSeconds());
    }

    /** Times epochs at one width, batch size and precision, and the same epoch's products alone. */
    public static EpochTiming timeEpoch(Settings settings, int width, int batchSize, Precision precision) {
        MlpArchitecture architecture = MlpArchitecture.ofDepth(2, width, settings.depth(), 1);
        double epochSeconds = timeEpochs(settings, width, batchSize, precision, 1);
        Runnable products = precision == Precision.FLOAT32
                ? FloatGemmWorkload.epochProducts(architecture, settings.samples(), batchSize, FloatGemm.blas())
                : GemmWorkload.epochProducts(architecture, settings.samples(), batchSize, Gemm.blas());
        double gemmSeconds = FastestCall.seconds(products, settings.minimumSeconds());
        EpochCost cost = EpochCost.of(architecture, settings.samples(), batchSize, OptimizerKind.SGD, precision,
                LastLevelCache.ofThisMachine().sharePerCore());
        return new EpochTiming(precision, batchSize, width, cost, epochSeconds, gemmSeconds);
    }

    /**
     * A training of a ReLU network on synthetic data ({@code y = sin(3 x_1) + x_2}) whose epochs do
     * the work of real ones: tiny rates keep the parameters where they are.
     */
    static TrainingLoop syntheticTraining(MlpArchitecture architecture, int samples, int batchSize, Precision precision,
            int threads) {
        UniformRandomProvider random = SeedStreams.stream(7, 0);
        NetworkSpec spec = new NetworkSpec(Activations.parse("relu"), architecture,
                InitSpec.uniform(2.0, 0.0, architecture.outputLayer()));
        Mlp network = spec.newNetwork();
        spec.initialize(network, random);
        DMatrixRMaj inputs = randomMatrix(samples, architecture.inputWidth(), random);
        DMatrixRMaj targets = new DMatrixRMaj(samples, 1);
        for (int i = 0; i < samples; i++) {
            targets.data[i] = Math.sin(3 * inputs.get(i, 0)) + inputs.get(i, architecture.inputWidth() - 1);
        }
        Optimizer sgd = new Sgd(architecture, PhaseSchedule.of(Integer.MAX_VALUE, 1e-9, 1e-9),
                LearningRatePrescription.uniform(architecture.outputLayer()));
        return TrainingLoop.create(precision, network, inputs, targets, Loss.MAE, sgd, batchSize,
                SeedStreams.stream(7, SeedStreams.SHUFFLING), Gemm.blas(threads), FloatGemm.blas(threads));
    }

    /**
     * Files mapped into this process whose name contains "blas" (Linux {@code /proc/self/maps}),
     * i.e. the JNI binding and the BLAS behind {@code libblas.so.3}; empty elsewhere.
     */
    static List<String> loadedBlasLibraries() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(path -> path.startsWith("/") && path.toLowerCase(Locale.ROOT).contains("blas"))
                    .distinct().sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static DMatrixRMaj randomMatrix(int rows, int cols, UniformRandomProvider random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextDouble();
        }
        return m;
    }

    private static String format(double seconds) {
        return seconds >= 1 ? String.format(Locale.ROOT, "%.3f s", seconds)
                : String.format(Locale.ROOT, "%.2f ms", seconds * 1e3);
    }
}
