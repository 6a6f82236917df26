package org.annft.sweep;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.annft.config.BadInputException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;

/**
 * The Spark stages that train a sweep's runs: one-core runs as tasks of one core, the
 * {@link WideRuns} as tasks of {@code threads} cores.
 *
 * <p>On a cluster (standalone, YARN, Kubernetes) the wide runs are a stage of their own with a
 * {@code TaskResourceProfile} of {@code threads} CPUs (stage-level scheduling, which with dynamic
 * allocation off reuses the executors the application has), submitted first and run alongside the
 * one-core stage: Spark's FIFO scheduler offers free cores to the wide stage first, so the longest
 * runs start first. Local mode has no task resource profiles: there the wide runs train
 * {@code cores / threads} at a time, each slot taking its runs in order, before the one-core stage.
 */
final class TaskStages {

    private TaskStages() {
    }

    /**
     * Trains {@code train(i)} for every index of {@code wide} (on {@code threads} cores each) and of
     * {@code oneCore}, each list in the order it should start (most expensive first).
     */
    static void run(JavaSparkContext jsc, List<Integer> wide, List<Integer> oneCore, int threads,
                    VoidFunction<Integer> train, PrintWriter progress) {
        if (wide.isEmpty()) {
            stage(jsc, oneCore, train);
            return;
        }
        if (jsc.sc().isLocal()) {
            int slots = Math.max(1, Math.min(wide.size(), jsc.defaultParallelism() / threads));
            progress.printf(Locale.ROOT, "sweep: %d wide runs on %d threads each, %d at a time (local mode reserves "
                    + "no cores per task), then %d runs on one core each%n", wide.size(), threads, slots, oneCore.size());
            progress.flush();
            jsc.parallelize(IntStream.range(0, slots).boxed().toList(), slots).foreach(slot -> {
                for (int j = slot; j < wide.size(); j += slots) {
                    train.call(wide.get(j));
                }
            });
            stage(jsc, oneCore, train);
            return;
        }
        checkCluster(jsc.getConf(), threads);
        progress.printf(Locale.ROOT, "sweep: %d wide runs as tasks of %d cores, %d runs as tasks of one core%n",
                wide.size(), threads, oneCore.size());
        progress.flush();
        ResourceProfile cores = new ResourceProfileBuilder().require(new TaskResourceRequests().cpus(threads)).build();
        JavaFutureAction<Void> wideStage = jsc.parallelize(wide, wide.size()).withResources(cores).foreachAsync(train);
        JavaFutureAction<Void> oneCoreStage = oneCore.isEmpty() ? null
                : jsc.parallelize(oneCore, oneCore.size()).foreachAsync(train);
        try {
            await(wideStage);
            if (oneCoreStage != null) {
                await(oneCoreStage);
            }
        } finally {
            wideStage.cancel(true);
            if (oneCoreStage != null) {
                oneCoreStage.cancel(true);
            }
        }
    }

    /**
     * What a task resource profile of {@code threads} CPUs needs of a cluster application: dynamic
     * allocation off (Spark 4.1 supports such profiles only then) and executors of at least that
     * many cores, when their size is set.
     *
     * @throws BadInputException naming the setting to change
     */
    static void checkCluster(SparkConf conf, int threads) {
        if (conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
            throw new BadInputException("sweep.wide-runs.threads = " + threads + " needs spark.dynamicAllocation.enabled"
                    + "=false (its tasks of " + threads + " cores share the application's executors); or set "
                    + "sweep.wide-runs.threads = 1");
        }
        int executorCores = conf.getInt("spark.executor.cores", 0);
        if (executorCores > 0 && executorCores < threads) {
            throw new BadInputException("sweep.wide-runs.threads = " + threads + " needs executors of at least " + threads
                    + " cores, spark.executor.cores is " + executorCores);
        }
    }

    private static void stage(JavaSparkContext jsc, List<Integer> runs, VoidFunction<Integer> train) {
        if (!runs.isEmpty()) {
            jsc.parallelize(runs, runs.size()).foreach(train);
        }
    }

    /** Waits for a stage; its failure is rethrown as {@code foreach} would throw it. */
    private static void await(JavaFutureAction<Void> stage) {
        try {
            stage.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
