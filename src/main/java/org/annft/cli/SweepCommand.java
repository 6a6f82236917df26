package org.annft.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.annft.config.AnnftConfig;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.DataSource;
import org.annft.sweep.SweepJob;
import org.annft.sweep.PlanLimits;
import org.annft.sweep.SweepPlan;
import org.annft.sweep.SweepSettings;
import org.annft.sweep.TrainingProtocol;
import org.annft.sweep.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annft sweep}: training sweeps, Table I and the tables of paper Figs. 8-14. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train a grid of networks and build Table I and the tables of Figs. 8-14.",
            "Over sweep.*, train.* and data.* keys, one Spark task per run; writes runs, loss_curves, loss_bands,",
            "param_changes, param_change_means, ntk_changes, models, predictions, residuals, table1 and protocols.",
            "Finished runs are kept under <out>/_sweep_runs: rerunning an interrupted sweep resumes it."})
final class SweepCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--plan", description = "Print the tasks, the estimated cost and each architecture's epoch against a "
            + "core's gemm and memory-bandwidth limits, then stop without training.")
    boolean planOnly;

    @Option(names = "--cores", paramLabel = "N", description = "Cores for the wall-time estimate (default: this machine's).")
    Integer cores;

    @Option(names = "--no-estimate", description = "Skip the calibration that estimates the cost before training.")
    boolean noEstimate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        AnnftConfig config = common.config(List.of());
        SweepSettings settings = SweepSettings.fromConfig(config);
        BindingEnergyDataSet data = DataSource.fromConfig(config).load(w -> err.println("warning: " + w));
        int runs = settings.runs().size();
        SizeLimits.check(String.format(Locale.ROOT, "sweep: %d runs", runs), runs,
                settings.runs().stream().mapToDouble(TrainingRun::epochs).sum(), common.force || planOnly);
        int planCores = cores != null ? cores : Runtime.getRuntime().availableProcessors();
        if (planCores < 1) {
            throw new org.annft.config.BadInputException("--cores must be positive, got " + planCores);
        }
        if (MemoryCheck.local(common.master)) {
            TrainingRun largest = settings.runs().stream().max(java.util.Comparator.comparingLong(
                    r -> r.memoryBytes(data.inputWidth(), data.size()))).orElseThrow();
            MemoryCheck.check("sweep", "a training of " + largest.activation() + " width " + largest.width() + " depth "
                            + largest.depth(), largest.memoryBytes(data.inputWidth(), data.size()),
                    Math.min(runs, MemoryCheck.localCores(common.master)), Runtime.getRuntime().maxMemory());
        }
        if (settings.kernelBaseline()) {
            // The baseline runs on the driver, local mode or not.
            int deepest = settings.depths().stream().mapToInt(Integer::intValue).max().orElse(1);
            MemoryCheck.check("sweep", "the infinite-width baseline of " + data.size() + " nuclides (sweep.kernel-baseline)",
                    org.annft.sweep.KernelBaseline.memoryBytes(data.size(), deepest), 1, Runtime.getRuntime().maxMemory());
        }
        err.printf(Locale.ROOT, "sweep: %d configurations x %d runs = %d tasks on %d nuclides (%d held out, %d of them edge isotopes)%n",
                settings.configurations(), settings.runsPerConfiguration(), runs, data.size(), data.testCount(),
                data.edgeCount());
        boolean adam = settings.modes().stream().anyMatch(m -> m.optimizer() == org.annft.train.OptimizerKind.ADAM);
        boolean sgd = settings.modes().stream().anyMatch(m -> m.optimizer() == org.annft.train.OptimizerKind.SGD);
        for (TrainingProtocol p : settings.protocols()) {
            err.println("  protocol " + p.name() + ": " + p.describe(sgd, adam));
        }
        err.flush();
        if (!planOnly) {
            // Before the calibration: a locked, read-only or occupied --out is refused in the first second.
            Job.checkOutput(common, config, "sweep", SweepJob.tables(settings));
        }
        SweepPlan plan = null;
        if (planOnly || !noEstimate) {
            // As many trainings side by side as local mode runs tasks here (one per core, at most one per run).
            int local = Math.min(runs, Math.min(planCores, Runtime.getRuntime().availableProcessors()));
            plan = SweepPlan.calibrate(settings, data, local);
            plan.print(err, planCores);
        }
        if (planOnly) {
            PlanLimits.measure(settings, data).print(err, plan);
            return 0;
        }
        SweepPlan estimate = plan;
        Job.run(common, config, "sweep", SweepJob.tables(settings), err, (spark, out) -> {
            SweepJob.Summary s = SweepJob.run(spark, settings, data, out.root(), out, err);
            // Per configuration, what became of its runs and their RMSDs: a failed network is said so here.
            for (org.apache.spark.sql.Row r : spark.sql("SELECT activation, mode, protocol, width, depth, outcome, "
                    + "count(*), min(rmsd_mev), max(rmsd_mev) FROM sweep_runs GROUP BY activation, mode, protocol, width, "
                    + "depth, outcome ORDER BY activation, mode, protocol, width, depth, outcome").collectAsList()) {
                err.printf(Locale.ROOT, "  %s %s%s n=%d L=%d: %d %s, RMSD %.2f-%.2f MeV%n", r.getString(0), r.getString(1),
                        r.getString(2).equals("default") ? "" : " " + r.getString(2), r.getInt(3), r.getInt(4), r.getLong(6),
                        r.getString(5), r.getDouble(7), r.getDouble(8));
            }
            if (s.runsTrained() > 0) {
                int executorCores = spark.sparkContext().defaultParallelism();
                err.printf(Locale.ROOT, "sweep: trained %d runs (%d diverged) in %.1f s wall, %.1f s of run time: "
                        + "parallel efficiency %.0f%% on %d cores%n", s.runsTrained(), s.runsDiverged(), s.wallSeconds(),
                        s.runSeconds(), 100 * s.runSeconds() / (s.wallSeconds() * executorCores), executorCores);
                if (estimate != null && s.runsTrained() == runs) {
                    estimate.printComparison(err, executorCores, s.runSeconds(), s.wallSeconds());
                } else if (estimate != null) {
                    err.printf(Locale.ROOT, "sweep: %d of %d runs trained now (resumed); no comparison with the estimate%n",
                            s.runsTrained(), runs);
                }
            }
        });
        return 0;
    }
}
