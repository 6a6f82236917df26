package org.annft.nn;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.annft.theory.Activations;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * Single-thread float64 speed of one full-batch training epoch (forward, backward, SGD update) on a
 * data set of the AME2020 shape (3558 samples, 2 inputs, synthetic values) at depth 4, against the
 * BLAS's own dgemm rate at 1000 x 1000 and against EJML's {@code CommonOps_DDRM} products, all
 * measured in the same run. Each time is the fastest of repeated calls, which is the least disturbed
 * by other load on a shared machine. Prints ratios; asserts nothing.
 *
 * <p>Useful work per epoch, counted as matrix-product flops:
 * {@code 2 B sum_l n_l n_{l-1}} forward, the same for the weight gradients, and
 * {@code 2 B sum_{l >= 2} n_l n_{l-1}} for backpropagating the error signal.
 */
public final class TrainingBenchmark {

    /**
     * What to measure.
     *
     * @param samples        rows of the synthetic data set
     * @param depth          l_out
     * @param widths         hidden widths to time
     * @param minimumSeconds each timing repeats until it has run this long
     * @param ejmlBaseline   whether to time the EJML products too (slow at large width)
     */
    public record Settings(int samples, int depth, int[] widths, double minimumSeconds, boolean ejmlBaseline) {
        public Settings {
            if (samples < 1 || depth < 1 || widths.length == 0 || !(minimumSeconds > 0)) {
                throw new IllegalArgumentException("benchmark settings need samples, depth, widths >= 1 and a positive time");
            }
            widths = widths.clone();
        }

        /** The configuration of the issue: 3558 samples, depth 4, widths 120 and 1000. */
        public static Settings standard() {
            return new Settings(3558, 4, new int[] {120, 1000}, 3.0, true);
        }
    }

    /** Timing of one width. */
    public record EpochTiming(int width, double flopsPerEpoch, double secondsPerEpoch, double ejmlSecondsPerEpoch) {
        public double gflops() {
            return flopsPerEpoch / secondsPerEpoch * 1e-9;
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
        double dgemmBefore = dgemmGflops(blas, 1000, settings.minimumSeconds());
        out.printf(Locale.ROOT, "dgemm 1000x1000x1000: %.2f GFLOP/s%n", dgemmBefore);
        out.printf(Locale.ROOT, "full-batch epoch, relu, %d samples x 2 inputs, depth %d, float64, one thread%n",
                settings.samples(), settings.depth());
        List<EpochTiming> timings = new java.util.ArrayList<>();
        for (int width : settings.widths()) {
            timings.add(timeEpoch(settings, width));
        }
        // Measured again after the epochs: the better of the two is the rate the machine can give, so a
        // disturbance during either measurement does not inflate the ratios.
        double dgemmAfter = dgemmGflops(blas, 1000, settings.minimumSeconds());
        double dgemmRate = Math.max(dgemmBefore, dgemmAfter);
        out.printf(Locale.ROOT, "dgemm 1000x1000x1000 again: %.2f GFLOP/s; ratios below use %.2f%n", dgemmAfter, dgemmRate);
        out.printf(Locale.ROOT, "%8s %14s %10s %14s %16s %14s%n",
                "width", "s/epoch", "GFLOP/s", "of dgemm", "EJML s/epoch", "EJML/BLAS");
        for (EpochTiming timing : timings) {
            String ejml = Double.isNaN(timing.ejmlSecondsPerEpoch()) ? "-" : format(timing.ejmlSecondsPerEpoch());
            String speedup = Double.isNaN(timing.ejmlSecondsPerEpoch()) ? "-"
                    : String.format(Locale.ROOT, "%.1fx", timing.ejmlSecondsPerEpoch() / timing.secondsPerEpoch());
            out.printf(Locale.ROOT, "%8d %14s %10.2f %13.0f%% %16s %14s%n", timing.width(), format(timing.secondsPerEpoch()),
                    timing.gflops(), 100 * timing.gflops() / dgemmRate, ejml, speedup);
        }
        out.flush();
    }

