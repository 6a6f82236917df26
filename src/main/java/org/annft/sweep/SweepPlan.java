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
import org.annft.linalg.Gemm;
import org.annft.spark.ProgressLine;
import org.annft.train.PhaseSchedule;

/**
 * The cost of a sweep before it runs: tasks, core-hours and wall time on a given number of cores,
 * from a calibration on this machine.
 *
 * <p>Every distinct architecture of the grid (activation, width, depth, optimizer, batch size,
 * precision) trains on one thread, as the sweep's tasks do, for at least {@value #MINIMUM_EPOCHS}
 * epochs and {@value #MINIMUM_SECONDS} s (one epoch if that alone lasts longer); the time per
 * epoch {@code t_e} is the median of those epochs' times, which a disturbance by other load on
 * the machine does not move. Before that the first architecture is calibrated once for nothing:
 * the just-in-time compiler compiles the code, so no timing sees a cold JVM. A whole run of one
 * epoch gives the fixed cost of a run {@code t_0 = T(1) - t_e} (initialization, evaluations,
 * predictions); a run of {@code E} epochs costs {@code t_0 + E t_e}. As many calibrations run
 * side by side as the sweep runs tasks on this machine, so that they compete for the memory
 * bandwidth and the cores as the tasks will; each figure is the median over them. The wall time on {@code c} cores is that of the sweep's own
 * schedule: runs in decreasing cost, each to the core that frees first. The estimate assumes the
 * cluster's cores are as fast and as busy as this one.
 *
 * @param runSeconds      estimated seconds of every run, in grid order
 * @param calibrations    per architecture key: time per epoch and fixed cost
 * @param sideBySide      calibrations that ran at once
 */
public record SweepPlan(int runs, int configurations, double[] runSeconds, Map<String, Calibration> calibrations,
                        int sideBySide) {

    /** Each architecture's epochs are timed for at least this long ... */
    static final double MINIMUM_SECONDS = 0.5;
    /** ... and at least this many epochs, unless one epoch alone lasts that long. */
    static final int MINIMUM_EPOCHS = 5;

    /** The measured cost of one architecture: {@code secondsPerEpoch} per epoch plus {@code fixedSeconds} per run. */
    public record Calibration(double secondsPerEpoch, double fixedSeconds, int epochsTimed) {
        double runSeconds(int epochs) {
            return fixedSeconds + epochs * secondsPerEpoch;
        }
    }

    public SweepPlan {
        runSeconds = runSeconds.clone();
    }

    /**
     * Calibrates every architecture of the grid with {@code parallelism} trainings at once (the
     * number of runs the sweep trains side by side on this machine), so that the timings see the
     * same competition for memory bandwidth and cores as the sweep's tasks.
     */
    public static SweepPlan calibrate(SweepSettings settings, BindingEnergyDataSet data, int parallelism) {
        List<TrainingRun> runs = settings.runs();
        Map<String, Calibration> calibrations = new LinkedHashMap<>();
        double[] seconds = new double[runs.size()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism));
        try {
            boolean warmedUp = false;
            for (int i = 0; i < runs.size(); i++) {
                TrainingRun run = runs.get(i);
                String key = architectureKey(run);
                Calibration calibration = calibrations.get(key);
                if (calibration == null) {
                    if (!warmedUp) {
                        calibrateSideBySide(run, data, settings.seed(), pool, parallelism);
                        warmedUp = true;
                    }
                    calibration = calibrateSideBySide(run, data, settings.seed(), pool, parallelism);
                    calibrations.put(key, calibration);
                }
                seconds[i] = calibration.runSeconds(run.epochs());
            }
        } finally {
            pool.shutdownNow();
        }
        return new SweepPlan(runs.size(), settings.configurations(), seconds, calibrations, Math.max(1, parallelism));
    }

    /** {@code parallelism} calibrations of one architecture at once; the median of their figures. */
    private static Calibration calibrateSideBySide(TrainingRun run, BindingEnergyDataSet data, long seed,
            ExecutorService pool, int parallelism) {
        List<Future<Calibration>> futures = new ArrayList<>();
        for (int t = 0; t < Math.max(1, parallelism); t++) {
            futures.add(pool.submit(() -> calibrate(run, data, seed)));
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
        return new Calibration(median(perEpoch), median(fixed), epochsTimed);
    }

    /** Times epochs and the fixed cost of the run's architecture (see the class comment). */
    static Calibration calibrate(TrainingRun run, BindingEnergyDataSet data, long seed) {
        int total = run.epochs();
        Gemm gemm = Gemm.blas();
        double first = run.epochSeconds(data, seed, gemm, 1)[0];
        int count = first >= MINIMUM_SECONDS ? 1
                : (int) Math.min(total, Math.max(MINIMUM_EPOCHS, Math.ceil(MINIMUM_SECONDS / Math.max(first, 1e-6))));
        double[] times = count == 1 ? new double[] {first} : run.epochSeconds(data, seed, gemm, count);
        double perEpoch = median(times);
        long start = System.nanoTime();
        withEpochs(run, 1).execute(data, seed, gemm);
        double oneEpochRun = (System.nanoTime() - start) / 1e9;
        return new Calibration(perEpoch, Math.max(0, oneEpochRun - perEpoch), times.length);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    static String architectureKey(TrainingRun run) {
        return String.format(Locale.ROOT, "%s width %d depth %d %s batch %s %s", run.activation(), run.width(),
                run.depth(), run.mode().optimizer().configName(),
                run.protocol().batchSize() == 0 ? "full" : Integer.toString(run.protocol().batchSize()),
                run.protocol().precision().configName());
    }

    /** The run with {@code epochs} epochs at its first phase's rates (SGD) or {@code epochs} Adam epochs. */
    private static TrainingRun withEpochs(TrainingRun r, int epochs) {
        PhaseSchedule.Phase first = r.protocol().phases().phases().get(0);
        return r.withProtocol(r.protocol().withSchedule(PhaseSchedule.of(epochs, first.rawBiasRate(), first.rawWeightRate()),
                epochs).withName(TrainingProtocol.DEFAULT));
    }

    /** Estimated seconds of run time, all runs together, on one core each. */
    public double coreSeconds() {
        return Arrays.stream(runSeconds).sum();
    }

    /** The longest run's estimated seconds. */
    public double longestRunSeconds() {
        return Arrays.stream(runSeconds).max().orElse(0);
    }

    /**
     * Estimated wall time of the training on {@code cores} cores: the runs in decreasing cost,
     * each started on the core that frees first (the sweep's schedule).
     */
    public double wallSeconds(int cores) {
        double[] sorted = runSeconds.clone();
        Arrays.sort(sorted);
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int c = 0; c < Math.max(1, cores); c++) {
            free.add(0.0);
        }
        double end = 0;
        for (int i = sorted.length - 1; i >= 0; i--) {
            double finish = free.poll() + sorted[i];
            end = Math.max(end, finish);
            free.add(finish);
        }
        return end;
    }

    public void print(PrintWriter out, int cores) {
        out.printf(Locale.ROOT, "sweep plan: %d runs (Spark tasks) in %d configurations%n", runs, configurations);
        for (Map.Entry<String, Calibration> e : calibrations.entrySet()) {
            Calibration c = e.getValue();
            out.printf(Locale.ROOT, "  calibration: %s: %.4f s per epoch + %.3f s per run on one core (%d epochs timed, "
                    + "%d trainings side by side)%n", e.getKey(), c.secondsPerEpoch(), c.fixedSeconds(), c.epochsTimed(),
                    sideBySide);
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
