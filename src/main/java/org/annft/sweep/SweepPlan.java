package org.annft.sweep;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.annft.data.BindingEnergyDataSet;
import org.annft.linalg.FloatGemm;
import org.annft.linalg.Gemm;
import org.annft.spark.ProgressLine;
import org.annft.train.PhaseSchedule;

/**
 * The cost of a sweep before it runs: tasks, core-hours and wall time on a given number of cores,
 * from a calibration on this machine.
 *
 * <p>Every distinct architecture of the grid (activation, width, depth, optimizer, batch size,
 * precision) trains on its threads, as the sweep's tasks do, for at least {@value #MINIMUM_EPOCHS}
 * epochs and {@value #MINIMUM_SECONDS} s ({@value #LONG_EPOCHS} epochs if one alone lasts longer),
 * after one untimed epoch; the time per epoch {@code t_e} is the median of those epochs' times,
 * which a disturbance by other load on the machine does not move. Before that the first architecture is calibrated once for nothing:
 * the just-in-time compiler compiles the code, so no timing sees a cold JVM. A whole run of one
 * epoch gives the fixed cost of a run {@code t_0 = T(1) - t_e} (initialization, evaluations,
 * predictions); a run of {@code E} epochs costs {@code t_0 + E t_e}. As many calibrations run
 * side by side as the sweep runs tasks on this machine, so that they compete for the memory
 * bandwidth and the cores as the tasks will; each figure is the median over them.
 *
 * <p>A wide run ({@link WideRuns}) is calibrated on its {@code k} threads, {@code cores / k} side
 * by side. When {@code k} exceeds this machine's cores it cannot be timed here: its epoch time is
 * then Amdahl's law, {@code t_k = t_1 ((1 - p) + p / k)}, with the parallel fraction
 * {@code p = (1 - t_m / t_1) / (1 - 1 / m)} measured at {@code m} = this machine's cores (the
 * plan says so on the line; memory bandwidth shared by more threads may make it optimistic).
 *
 * <p>The wall time on {@code c} cores is that of the sweep's own schedule ({@link TaskStages}):
 * whenever cores free, the wide runs (longest first) start while {@code k} cores are free, then the
 * one-core runs (longest first) on the rest. Cores are pooled (executor boundaries are not
 * modelled). The estimate assumes the cluster's cores are as fast and as busy as this one.
 *
 * @param runSeconds      estimated wall seconds of every run, in grid order
 * @param runCores        cores (threads) of every run, in grid order
 * @param calibrations    per architecture key: time per epoch and fixed cost
 * @param sideBySide      one-thread calibrations that ran at once
 */