    /**
     * Best dgemm rate for square n x n products over calls repeated for {@code minimumSeconds}, in
     * GFLOP/s. The fastest call is the least disturbed by other load on the machine.
     */
    public static double dgemmGflops(Gemm gemm, int n, double minimumSeconds) {
        UniformRandomProvider random = SeedStreams.stream(1, 0);
        DMatrixRMaj a = randomMatrix(n, n, random);
        DMatrixRMaj b = randomMatrix(n, n, random);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        gemm.multiply(false, false, 1.0, a, b, 0.0, c);
        double best = fastestCall(() -> gemm.multiply(false, false, 1.0, a, b, 0.0, c), minimumSeconds);
        return 2.0 * n * n * (double) n / best * 1e-9;
    }

    /** Times full-batch epochs at one width with BLAS (and EJML if asked). */
    public static EpochTiming timeEpoch(Settings settings, int width) {
        MlpArchitecture architecture = MlpArchitecture.ofDepth(2, width, settings.depth(), 1);
        double blasSeconds = secondsPerEpoch(architecture, settings, Gemm.blas());
        double ejmlSeconds = settings.ejmlBaseline() ? secondsPerEpoch(architecture, settings, Gemm.ejml()) : Double.NaN;
        return new EpochTiming(width, flopsPerEpoch(architecture, settings.samples()), blasSeconds, ejmlSeconds);
    }

    /** Matrix-product flops of one full-batch epoch (see the class comment). */
    public static double flopsPerEpoch(MlpArchitecture architecture, int samples) {
        double flops = 0;
        for (int l = 1; l <= architecture.outputLayer(); l++) {
            double product = 2.0 * samples * architecture.width(l) * architecture.width(l - 1);
            flops += l == 1 ? 2 * product : 3 * product;
        }
        return flops;
    }

    private static double secondsPerEpoch(MlpArchitecture architecture, Settings settings, Gemm gemm) {
        UniformRandomProvider random = SeedStreams.stream(7, 0);
        Mlp network = new Mlp(architecture, Activations.parse("relu"));
        Initializer.initialize(network, InitSpec.uniform(2.0, 0.0, architecture.outputLayer()), random);
        DMatrixRMaj inputs = randomMatrix(settings.samples(), 2, random);
        DMatrixRMaj targets = new DMatrixRMaj(settings.samples(), 1);
        for (int i = 0; i < settings.samples(); i++) {
            targets.data[i] = Math.sin(3 * inputs.get(i, 0)) + inputs.get(i, 1);
        }
        // Tiny rates: the parameters stay put, the work per epoch is that of real training.
        Optimizer sgd = new Sgd(architecture, PhaseSchedule.of(Integer.MAX_VALUE, 1e-9, 1e-9),
                LearningRatePrescription.uniform(architecture.outputLayer()));
        EpochRunner runner = new EpochRunner(network, inputs, targets, Loss.MAE, sgd, settings.samples(),
                SeedStreams.stream(7, SeedStreams.SHUFFLING), gemm);
        int[] epoch = {0};
        runner.runEpoch(++epoch[0]);
        return fastestCall(() -> runner.runEpoch(++epoch[0]), settings.minimumSeconds());
    }

    /** Seconds of the fastest of at least three calls repeated for {@code minimumSeconds} (after one warm-up call). */
    private static double fastestCall(Runnable call, double minimumSeconds) {
        call.run();
        double best = Double.POSITIVE_INFINITY;
        int calls = 0;
        long end = System.nanoTime() + (long) (minimumSeconds * 1e9);
        while (calls < 3 || System.nanoTime() < end) {
            long start = System.nanoTime();
            call.run();
            best = Math.min(best, (System.nanoTime() - start) * 1e-9);
            calls++;
        }
        return best;
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
