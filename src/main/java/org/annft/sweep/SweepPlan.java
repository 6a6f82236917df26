package org.annft.sweep;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.annft.data.BindingEnergyDataSet;
import org.annft.nn.Gemm;
import org.annft.nn.PhaseSchedule;
import org.annft.spark.ProgressLine;

/**
 * The cost of a sweep before it runs: tasks, core-hours and wall time on a given number of cores,
 * from a calibration on this machine. Every distinct architecture of the grid (activation, width,
 * depth, optimizer) trains one epoch on one thread, after one warm-up epoch; a run then costs its
 * epochs times that epoch time. The estimate assumes the cluster's cores are as fast as this one.
 */
public record SweepPlan(int runs, int configurations, double coreSeconds, double longestRunSeconds,
                        Map<String, Double> secondsPerEpoch) {

    public static SweepPlan calibrate(SweepSettings settings, BindingEnergyDataSet data) {
        List<TrainingRun> runs = settings.runs();
        Map<String, Double> perEpoch = new LinkedHashMap<>();
        Gemm gemm = Gemm.blas();
        boolean warmedUp = false;
        double total = 0;
        double longest = 0;
        for (TrainingRun run : runs) {
            String key = architectureKey(run);
            Double seconds = perEpoch.get(key);
            if (seconds == null) {
                TrainingRun oneEpoch = oneEpoch(run);
                if (!warmedUp) {
                    oneEpoch.execute(data, settings.seed(), gemm);
                    warmedUp = true;
                }
                long start = System.nanoTime();
                oneEpoch.execute(data, settings.seed(), gemm);
                seconds = (System.nanoTime() - start) / 1e9;
                perEpoch.put(key, seconds);
            }
            double runSeconds = seconds * epochs(run);
            total += runSeconds;
            longest = Math.max(longest, runSeconds);
        }
        return new SweepPlan(runs.size(), settings.configurations(), total, longest, perEpoch);
    }

    static String architectureKey(TrainingRun run) {
        return String.format(Locale.ROOT, "%s width %d depth %d %s", run.activation(), run.width(), run.depth(),
                run.optimizer());
    }

    static int epochs(TrainingRun run) {
        return run.optimizer().equals("adam") ? run.adamEpochs() : run.phases().totalEpochs();
    }

    private static TrainingRun oneEpoch(TrainingRun r) {
        PhaseSchedule.Phase first = r.phases().phases().get(0);
        return new TrainingRun(r.activation(), r.width(), r.depth(), r.criticalInit(), r.weightVariance(),
                r.biasVariance(), r.trainingMode(), r.optimizer(), PhaseSchedule.of(1, first.rawBiasRate(),
                first.rawWeightRate()), r.adam(), 1, r.batchSize(), r.logEvery(), r.loss(), r.targetScale(),
                r.divergenceFactor(), r.run());
    }

    /** Estimated wall time on {@code cores} cores: the larger of total/cores and the longest run. */
    public double wallSeconds(int cores) {
        return Math.max(coreSeconds / cores, longestRunSeconds);
    }

    public void print(PrintWriter out, int cores) {
        out.printf(Locale.ROOT, "sweep plan: %d runs (Spark tasks) in %d configurations%n", runs, configurations);
        for (Map.Entry<String, Double> e : secondsPerEpoch.entrySet()) {
            out.printf(Locale.ROOT, "  calibration: %s: %.4f s per epoch on one core%n", e.getKey(), e.getValue());
        }
        out.printf(Locale.ROOT, "  estimated cost: %.2f core-hours; on %d cores about %s wall (longest run %s)%n",
                coreSeconds / 3600, cores, ProgressLine.duration(wallSeconds(cores)),
                ProgressLine.duration(longestRunSeconds));
        out.flush();
    }
}
