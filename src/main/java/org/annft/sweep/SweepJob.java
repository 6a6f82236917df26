package org.annft.sweep;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.annft.AnnftVersion;
import org.annft.data.BindingEnergyDataSet;
import org.annft.linalg.FloatGemm;
import org.annft.linalg.Gemm;
import org.annft.spark.ProgressLine;
import org.annft.spark.ResultStore;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The training-sweep job (paper Sec. IV). Every run of the grid is one Spark task (one partition
 * each, so Spark hands runs to free cores as they finish); a task trains one network, on one thread
 * or, for the {@link WideRuns}, on several ({@link TaskStages}), and stores its rows as a
 * {@link RunCheckpoint}. Runs whose checkpoint exists are skipped, so an
 * interrupted sweep resumes where it stopped. This class schedules the runs, checks and keeps their
 * checkpoints and reports progress; {@link SweepTables} then builds the tables from the checkpoints.
 */
public final class SweepJob {

    /** Wall time and compute time (core-seconds: a run's seconds times its cores) of the runs trained by one invocation. */
    public record Summary(int runsTotal, int runsTrained, int runsDiverged, int runsResumed, double wallSeconds,
                          double runSeconds) {
    }

    private SweepJob() {
    }

    /** The tables a sweep of {@code settings} writes. */
    public static List<String> tables(SweepSettings settings) {
        // dataset's contract follows data.inputs, so it enters by name.
        return Stream.of(Stream.of(ResultTables.RUNS, ResultTables.LOSS_CURVES, ResultTables.LOSS_BANDS,
                ResultTables.PARAM_CHANGES, ResultTables.PARAM_CHANGE_MEANS, ResultTables.NTK_CHANGES, ResultTables.MODELS,
                ResultTables.PREDICTIONS, ResultTables.RESIDUALS, ResultTables.TABLE1, ResultTables.PROTOCOLS)
                .map(ResultTable::name), Stream.of(ResultTables.DATASET),
                settings.kernelBaseline() ? Stream.of(ResultTables.KERNEL_PREDICTIONS.name()) : Stream.<String>empty())
                .flatMap(t -> t).toList();
    }

