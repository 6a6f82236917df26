package org.annft.ensemble;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.annft.spark.ProgressLine;
import org.annft.spark.ResultStore;
import org.annft.table.ResultTables;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

/**
 * The initialization-ensemble job (paper Sec. III). The driver expands the grid into chunk tasks
 * and computes the theory; executors draw each chunk with its own seeded stream and reduce it to
 * power sums, cross sums and histogram counts; Spark merges the chunks of every (configuration,
 * layer, input) into a {@link ChunkFold}, which folds them in chunk order, so the tables are
 * bit-identical whatever the partitioning; the driver turns the few folds into the tables and
 * joins the theory by key. (Spark SQL's planning and code generation of a first query cost
 * seconds in a fresh JVM, more than the folds themselves.)
 *
 * <p>Tables ({@link EnsembleTables}): {@code init_moments}, {@code init_histograms}, {@code init_covariance} (when there
 * are several inputs), {@code init_samples} (when samples are kept), {@code init_configurations}.
 */
public final class EnsembleJob {

    /**
     * Throughput figures of one run.
     *
     * @param taskSeconds time spent in the chunk tasks, summed over tasks
     * @param samplingSeconds wall time of the sampling stage
     * @param tableSeconds wall time of the aggregation and the table writes
     */
    public record Summary(long samples, long gaussians, double taskSeconds, double samplingSeconds,
                          double tableSeconds) {
    }

    private EnsembleJob() {
    }

    /** The tables this job may write, for the up-front overwrite check. */
    public static List<String> tables() {
        return java.util.stream.Stream.of(ResultTables.INIT_CONFIGURATIONS, ResultTables.INIT_MOMENTS,
                ResultTables.INIT_HISTOGRAMS, ResultTables.INIT_COVARIANCE, ResultTables.INIT_SAMPLES,
                ResultTables.INIT_NTK)
                .map(org.annft.table.ResultTable::name).toList();
    }

    public static Summary run(SparkSession spark, EnsembleSettings settings, int partitions, ResultStore.Commit out) {
        return run(spark, settings, partitions, out, null);
    }