public record SweepPlan(int runs, int configurations, double[] runSeconds, int[] runCores,
                        Map<String, Calibration> calibrations, int sideBySide) {

    /** Each architecture's epochs are timed for at least this long ... */
    static final double MINIMUM_SECONDS = 0.5;
    /** ... and at least this many epochs, ... */
    static final int MINIMUM_EPOCHS = 5;
    /** ... or this many when one epoch alone lasts that long. */
    static final int LONG_EPOCHS = 3;

    /**
     * The measured cost of one architecture on {@code threads} threads: {@code secondsPerEpoch} per
     * epoch plus {@code fixedSeconds} per run; {@code parallelFraction} is Amdahl's p when the epoch
     * time was extrapolated to {@code threads} (NaN when measured).
     */
    public record Calibration(double secondsPerEpoch, double fixedSeconds, int epochsTimed, int threads,
                              int sideBySide, double parallelFraction) {
        public Calibration(double secondsPerEpoch, double fixedSeconds, int epochsTimed) {
            this(secondsPerEpoch, fixedSeconds, epochsTimed, 1, 1, Double.NaN);
        }

        double runSeconds(int epochs) {
            return fixedSeconds + epochs * secondsPerEpoch;
        }
    }

    public SweepPlan {
        runSeconds = runSeconds.clone();
        runCores = runCores.clone();
        if (runCores.length != runSeconds.length) {
            throw new IllegalArgumentException("one core count per run");
        }
    }

    /** Every run on one core. */
    public SweepPlan(int runs, int configurations, double[] runSeconds, Map<String, Calibration> calibrations,
                     int sideBySide) {
        this(runs, configurations, runSeconds, ones(runSeconds.length), calibrations, sideBySide);
    }

    private static int[] ones(int n) {
        int[] out = new int[n];
        Arrays.fill(out, 1);
        return out;
    }

    /**
     * Calibrates every architecture of the grid with {@code parallelism} trainings at once (the
     * number of runs the sweep trains side by side on this machine), so that the timings see the
     * same competition for memory bandwidth and cores as the sweep's tasks.
     */
    public static SweepPlan calibrate(SweepSettings settings, BindingEnergyDataSet data, int parallelism) {
        List<TrainingRun> runs = settings.runs();
        WideRuns wide = settings.wideRuns();
        int cores = Math.max(1, parallelism);
        Map<String, Calibration> calibrations = new LinkedHashMap<>();
        double[] seconds = new double[runs.size()];
        int[] threads = new int[runs.size()];
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            boolean warmedUp = false;
            for (int i = 0; i < runs.size(); i++) {
                TrainingRun run = runs.get(i);
                threads[i] = wide.threads(run);
                String key = architectureKey(run, threads[i]);
                Calibration calibration = calibrations.get(key);
                if (calibration == null) {
                    if (!warmedUp) {
                        calibrateSideBySide(run, data, settings.seed(), pool, cores, 1);
                        warmedUp = true;
                    }
                    calibration = calibrateOn(run, data, settings.seed(), pool, cores, threads[i]);
                    calibrations.put(key, calibration);
                }
                seconds[i] = calibration.runSeconds(run.epochs());
            }
        } finally {
            pool.shutdownNow();
        }
        return new SweepPlan(runs.size(), settings.configurations(), seconds, threads, calibrations, cores);
    }

    /** {@code run}'s architecture on {@code threads} threads: measured, or extrapolated beyond {@code cores}. */
    private static Calibration calibrateOn(TrainingRun run, BindingEnergyDataSet data, long seed, ExecutorService pool,
            int cores, int threads) {
        if (threads <= cores) {
            return calibrateSideBySide(run, data, seed, pool, Math.max(1, cores / threads), threads);
        }
        Calibration one = calibrateSideBySide(run, data, seed, pool, cores, 1);
        Calibration all = calibrateSideBySide(run, data, seed, pool, 1, cores);
        double p = amdahlFraction(one.secondsPerEpoch(), all.secondsPerEpoch(), cores);
        return new Calibration(one.secondsPerEpoch() * amdahlFactor(p, threads), all.fixedSeconds(),
                one.epochsTimed() + all.epochsTimed(), threads, 1, p);
    }

    /** Amdahl's parallel fraction from the times on 1 and {@code m} threads, within [0, 1]. */
    static double amdahlFraction(double oneThread, double mThreads, int m) {
        double p = (1 - mThreads / oneThread) / (1 - 1.0 / m);
        return Math.max(0, Math.min(1, p));
    }

    /** {@code t_k / t_1 = (1 - p) + p / k}. */
    static double amdahlFactor(double parallelFraction, int threads) {
        return (1 - parallelFraction) + parallelFraction / threads;
    }

    /** {@code sideBySide} calibrations of one architecture on {@code threads} threads each at once; the median of their figures. */
    private static Calibration calibrateSideBySide(TrainingRun run, BindingEnergyDataSet data, long seed,
            ExecutorService pool, int sideBySide, int threads) {
        List<Future<Calibration>> futures = new ArrayList<>();
        for (int t = 0; t < Math.max(1, sideBySide); t++) {
            futures.add(pool.submit(() -> calibrate(run, data, seed, threads)));
        }
        double[] perEpoch = new double[futures.size()];
        double[] fixed = new double[futures.size()];
        int epochsTimed = 0;
        for (int t = 0; t < futures.size(); t++) {
            Calibration c;
            try {
                c = futures.get(t).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("calibration interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("calibration failed: " + e.getCause(), e.getCause());
            }
            perEpoch[t] = c.secondsPerEpoch();
            fixed[t] = c.fixedSeconds();
            epochsTimed += c.epochsTimed();
        }
        return new Calibration(median(perEpoch), median(fixed), epochsTimed, threads, futures.size(), Double.NaN);
    }

    /** Times epochs and the fixed cost of the run's architecture on {@code threads} threads (see the class comment). */
    static Calibration calibrate(TrainingRun run, BindingEnergyDataSet data, long seed, int threads) {
        int total = run.epochs();
        Gemm gemm = Gemm.blas(threads);
        FloatGemm floatGemm = FloatGemm.blas(threads);
        double first = run.epochSeconds(data, seed, gemm, floatGemm, 1)[0];
        int count = first >= MINIMUM_SECONDS ? LONG_EPOCHS
                : (int) Math.max(MINIMUM_EPOCHS, Math.ceil(MINIMUM_SECONDS / Math.max(first, 1e-6)));
        // One epoch more than timed: a training's first epoch also touches its arrays for the first
        // time (page faults, a wide run's threads starting), which its other epochs do not.
        double[] all = run.epochSeconds(data, seed, gemm, floatGemm, Math.min(total, count + 1));
        double[] times = all.length > 1 ? Arrays.copyOfRange(all, 1, all.length) : all;
        double perEpoch = median(times);
        long start = System.nanoTime();
        withEpochs(run, 1).execute(data, seed, gemm, floatGemm, epoch -> { }, org.annft.train.TrainingCheckpoints.NONE);
        double oneEpochRun = (System.nanoTime() - start) / 1e9;
        return new Calibration(perEpoch, Math.max(0, oneEpochRun - perEpoch), times.length, threads, 1, Double.NaN);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    static String architectureKey(TrainingRun run, int threads) {
        return String.format(Locale.ROOT, "%s width %d depth %d %s batch %s %s%s", run.activation(), run.width(),
                run.depth(), run.mode().optimizer().configName(),
                run.protocol().batchSize() == 0 ? "full" : Integer.toString(run.protocol().batchSize()),
                run.protocol().precision().configName(), threads == 1 ? "" : ", " + threads + " threads");
    }

    /** The run with {@code epochs} epochs at its first phase's rates (SGD) or {@code epochs} Adam epochs. */
    private static TrainingRun withEpochs(TrainingRun r, int epochs) {
        PhaseSchedule.Phase first = r.protocol().phases().phases().get(0);
        return r.withProtocol(r.protocol().withSchedule(PhaseSchedule.of(epochs, first.rawBiasRate(), first.rawWeightRate()),
                epochs).withName(TrainingProtocol.DEFAULT));
    }

    /** Estimated core-seconds of run time, all runs together (a run's wall seconds times its cores). */
    public double coreSeconds() {
        double sum = 0;
        for (int i = 0; i < runSeconds.length; i++) {
            sum += runSeconds[i] * runCores[i];
        }
        return sum;
    }

    /** The longest run's estimated seconds. */
    public double longestRunSeconds() {
        return Arrays.stream(runSeconds).max().orElse(0);
    }

    /**
     * Estimated wall time of the training on {@code cores} cores, as {@link TaskStages} schedules it:
     * at each moment cores free, the waiting multi-core runs start (longest first) while enough cores
     * are free, then the one-core runs (longest first). A run needing more cores than there are gets
     * them all.
     */
    public double wallSeconds(int cores) {
        int total = Math.max(1, cores);
        List<double[]> wide = new ArrayList<>();
        List<double[]> narrow = new ArrayList<>();
        for (int i = 0; i < runSeconds.length; i++) {
            (runCores[i] > 1 ? wide : narrow).add(new double[] {runSeconds[i], Math.min(runCores[i], total)});
        }
        java.util.Comparator<double[]> longestFirst = (x, y) -> Double.compare(y[0], x[0]);
        wide.sort(longestFirst);
        narrow.sort(longestFirst);
        // Running runs by finishing time: {end, cores}.
        PriorityQueue<double[]> running = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        int free = total;
        double now = 0;
        double end = 0;
        int nextWide = 0;
        int nextNarrow = 0;
        while (nextWide < wide.size() || nextNarrow < narrow.size()) {
            while (nextWide < wide.size() && wide.get(nextWide)[1] <= free) {
                double[] r = wide.get(nextWide++);
                free -= (int) r[1];
                running.add(new double[] {now + r[0], r[1]});
                end = Math.max(end, now + r[0]);
            }
            while (nextNarrow < narrow.size() && free >= 1) {
                double[] r = narrow.get(nextNarrow++);
                free -= 1;
                running.add(new double[] {now + r[0], 1});
                end = Math.max(end, now + r[0]);
            }
            if (nextWide < wide.size() || nextNarrow < narrow.size()) {
                double[] done = running.poll();
                now = done[0];
                free += (int) done[1];
                while (!running.isEmpty() && running.peek()[0] == now) {
                    free += (int) running.poll()[1];
                }
            }
        }
        return end;
    }

    public void print(PrintWriter out, int cores) {
        out.printf(Locale.ROOT, "sweep plan: %d runs (Spark tasks) in %d configurations%n", runs, configurations);
        for (Map.Entry<String, Calibration> e : calibrations.entrySet()) {
            Calibration c = e.getValue();
            if (Double.isNaN(c.parallelFraction())) {
                out.printf(Locale.ROOT, "  calibration: %s: %.4f s per epoch + %.3f s per run (%d epochs timed, "
                        + "%d trainings side by side)%n", e.getKey(), c.secondsPerEpoch(), c.fixedSeconds(), c.epochsTimed(),
                        c.sideBySide());
            } else {
                out.printf(Locale.ROOT, "  calibration: %s: %.4f s per epoch + %.3f s per run, extrapolated by Amdahl's "
                        + "law (parallel fraction %.3f measured on %d threads; %d epochs timed)%n", e.getKey(),
                        c.secondsPerEpoch(), c.fixedSeconds(), c.parallelFraction(), sideBySide, c.epochsTimed());
            }
        }
        out.printf(Locale.ROOT, "  estimated cost: %.2f core-hours (%.0f s of run time); on %d cores about %s wall "
                + "of training (longest run %s)%n", coreSeconds() / 3600, coreSeconds(), cores,
                ProgressLine.duration(wallSeconds(cores)), ProgressLine.duration(longestRunSeconds()));
        out.flush();
    }

    /**
     * The estimate against what the sweep measured: the sum of the runs' own seconds and the wall
     * time of the training stage on {@code cores} cores.
     */
    public void printComparison(PrintWriter out, int cores, double measuredRunSeconds, double measuredWallSeconds) {
        double wall = wallSeconds(cores);
        out.printf(Locale.ROOT, "sweep: run time estimated %.1f s, measured %.1f s (%+.0f%%); training wall on %d cores "
                + "estimated %.1f s, measured %.1f s (%+.0f%%)%n", coreSeconds(), measuredRunSeconds,
                100 * (measuredRunSeconds / coreSeconds() - 1), cores, wall, measuredWallSeconds,
                100 * (measuredWallSeconds / wall - 1));
        out.flush();
    }
}
