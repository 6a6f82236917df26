package org.annft.sweep;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.annft.data.BindingEnergyDataSet;
import org.annft.linalg.CoreLimits;
import org.annft.train.EpochCost;

/**
 * How near a core's limits the plan's architectures train: per calibrated architecture, the
 * epoch's matrix-product flops and memory bytes ({@link EpochCost}, with a core's share of the
 * last-level cache), its time at the gemm rate and at the memory bandwidth of one core, both
 * measured in the same run ({@link CoreLimits}), and the calibrated seconds per epoch against the
 * larger of the two, the limit that binds. A wide run's epoch counts its core-seconds (its wall
 * time times its threads), the cost a cluster pays.
 */
public final class PlanLimits {

    /** Seconds per limit measured: the three take about 4.5 times this, and the triad's arrays filled once. */
    static final double MEASUREMENT_SECONDS = 0.4;

    private final CoreLimits limits;
    private final Map<String, EpochCost> costs;

    PlanLimits(CoreLimits limits, Map<String, EpochCost> costs) {
        this.limits = limits;
        this.costs = Map.copyOf(costs);
    }

    /** Measures the limits on the calling thread and models the epoch of every architecture of the grid. */
    public static PlanLimits measure(SweepSettings settings, BindingEnergyDataSet data) {
        CoreLimits limits = CoreLimits.measure(MEASUREMENT_SECONDS);
        int samples = data.size() - data.testCount();
        Map<String, EpochCost> costs = new LinkedHashMap<>();
        for (TrainingRun run : settings.runs()) {
            int batch = run.protocol().batchSize() == 0 ? samples : run.protocol().batchSize();
            costs.computeIfAbsent(SweepPlan.architectureKey(run, settings.wideRuns().threads(run)), key -> EpochCost.of(run.network(data.inputWidth())
                    .architecture(), samples, batch, run.mode().optimizer(), run.protocol().precision(),
                    limits.cache().sharePerCore()));
        }
        return new PlanLimits(limits, costs);
    }

    /** One line per calibrated architecture of {@code plan}, after the limits measured. */
    public void print(PrintWriter out, SweepPlan plan) {
        out.printf(Locale.ROOT, "  limits of one core, measured now: %s; epochs against them (a core's share of the "
                + "cache, %.4g MiB; calibrations with %d trainings side by side):%n", limits.describe(),
                limits.cache().sharePerCore() / 1048576.0, plan.sideBySide());
        for (Map.Entry<String, SweepPlan.Calibration> e : plan.calibrations().entrySet()) {
            EpochCost cost = costs.get(e.getKey());
            if (cost != null) {
                // A run on k threads holds k cores: its core-seconds per epoch against one core's limits.
                SweepPlan.Calibration c = e.getValue();
                out.printf(Locale.ROOT, "  limits: %s: %s%s%n", e.getKey(), cost.against(limits, c.secondsPerEpoch() * c.threads()),
                        c.threads() == 1 ? "" : " (core-seconds: " + c.threads() + " x the epoch's wall time)");
            }
        }
        out.flush();
    }
}