    /** As above, with the sampling stage's progress (chunks done, elapsed, left) on {@code progress} unless null. */
    public static Summary run(SparkSession spark, EnsembleSettings settings, int partitions, ResultStore.Commit out,
                              PrintWriter progress) {
        List<EnsembleConfiguration> configurations = settings.configurations();
        List<EnsembleTheory> theory = configurations.stream().map(EnsembleTheory::of).toList();
        List<double[]> halfRanges = theory.stream().map(t -> t.histogramHalfRanges(settings.rangeSigmas())).toList();
        List<ChunkTask> tasks = settings.tasks(configurations);
        int bins = settings.bins();
        long keep = settings.keepSamples();

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = partitions > 0 ? partitions : Math.min(tasks.size(), 4 * jsc.defaultParallelism());
        LongAccumulator nanos = jsc.sc().longAccumulator("ensemble sampling nanoseconds");
        LongAccumulator gaussians = jsc.sc().longAccumulator("ensemble gaussian draws");
        LongAccumulator chunksDone = jsc.sc().longAccumulator("ensemble chunks done");
        List<Integer> indices = IntStream.range(0, tasks.size()).boxed().toList();
        // Kept deserialized in memory only: an evicted chunk is recomputed, bit-identically, from its seed.
        JavaRDD<ChunkStatistics> chunks = jsc.parallelize(indices, slices).map(i -> {
            long start = System.nanoTime();
            ChunkTask task = tasks.get(i);
            EnsembleConfiguration c = configurations.get(task.configurationId());
            ChunkStatistics s = ChunkStatistics.run(task, c, bins, halfRanges.get(c.id()), keep, settings.ntk());
            nanos.add(System.nanoTime() - start);
            gaussians.add(s.gaussians);
            chunksDone.add(1);
            return s;
        }).setName("ensemble chunks").persist(StorageLevel.MEMORY_ONLY());
        try {
            // Sampled once, as a stage of its own, so that its wall time is known apart from the tables'.
            long samplingStart = System.nanoTime();
            // A chunk cannot fail short of failing the job, so the line counts no failures.
            ProgressLine line = progress == null ? null : new ProgressLine(progress, "init-ensemble", "chunks", null,
                    tasks.size(), chunksDone::value, () -> 0, () -> chunksDone.value() / (double) tasks.size(),
                    ProgressLine.stderrIsTerminal(), System::nanoTime);
            if (line != null) {
                line.start();
            }
            // The configurations table needs no sample: written while the chunks are drawn, it also
            // pays Spark's one-time cost of a first Parquet write (seconds in a fresh JVM) off the
            // tables' critical path.
            java.util.concurrent.CompletableFuture<Void> configurationsWritten = java.util.concurrent.CompletableFuture
                    .runAsync(() -> out.writeInOrder(ResultTables.INIT_CONFIGURATIONS,
                            EnsembleTables.configurationRows(configurations, settings)));
            try {
                chunks.count();
            } finally {
                // Never leave the write running behind a failure: the commit's cleanup would race it.
                configurationsWritten.exceptionally(e -> null).join();
                if (line != null) {
                    line.stop();
                }
            }
            try {
                configurationsWritten.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            long tablesStart = System.nanoTime();
            // Every (configuration, layer, input) folded from its chunks by Spark, in chunk order
            // whatever the partitioning; the folds are small, so the tables are built from them here.
            Map<Long, ChunkFold> folds = folds(chunks);
            List<Row> moments = EnsembleTables.momentRows(configurations, theory, folds);
            out.writeInOrder(ResultTables.INIT_MOMENTS, moments);
            out.writeInOrder(ResultTables.INIT_HISTOGRAMS,
                    EnsembleTables.histogramRows(configurations, halfRanges, bins, folds, moments));
            if (configurations.get(0).inputCount() > 1) {
                out.writeInOrder(ResultTables.INIT_COVARIANCE, EnsembleTables.covarianceRows(configurations, theory, folds, moments));
            }
            if (keep > 0) {
                out.write(ResultTables.INIT_SAMPLES, EnsembleTables.samples(spark, chunks));
            }
            if (settings.ntk() != null) {
                out.writeInOrder(ResultTables.INIT_NTK, EnsembleTables.ntkRows(configurations, settings, ntkFolds(chunks)));
            }
            return new Summary(settings.samples() * configurations.size(), gaussians.value(), nanos.value() / 1e9,
                    (tablesStart - samplingStart) / 1e9, (System.nanoTime() - tablesStart) / 1e9);
        } finally {
            chunks.unpersist(false);
        }
    }

    // ---- the folds ----

    /** Key of (configuration, layer, input) packed in a long: 24, 20 and 20 bits. */
    static long key(int configurationId, int layer, int input) {
        return ((long) configurationId << 40) | ((long) layer << 20) | input;
    }

    /** Every (configuration, layer, input pair)'s NTK moments, folded in chunk order. */
    private static Map<Long, NtkFold> ntkFolds(JavaRDD<ChunkStatistics> chunks) {
        return new java.util.HashMap<>(chunks.flatMapToPair(s -> {
            List<scala.Tuple2<Long, NtkFold>> out = new ArrayList<>();
            for (int l = 0; l < s.layers; l++) {
                for (int p = 0; p < ChunkStatistics.pairs(s.k); p++) {
                    out.add(new scala.Tuple2<>(key(s.task.configurationId(), l + 1, p), NtkFold.of(s, l, p)));
                }
            }
            return out.iterator();
        }).reduceByKey(NtkFold::merge).collectAsMap());
    }

    private static Map<Long, ChunkFold> folds(JavaRDD<ChunkStatistics> chunks) {
        return new java.util.HashMap<>(chunks.flatMapToPair(s -> {
            List<scala.Tuple2<Long, ChunkFold>> out = new ArrayList<>();
            for (int l = 0; l < s.layers; l++) {
                for (int a = 0; a < s.k; a++) {
                    out.add(new scala.Tuple2<>(key(s.task.configurationId(), l + 1, a), ChunkFold.of(s, l, a)));
                }
            }
            return out.iterator();
        }).reduceByKey(ChunkFold::merge).collectAsMap());
    }


}
