package org.annft.ensemble;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.annft.spark.OrderedAggregates;
import org.annft.spark.ProgressLine;
import org.annft.spark.ResultStore;
import org.annft.theory.TheoryProfile;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

/**
 * The initialization-ensemble job (paper Sec. III). The driver expands the grid into chunk tasks
 * and computes the theory; executors draw each chunk with its own seeded stream and reduce it to
 * power sums, cross sums and histogram counts; Spark SQL folds the chunks of every (configuration,
 * layer, input) in chunk order ({@link OrderedAggregates}), so the tables are bit-identical whatever the
 * partitioning, and
 * joins the theory by key.
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

    private static final int P = ChunkStatistics.POWERS;

    private EnsembleJob() {
    }

    /** The tables this job may write, for the up-front overwrite check. */
    public static List<String> tables() {
        return List.of("init_configurations", "init_moments", "init_histograms", "init_covariance", "init_samples");
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
            try {
                chunks.count();
            } finally {
                if (line != null) {
                    line.stop();
                }
            }
            long tablesStart = System.nanoTime();
            // Small, and read again by the histogram and covariance tables.
            Dataset<Row> moments = moments(spark, chunks, configurations, theory, settings).cache();
            out.write("init_configurations", configurationsTable(spark, configurations, settings));
            out.writeSorted("init_moments", moments, "config_id", "layer", "input_index");
            out.writeSorted("init_histograms", histograms(spark, chunks, configurations, halfRanges, bins, moments),
                    "config_id", "layer", "input_index", "bin");
            if (configurations.get(0).inputCount() > 1) {
                out.writeSorted("init_covariance", covariances(spark, chunks, theory, moments),
                        "config_id", "layer", "input_a", "input_b");
            }
            if (keep > 0) {
                out.write("init_samples", samples(spark, chunks));
            }
            return new Summary(settings.samples() * configurations.size(), gaussians.value(), nanos.value() / 1e9,
                    (tablesStart - samplingStart) / 1e9, (System.nanoTime() - tablesStart) / 1e9);
        } finally {
            chunks.unpersist(false);
        }
    }

    // ---- init_configurations ----

    private static Dataset<Row> configurationsTable(SparkSession spark, List<EnsembleConfiguration> cs,
                                                    EnsembleSettings settings) {
        StructType schema = new StructType()
                .add("config_id", DataTypes.IntegerType, false)
                .add("activation", DataTypes.StringType, false)
                .add("c_w", DataTypes.DoubleType, false)
                .add("c_b", DataTypes.DoubleType, false)
                .add("width", DataTypes.IntegerType, false)
                .add("hidden_layers", DataTypes.IntegerType, false)
                .add("sampler", DataTypes.StringType, false)
                .add("samples", DataTypes.LongType, false)
                .add("inputs", DataTypes.createArrayType(DataTypes.StringType), false);
        List<Row> rows = new ArrayList<>();
        for (EnsembleConfiguration c : cs) {
            rows.add(RowFactory.create(c.id(), c.activationName(), c.cW(), c.cB(), c.width(), c.hiddenLayers(),
                    c.sampler().configName(), settings.samples(),
                    scala.jdk.javaapi.CollectionConverters.asScala(settings.inputLabels()).toSeq()));
        }
        return spark.createDataFrame(rows, schema);
    }

    // ---- init_moments ----

    private static Dataset<Row> moments(SparkSession spark, JavaRDD<ChunkStatistics> chunks,
                                        List<EnsembleConfiguration> cs, List<EnsembleTheory> theory,
                                        EnsembleSettings settings) {
        StructType schema = new StructType()
                .add("config_id", DataTypes.IntegerType, false)
                .add("chunk", DataTypes.IntegerType, false)
                .add("layer", DataTypes.IntegerType, false)
                .add("input_index", DataTypes.IntegerType, false)
                .add("n", DataTypes.LongType, false)
                .add("outside", DataTypes.LongType, false);
        for (int p = 1; p <= P; p++) {
            schema = schema.add("s" + p, DataTypes.DoubleType, false);
        }
        JavaRDD<Row> rows = chunks.flatMap(s -> {
            List<Row> r = new ArrayList<>();
            for (int l = 0; l < s.layers; l++) {
                for (int a = 0; a < s.k; a++) {
                    Object[] v = new Object[6 + P];
                    v[0] = s.task.configurationId();
                    v[1] = s.task.chunk();
                    v[2] = l + 1;
                    v[3] = a;
                    v[4] = (long) s.task.samples();
                    v[5] = s.outsideRange[l * s.k + a];
                    for (int p = 1; p <= P; p++) {
                        v[5 + p] = s.powerSum(l, a, p);
                    }
                    r.add(RowFactory.create(v));
                }
            }
            return r.iterator();
        });
        spark.createDataFrame(rows, schema).createOrReplaceTempView("ensemble_chunk_moments");
        Dataset<Row> folded = spark.sql(OrderedAggregates.chunkOrderedSums("ensemble_chunk_moments",
                "config_id, layer, input_index", List.of("outside"), sums(P)));
        folded.createOrReplaceTempView("ensemble_power_sums");
        Dataset<Row> measured = spark.sql("SELECT config_id, layer, input_index, n AS samples, outside, "
                + "s1 / n AS mean, " + centralMomentsSql() + " FROM ensemble_power_sums");
        measured.createOrReplaceTempView("ensemble_central");
        batchMeansErrors(spark, chunks).createOrReplaceTempView("ensemble_batch_errors");
        // Ratios to the variance are NULL where it is 0 (every network gives the same value there).
        Dataset<Row> estimates = spark.sql("SELECT m.config_id, m.layer, m.input_index, samples, mean, c2 AS m2, c4 AS m4, "
                + "c4 - 3 * c2 * c2 AS k4, (c4 - 3 * c2 * c2) / 3 AS v_over_n, "
                + "CASE WHEN c2 > 0 THEN c4 / (c2 * c2) - 3 END AS kurtosis_excess, "
                + "sqrt((c4 - c2 * c2) / samples) AS m2_se, e.v_over_n_se, "
                + "CASE WHEN c2 > 0 THEN e.kurtosis_excess_se END AS kurtosis_excess_se, "
                + "outside AS outside_histogram FROM ensemble_central m JOIN ensemble_batch_errors e "
                + "ON m.config_id = e.config_id AND m.layer = e.layer AND m.input_index = e.input_index").cache();

        // Theory from the inputs, and from the measured first layer (tiny: one row per configuration and input).
        List<Row> firstLayer = estimates.where("layer = 1").select("config_id", "input_index", "m2", "v_over_n")
                .collectAsList();
        List<Row> theoryRows = new ArrayList<>();
        for (EnsembleConfiguration c : cs) {
            EnsembleTheory t = theory.get(c.id());
            for (int a = 0; a < c.inputCount(); a++) {
                TheoryProfile fromMeasured = null;
                for (Row r : firstLayer) {
                    if (r.getInt(0) == c.id() && r.getInt(1) == a && r.getDouble(2) > 0) {
                        fromMeasured = EnsembleTheory.fromMeasured(c, r.getDouble(2), r.getDouble(3));
                    }
                }
                for (int l = 1; l <= c.layers(); l++) {
                    double kernel = t.kernel(l, a);
                    double v = t.vertexOverWidth(l, a);
                    theoryRows.add(RowFactory.create(c.id(), l, a, kernel, v, kernel > 0 ? 3 * v / (kernel * kernel) : null,
                            fromMeasured == null ? Double.NaN : fromMeasured.layer(l).kernel(),
                            fromMeasured == null ? Double.NaN : fromMeasured.layer(l).vertexOverWidth()));
                }
            }
        }
        StructType theorySchema = new StructType()
                .add("config_id", DataTypes.IntegerType, false)
                .add("layer", DataTypes.IntegerType, false)
                .add("input_index", DataTypes.IntegerType, false)
                .add("theory_kernel", DataTypes.DoubleType, false)
                .add("theory_v_over_n", DataTypes.DoubleType, false)
                .add("theory_kurtosis_excess", DataTypes.DoubleType, true)
                .add("theory_kernel_from_measured", DataTypes.DoubleType, false)
                .add("theory_v_over_n_from_measured", DataTypes.DoubleType, false);
        Dataset<Row> theoryTable = spark.createDataFrame(theoryRows, theorySchema);
        Dataset<Row> configurations = configurationsTable(spark, cs, settings).drop("samples", "inputs");
        return configurations.join(estimates, "config_id").join(theoryTable, new String[] {"config_id", "layer", "input_index"});
    }

    /**
     * The standard errors of V/n and of the excess kurtosis per (configuration, layer, input), by
     * {@link BatchMeans} over the chunks in chunk order (so independent of partitioning).
     */
    private static Dataset<Row> batchMeansErrors(SparkSession spark, JavaRDD<ChunkStatistics> chunks) {
        JavaRDD<Row> rows = chunks.flatMapToPair(s -> {
            List<scala.Tuple2<Long, double[]>> out = new ArrayList<>();
            for (int l = 0; l < s.layers; l++) {
                for (int a = 0; a < s.k; a++) {
                    double[] v = new double[P + 2];
                    v[0] = s.task.samples();
                    for (int p = 1; p <= P; p++) {
                        v[p] = s.powerSum(l, a, p);
                    }
                    v[P + 1] = s.task.chunk();
                    // Key (configuration, layer, input) packed in a long: 24, 20 and 20 bits.
                    out.add(new scala.Tuple2<>(((long) s.task.configurationId() << 40) | ((long) (l + 1) << 20) | a, v));
                }
            }
            return out.iterator();
        }).groupByKey().map(group -> {
            List<double[]> list = new ArrayList<>();
            group._2().forEach(list::add);
            list.sort(java.util.Comparator.comparingDouble(v -> v[P + 1]));
            double[] errors = BatchMeans.standardErrors(list.toArray(new double[0][]));
            long key = group._1();
            return RowFactory.create((int) (key >>> 40), (int) ((key >>> 20) & 0xFFFFF), (int) (key & 0xFFFFF), errors[0],
                    Double.isNaN(errors[1]) ? null : errors[1]);
        });
        return spark.createDataFrame(rows, new StructType()
                .add("config_id", DataTypes.IntegerType, false)
                .add("layer", DataTypes.IntegerType, false)
                .add("input_index", DataTypes.IntegerType, false)
                .add("v_over_n_se", DataTypes.DoubleType, false)
                .add("kurtosis_excess_se", DataTypes.DoubleType, true));
    }

    private static List<String> sums(int powers) {
        List<String> s = new ArrayList<>();
        for (int p = 1; p <= powers; p++) {
            s.add("s" + p);
        }
        return s;
    }

    /** Central moments c2..c8 from the raw moments r_p = S_p / n: c_p = sum_j C(p,j) r_j (-mean)^(p-j). */
    private static String centralMomentsSql() {
        List<String> columns = new ArrayList<>();
        for (int p = 2; p <= P; p++) {
            StringBuilder e = new StringBuilder("(");
            long binomial = 1;
            for (int j = 0; j <= p; j++) {
                if (j > 0) {
                    binomial = binomial * (p - j + 1) / j;
                }
                String raw = j == 0 ? "1" : "(s" + j + " / n)";
                int power = p - j;
                String sign = power % 2 == 0 ? "+" : "-";
                e.append(j == 0 ? (sign.equals("-") ? "-" : "") : " " + sign + " ")
                        .append(binomial).append(" * ").append(raw).append(" * pow(s1 / n, ").append(power).append(")");
            }
            columns.add(e.append(") AS c").append(p).toString());
        }
        return String.join(", ", columns);
    }

    // ---- init_histograms ----

    private static Dataset<Row> histograms(SparkSession spark, JavaRDD<ChunkStatistics> chunks,
                                           List<EnsembleConfiguration> cs, List<double[]> halfRanges, int bins,
                                           Dataset<Row> moments) {
        StructType schema = new StructType()
                .add("config_id", DataTypes.IntegerType, false)
                .add("layer", DataTypes.IntegerType, false)
                .add("input_index", DataTypes.IntegerType, false)
                .add("bin", DataTypes.IntegerType, false)
                .add("bin_low", DataTypes.DoubleType, false)
                .add("bin_high", DataTypes.DoubleType, false)
                .add("count", DataTypes.LongType, false);
        JavaRDD<Row> rows = chunks.flatMap(s -> {
            List<Row> r = new ArrayList<>();
            for (int la = 0; la < s.layers * s.k; la++) {
                double h = s.halfRange[la];
                for (int b = 0; b < s.bins; b++) {
                    long count = s.histogram[la * s.bins + b];
                    if (count > 0) {
                        r.add(RowFactory.create(s.task.configurationId(), la / s.k + 1, la % s.k, b,
                                -h + 2 * h * b / s.bins, -h + 2 * h * (b + 1) / s.bins, count));
                    }
                }
            }
            return r.iterator();
        });
        spark.createDataFrame(rows, schema).createOrReplaceTempView("ensemble_chunk_histograms");
        moments.createOrReplaceTempView("ensemble_moments");
        return spark.sql("SELECT h.config_id, m.activation, m.c_w, m.c_b, m.width, m.hidden_layers, m.sampler, "
                + "h.layer, h.input_index, h.bin, h.bin_low, h.bin_high, h.count, "
                + "h.count / (m.samples * (h.bin_high - h.bin_low)) AS density, "
                + "CASE WHEN m.m2 > 0 THEN exp(-pow((h.bin_low + h.bin_high) / 2 - m.mean, 2) / (2 * m.m2)) "
                + "/ sqrt(2 * pi() * m.m2) END AS gaussian_density "
                + "FROM (SELECT config_id, layer, input_index, bin, first(bin_low) AS bin_low, first(bin_high) AS bin_high, "
                + "sum(count) AS count FROM ensemble_chunk_histograms GROUP BY config_id, layer, input_index, bin) h "
                + "JOIN ensemble_moments m ON h.config_id = m.config_id AND h.layer = m.layer AND h.input_index = m.input_index");
    }

    // ---- init_covariance ----

    private static Dataset<Row> covariances(SparkSession spark, JavaRDD<ChunkStatistics> chunks,
                                            List<EnsembleTheory> theory, Dataset<Row> moments) {
        StructType schema = new StructType()
                .add("config_id", DataTypes.IntegerType, false)
                .add("chunk", DataTypes.IntegerType, false)
                .add("layer", DataTypes.IntegerType, false)
                .add("input_a", DataTypes.IntegerType, false)
                .add("input_b", DataTypes.IntegerType, false)
                .add("n", DataTypes.LongType, false)
                .add("sab", DataTypes.DoubleType, false);
        JavaRDD<Row> rows = chunks.flatMap(s -> {
            List<Row> r = new ArrayList<>();
            for (int l = 0; l < s.layers; l++) {
                for (int a = 0; a < s.k; a++) {
                    for (int b = a + 1; b < s.k; b++) {
                        r.add(RowFactory.create(s.task.configurationId(), s.task.chunk(), l + 1, a, b,
                                (long) s.task.samples(), s.crossSums[(l * s.k + a) * s.k + b]));
                    }
                }
            }
            return r.iterator();
        });
        spark.createDataFrame(rows, schema).createOrReplaceTempView("ensemble_chunk_cross");
        spark.sql(OrderedAggregates.chunkOrderedSums("ensemble_chunk_cross", "config_id, layer, input_a, input_b", List.of(), List.of("sab")))
                .createOrReplaceTempView("ensemble_cross");
        List<Row> theoryRows = new ArrayList<>();
        for (EnsembleTheory t : theory) {
            EnsembleConfiguration c = t.configuration();
            for (int l = 1; l <= c.layers(); l++) {
                for (int a = 0; a < c.inputCount(); a++) {
                    for (int b = a + 1; b < c.inputCount(); b++) {
                        double kab = t.kernel(l, a, b);
                        double kaa = t.kernel(l, a, a);
                        double kbb = t.kernel(l, b, b);
                        theoryRows.add(RowFactory.create(c.id(), l, a, b, kab,
                                kaa > 0 && kbb > 0 ? kab / Math.sqrt(kaa * kbb) : null));
                    }
                }
            }
        }
        spark.createDataFrame(theoryRows, new StructType()
                .add("config_id", DataTypes.IntegerType, false)
                .add("layer", DataTypes.IntegerType, false)
                .add("input_a", DataTypes.IntegerType, false)
                .add("input_b", DataTypes.IntegerType, false)
                .add("theory_kernel", DataTypes.DoubleType, false)
                .add("theory_correlation", DataTypes.DoubleType, true)).createOrReplaceTempView("ensemble_cross_theory");
        moments.createOrReplaceTempView("ensemble_moments");
        return spark.sql("SELECT c.config_id, ma.activation, ma.c_w, ma.c_b, ma.width, ma.hidden_layers, ma.sampler, "
                + "c.layer, c.input_a, c.input_b, c.n AS samples, "
                + "c.sab / c.n - ma.mean * mb.mean AS covariance, "
                + "CASE WHEN ma.m2 > 0 AND mb.m2 > 0 THEN (c.sab / c.n - ma.mean * mb.mean) / sqrt(ma.m2 * mb.m2) END AS correlation, "
                + "ma.m2 AS variance_a, mb.m2 AS variance_b, t.theory_kernel, t.theory_correlation "
                + "FROM ensemble_cross c "
                + "JOIN ensemble_moments ma ON c.config_id = ma.config_id AND c.layer = ma.layer AND c.input_a = ma.input_index "
                + "JOIN ensemble_moments mb ON c.config_id = mb.config_id AND c.layer = mb.layer AND c.input_b = mb.input_index "
                + "JOIN ensemble_cross_theory t ON c.config_id = t.config_id AND c.layer = t.layer "
                + "AND c.input_a = t.input_a AND c.input_b = t.input_b");
    }

    // ---- init_samples ----

    private static Dataset<Row> samples(SparkSession spark, JavaRDD<ChunkStatistics> chunks) {
        StructType schema = new StructType()
                .add("config_id", DataTypes.IntegerType, false)
                .add("sample", DataTypes.LongType, false)
                .add("layer", DataTypes.IntegerType, false)
                .add("input_index", DataTypes.IntegerType, false)
                .add("value", DataTypes.DoubleType, false);
        JavaRDD<Row> rows = chunks.flatMap(s -> {
            List<Row> r = new ArrayList<>();
            for (int i = 0; i < s.keptSamples.size(); i++) {
                double[] z = s.keptSamples.get(i);
                for (int la = 0; la < z.length; la++) {
                    r.add(RowFactory.create(s.task.configurationId(), s.task.firstSample() + i, la / s.k + 1,
                            la % s.k, z[la]));
                }
            }
            return r.iterator();
        });
        return spark.createDataFrame(rows, schema).orderBy("config_id", "sample", "layer", "input_index");
    }
}