    /**
     * Trains the runs that have no checkpoint yet, then writes every table.
     *
     * @param outputDirectory the result directory, qualified (the executors write their checkpoints
     *     to its {@code _sweep_runs}, so it must be storage they all see: HDFS, S3A, or a shared mount)
     */
    public static Summary run(SparkSession spark, SweepSettings settings, BindingEnergyDataSet data,
                              String outputDirectory, ResultStore.Commit out, PrintWriter progress) {
        List<TrainingRun> runs = settings.runs();
        String checkpoints = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(outputDirectory),
                RunCheckpoint.DIRECTORY).toString();
        long seed = settings.seed();
        String dataFingerprint = data.fingerprint();
        Map<String, TrainingRun> byName = new LinkedHashMap<>();
        Map<String, String> identities = new java.util.HashMap<>();
        for (TrainingRun r : runs) {
            String identity = identity(r, seed, dataFingerprint);
            String name = RunCheckpoint.fileName(r, identity);
            byName.put(name, r);
            identities.put(name, identity);
        }
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(spark.sparkContext());
        Set<String> done = verified(spark, checkpoints, identities, hadoop, progress);
        List<String> names = new ArrayList<>(byName.keySet());
        // Most expensive runs first: Spark starts partitions in order, so the long runs do not end up
        // alone at the end (longest-processing-time-first scheduling).
        List<String> todo = names.stream().filter(n -> !done.contains(n))
                .sorted(java.util.Comparator.comparingDouble((String n) -> -cost(byName.get(n)))).toList();
        progress.printf(Locale.ROOT, "sweep: %d runs, %d already done, %d to train%n", runs.size(),
                runs.size() - todo.size(), todo.size());
        progress.flush();

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        LongAccumulator finished = jsc.sc().longAccumulator("sweep runs finished");
        LongAccumulator diverged = jsc.sc().longAccumulator("sweep runs diverged");
        LongAccumulator resumed = jsc.sc().longAccumulator("sweep runs resumed");
        LongAccumulator saves = jsc.sc().longAccumulator("sweep mid-run states saved");
        LongAccumulator saveMillis = jsc.sc().longAccumulator("sweep mid-run state milliseconds");
        LongAccumulator savedBytes = jsc.sc().longAccumulator("sweep mid-run state bytes");
        double checkpointSeconds = settings.checkpointSeconds();
        LongAccumulator runMillis = jsc.sc().longAccumulator("sweep run core-milliseconds");
        org.apache.spark.util.DoubleAccumulator costDone = jsc.sc().doubleAccumulator("sweep cost finished");
        long start = System.nanoTime();
        // The baselines need no executor: the driver computes them while the runs train.
        java.util.concurrent.CompletableFuture<List<KernelBaselines.Baseline>> baselines = settings.kernelBaseline()
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> KernelBaselines.configurations(runs).stream()
                        .map(r -> new KernelBaselines.Baseline(r, KernelBaselines.compute(r, data, seed,
                                settings.kernelRidge(), List.of()))).toList())
                : java.util.concurrent.CompletableFuture.completedFuture(List.of());
        if (!todo.isEmpty()) {
            List<TrainingRun> todoRuns = todo.stream().map(byName::get).toList();
            double totalCost = todoRuns.stream().mapToDouble(SweepJob::cost).sum();
            // The cost of the epochs done, including those of runs still training (their heartbeats).
            org.annft.spark.InFlightAccumulator inFlight = new org.annft.spark.InFlightAccumulator(costDone);
            spark.sparkContext().addSparkListener(inFlight);
            ProgressLine reporter = new ProgressLine(progress, "sweep", "runs", "diverged", todo.size(), finished::value,
                    diverged::value, () -> Math.min(1, (costDone.value() + inFlight.value()) / totalCost),
                    ProgressLine.stderrIsTerminal(), System::nanoTime);
            reporter.start();
            try {
                WideRuns wide = settings.wideRuns();
                org.apache.spark.api.java.function.VoidFunction<Integer> train = i -> {
                    long t0 = System.nanoTime();
                    TrainingRun run = todoRuns.get(i);
                    String name = todo.get(i);
                    double perEpoch = cost(run) / run.epochs();
                    MidRunCheckpoints states = new MidRunCheckpoints(checkpoints, name, identities.get(name),
                            run.network(data.inputWidth()).architecture(), checkpointSeconds, hadoop.value().value(),
                            System.err);
                    int threads = wide.threads(run);
                    TrainingRun.Outcome outcome = run.execute(data, seed, Gemm.blas(threads), FloatGemm.blas(threads),
                            epoch -> costDone.add(perEpoch), states);
                    RunCheckpoint.of(identities.get(name), outcome).write(checkpoints, name, hadoop.value().value());
                    RunState.deleteBefore(checkpoints, name, Integer.MAX_VALUE, hadoop.value().value());
                    // Core-seconds: a wide run holds its threads' cores.
                    runMillis.add(threads * ((System.nanoTime() - t0) / 1_000_000));
                    saves.add(states.saves());
                    saveMillis.add(states.saveNanos() / 1_000_000);
                    savedBytes.add(states.savedBytes());
                    if (states.resumedEpoch() > 0) {
                        resumed.add(1);
                        costDone.add(perEpoch * states.resumedEpoch());
                    }
                    if (outcome.result().status() != org.annft.train.TrainingResult.Status.OK) {
                        diverged.add(1);
                    }
                    // A diverged run stopped early: its whole cost counts as done.
                    costDone.add(perEpoch * (run.epochs() - outcome.result().epochsDone()));
                    finished.add(1);
                };
                // Each part keeps todo's order, most expensive first.
                Map<Boolean, List<Integer>> byCores = IntStream.range(0, todo.size()).boxed()
                        .collect(java.util.stream.Collectors.partitioningBy(i -> wide.threads(todoRuns.get(i)) > 1));
                TaskStages.run(jsc, byCores.get(true), byCores.get(false), wide.threads(), train, progress);
            } finally {
                reporter.stop();
                spark.sparkContext().removeSparkListener(inFlight);
            }
        }
        // Every run has its checkpoint now: a state left by a run killed after writing it is not needed.
        RunState.deleteAll(checkpoints, hadoop.value().value());
        if (resumed.value() > 0) {
            progress.printf(Locale.ROOT, "sweep: %d runs continued from their mid-run states%n", resumed.value());
        }
        if (saves.value() > 0) {
            progress.printf(Locale.ROOT, "sweep: %d mid-run states saved, %.2f s and %.1f MB each on average%n",
                    saves.value(), saveMillis.value() / 1e3 / saves.value(), savedBytes.value() / 1e6 / saves.value());
        }
        progress.flush();
        List<KernelBaselines.Baseline> computed = baselines.join();
        double wall = (System.nanoTime() - start) / 1e9;
        SweepTables.write(spark, settings, data, RunCheckpoint.paths(checkpoints, names), hadoop, out);
        if (settings.kernelBaseline()) {
            out.write(ResultTables.KERNEL_PREDICTIONS, spark.createDataFrame(KernelBaselines.rows(computed),
                    org.annft.spark.SparkTables.schema(ResultTables.KERNEL_PREDICTIONS)));
        }
        return new Summary(runs.size(), todo.size(), (int) diverged.value().longValue(), (int) resumed.value().longValue(),
                wall, runMillis.value() / 1000.0);
    }

    /**
     * The checkpoints of this sweep's runs that can be used: each is read back whole, in a Spark
     * job, and compared with the identity its name stands for. A damaged checkpoint, or one that
     * belongs to another run, is reported in one line and deleted, so that its run is trained again.
     */
    private static Set<String> verified(SparkSession spark, String checkpoints, Map<String, String> identities,
                                        Broadcast<SerializableConfiguration> hadoop, PrintWriter progress) {
        List<String> present = RunCheckpoint.existing(checkpoints, hadoop.value().value()).stream()
                .filter(identities::containsKey).sorted().toList();
        if (present.isEmpty()) {
            return Set.of();
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<scala.Tuple2<String, String>> named = present.stream()
                .map(n -> new scala.Tuple2<>(n, identities.get(n))).toList();
        List<scala.Tuple2<String, String>> problems = jsc.parallelize(named,
                        Math.max(1, Math.min(named.size(), 4 * jsc.defaultParallelism())))
                .map(n -> new scala.Tuple2<>(n._1(), RunCheckpoint.problem(
                        new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(checkpoints), n._1()).toString(),
                        n._2(), hadoop.value().value())))
                .filter(p -> p._2() != null).collect();
        Set<String> usable = new java.util.HashSet<>(present);
        for (scala.Tuple2<String, String> p : problems) {
            progress.printf(Locale.ROOT, "sweep: checkpoint %s %s; training its run again%n", p._1(), p._2());
            RunCheckpoint.delete(checkpoints, p._1(), hadoop.value().value());
            usable.remove(p._1());
        }
        progress.flush();
        return usable;
    }

    /**
     * The identity of {@code run}'s checkpoint and states in a sweep of master seed {@code seed} on the
     * data set of {@code dataFingerprint}.
     */
    static String identity(TrainingRun run, long seed, String dataFingerprint) {
        // The revision alone does not tell two uncommitted code states apart: the classes' fingerprint does.
        return RunCheckpoint.identity(run, seed, dataFingerprint,
                AnnftVersion.current() + "|code=" + AnnftVersion.codeFingerprint());
    }

    /** Relative cost of a run for scheduling and progress: epochs times multiply-adds per sample. */
    static double cost(TrainingRun run) {
        double perSample = run.width() * (2.0 + (run.depth() - 2) * run.width() + 1);
        return run.epochs() * perSample;
    }
}
