package org.annft.ensemble;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.annft.spark.ProgressLine;
import org.annft.spark.ResultStore;
import org.annft.theory.TheoryProfile;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.annft.spark.SparkTables;
import org.annft.table.ResultTables;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
 * <p>Tables: {@code init_moments}, {@code init_histograms}, {@code init_covariance} (when there
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
                ResultTables.INIT_HISTOGRAMS, ResultTables.INIT_COVARIANCE, ResultTables.INIT_SAMPLES)
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
            ChunkStatistics s = ChunkStatistics.run(task, c, bins, halfRanges.get(c.id()), keep);
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
                            configurationRows(configurations, settings)));
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
            List<Row> moments = momentRows(configurations, theory, folds);
            out.writeInOrder(ResultTables.INIT_MOMENTS, moments);
            out.writeInOrder(ResultTables.INIT_HISTOGRAMS,
                    histogramRows(configurations, halfRanges, bins, folds, moments));
            if (configurations.get(0).inputCount() > 1) {
                out.writeInOrder(ResultTables.INIT_COVARIANCE, covarianceRows(configurations, theory, folds, moments));
            }
            if (keep > 0) {
                out.write(ResultTables.INIT_SAMPLES, samples(spark, chunks));
            }
            return new Summary(settings.samples() * configurations.size(), gaussians.value(), nanos.value() / 1e9,
                    (tablesStart - samplingStart) / 1e9, (System.nanoTime() - tablesStart) / 1e9);
        } finally {
            chunks.unpersist(false);
        }
    }

    // ---- init_configurations ----


    private static List<Row> configurationRows(List<EnsembleConfiguration> cs, EnsembleSettings settings) {
        List<Row> rows = new ArrayList<>();
        for (EnsembleConfiguration c : cs) {
            rows.add(SparkTables.row(ResultTables.INIT_CONFIGURATIONS, row(new Object[] {c.id()}, c, settings.samples(),
                    scala.jdk.javaapi.CollectionConverters.asScala(settings.inputLabels()).toSeq())));
        }
        return rows;
    }

    // ---- the folds ----

    /** Key of (configuration, layer, input) packed in a long: 24, 20 and 20 bits. */
    private static long key(int configurationId, int layer, int input) {
        return ((long) configurationId << 40) | ((long) layer << 20) | input;
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

    /** The values of the configuration's columns ({@code activation .. sampler}), after the leading ones. */
    private static Object[] row(Object[] leading, EnsembleConfiguration c, Object... rest) {
        Object[] v = new Object[leading.length + 6 + rest.length];
        System.arraycopy(leading, 0, v, 0, leading.length);
        Object[] conf = {c.activationName(), c.cW(), c.cB(), c.width(), c.hiddenLayers(), c.sampler().configName()};
        System.arraycopy(conf, 0, v, leading.length, conf.length);
        System.arraycopy(rest, 0, v, leading.length + conf.length, rest.length);
        return v;
    }

    // ---- init_moments ----


    /** Columns of {@code init_moments} that later tables read. */
    private static final int SAMPLES = ResultTables.INIT_MOMENTS.index("samples");
    private static final int MEAN = ResultTables.INIT_MOMENTS.index("mean");
    private static final int M2 = ResultTables.INIT_MOMENTS.index("m2");

    /**
     * One row per (configuration, layer, input), in that order (the table's): the measured moments, their
     * standard errors, and the theory from the inputs and from the measured first layer. Ratios to
     * the variance are NULL where it is 0 (every network gives the same value there).
     */
    private static List<Row> momentRows(List<EnsembleConfiguration> cs, List<EnsembleTheory> theory,
                                        Map<Long, ChunkFold> folds) {
        List<Row> rows = new ArrayList<>();
        for (EnsembleConfiguration c : cs) {
            EnsembleTheory t = theory.get(c.id());
            List<TheoryProfile> fromMeasured = new ArrayList<>();
            for (int a = 0; a < c.inputCount(); a++) {
                ChunkFold first = folds.get(key(c.id(), 1, a));
                double firstM2 = first.centralMoment(2);
                fromMeasured.add(firstM2 > 0 ? EnsembleTheory.fromMeasured(c, firstM2,
                        (first.centralMoment(4) - 3 * firstM2 * firstM2) / 3) : null);
            }
            for (int l = 1; l <= c.layers(); l++) {
                for (int a = 0; a < c.inputCount(); a++) {
                    ChunkFold f = folds.get(key(c.id(), l, a));
                    TheoryProfile measured = fromMeasured.get(a);
                    long samples = f.samples();
                    double c2 = f.centralMoment(2);
                    double c4 = f.centralMoment(4);
                    double[] errors = f.standardErrors();
                    double kernel = t.kernel(l, a);
                    double v = t.vertexOverWidth(l, a);
                    rows.add(SparkTables.row(ResultTables.INIT_MOMENTS, row(new Object[] {c.id(), l, a}, c, samples, f.mean(), c2, c4, c4 - 3 * c2 * c2,
                            (c4 - 3 * c2 * c2) / 3, c2 > 0 ? c4 / (c2 * c2) - 3 : null,
                            Math.sqrt((c4 - c2 * c2) / samples), errors[0],
                            c2 > 0 && !Double.isNaN(errors[1]) ? errors[1] : null, f.outside(), kernel, v,
                            kernel > 0 ? 3 * v / (kernel * kernel) : null,
                            measured == null ? Double.NaN : measured.layer(l).kernel(),
                            measured == null ? Double.NaN : measured.layer(l).vertexOverWidth())));
                }
            }
        }
        return rows;
    }

    /** The moment row of (configuration, layer, input) in {@link #momentRows}' order. */
    private static Row momentRow(List<Row> moments, List<EnsembleConfiguration> cs, int configurationId, int layer,
                                 int input) {
        int index = 0;
        for (EnsembleConfiguration c : cs) {
            if (c.id() == configurationId) {
                return moments.get(index + (layer - 1) * c.inputCount() + input);
            }
            index += c.inputCount() * c.layers();
        }
        throw new IllegalArgumentException("no configuration " + configurationId);
    }

    // ---- init_histograms ----


    /**
     * The non-empty bins on {@code [-h, h]}: counts, the density {@code count / (N * width)} and the
     * Gaussian of the measured mean and variance at the bin's centre.
     */
    private static List<Row> histogramRows(List<EnsembleConfiguration> cs, List<double[]> halfRanges, int bins,
                                           Map<Long, ChunkFold> folds, List<Row> moments) {
        List<Row> rows = new ArrayList<>();
        for (EnsembleConfiguration c : cs) {
            for (int l = 1; l <= c.layers(); l++) {
                for (int a = 0; a < c.inputCount(); a++) {
                    long[] counts = folds.get(key(c.id(), l, a)).histogram();
                    Row m = momentRow(moments, cs, c.id(), l, a);
                    long samples = m.getLong(SAMPLES);
                    double mean = m.getDouble(MEAN);
                    double m2 = m.getDouble(M2);
                    double h = halfRanges.get(c.id())[(l - 1) * c.inputCount() + a];
                    for (int b = 0; b < bins; b++) {
                        if (counts[b] > 0) {
                            double low = -h + 2 * h * b / bins;
                            double high = -h + 2 * h * (b + 1) / bins;
                            rows.add(SparkTables.row(ResultTables.INIT_HISTOGRAMS, row(new Object[] {c.id()}, c, l, a, b, low, high, counts[b],
                                    counts[b] / (samples * (high - low)),
                                    m2 > 0 ? Math.exp(-Math.pow((low + high) / 2 - mean, 2) / (2 * m2))
                                            / Math.sqrt(2 * Math.PI * m2) : null)));
                        }
                    }
                }
            }
        }
        return rows;
    }

    // ---- init_covariance ----


    /** Per input pair a &lt; b: {@code cov = S_ab / N - m_a m_b}, the correlation, and the theory's kernel. */
    private static List<Row> covarianceRows(List<EnsembleConfiguration> cs, List<EnsembleTheory> theory,
                                            Map<Long, ChunkFold> folds, List<Row> moments) {
        List<Row> rows = new ArrayList<>();
        for (EnsembleConfiguration c : cs) {
            EnsembleTheory t = theory.get(c.id());
            for (int l = 1; l <= c.layers(); l++) {
                for (int a = 0; a < c.inputCount(); a++) {
                    ChunkFold f = folds.get(key(c.id(), l, a));
                    Row ma = momentRow(moments, cs, c.id(), l, a);
                    for (int b = a + 1; b < c.inputCount(); b++) {
                        Row mb = momentRow(moments, cs, c.id(), l, b);
                        long n = f.samples();
                        double covariance = f.crossSum(b) / n - ma.getDouble(MEAN) * mb.getDouble(MEAN);
                        double va = ma.getDouble(M2);
                        double vb = mb.getDouble(M2);
                        double kab = t.kernel(l, a, b);
                        double kaa = t.kernel(l, a, a);
                        double kbb = t.kernel(l, b, b);
                        rows.add(SparkTables.row(ResultTables.INIT_COVARIANCE, row(new Object[] {c.id()}, c, l, a, b, n, covariance,
                                va > 0 && vb > 0 ? covariance / Math.sqrt(va * vb) : null, va, vb, kab,
                                kaa > 0 && kbb > 0 ? kab / Math.sqrt(kaa * kbb) : null)));
                    }
                }
            }
        }
        return rows;
    }

    // ---- init_samples ----

    private static Dataset<Row> samples(SparkSession spark, JavaRDD<ChunkStatistics> chunks) {
        StructType schema = SparkTables.schema(ResultTables.INIT_SAMPLES);
        JavaRDD<Row> rows = chunks.flatMap(s -> {
            List<Row> r = new ArrayList<>();
            for (int i = 0; i < s.keptSamples.size(); i++) {
                double[] z = s.keptSamples.get(i);
                for (int la = 0; la < z.length; la++) {
                    r.add(SparkTables.row(ResultTables.INIT_SAMPLES, s.task.configurationId(), s.task.firstSample() + i, la / s.k + 1,
                            la % s.k, z[la]));
                }
            }
            return r.iterator();
        });
        return spark.createDataFrame(rows, schema).orderBy("config_id", "sample", "layer", "input_index");
    }
}
