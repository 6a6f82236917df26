package org.annft.predict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.annft.config.BadInputException;
import org.annft.linalg.Gemm;
import org.annft.spark.ResultSetCheck;
import org.annft.spark.ResultStore;
import org.annft.spark.SparkTables;
import org.annft.stats.OrderedSample;
import org.annft.table.ResultTables;
import org.annft.train.Precision;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code annft predict}: every saved network of a sweep (table {@code models}) that Table I's cutoff
 * keeps evaluates the chosen nuclides, one Spark task per network, and the driver reduces each
 * configuration's runs per nuclide to the ensemble's mean, population standard deviation, median
 * and 5% and 95% quantiles ({@link OrderedSample}: sorted, so the same bits whatever the
 * partitioning), written as table {@code ensemble_predictions}.
 */
public final class EnsemblePredictions {

    /** Columns of {@code models} and {@code runs} that a selection may name. */
    public static final List<String> SELECTABLE = List.of("activation", "mode", "protocol", "width", "depth", "run");

    /**
     * A nuclide to predict, with its AME2020 binding energy when the table has it.
     *
     * @param ameMev    null when the nuclide is not in the table
     * @param estimated null when the nuclide is not in the table
     */
    public record Target(int z, int n, String element, Double ameMev, Boolean estimated) implements java.io.Serializable {

        public Target {
            if (z < 0 || n < 0 || z + n == 0) {
                throw new BadInputException("nuclide Z=" + z + " N=" + n + ": Z and N must be >= 0, A >= 1");
            }
        }

        /** {@code 208Pb}, or {@code Z=120 N=200} beyond the table. */
        public String name() {
            return element == null ? "Z=" + z + " N=" + n : (z + n) + element;
        }
    }

    /** The statistics of one configuration's kept runs at one nuclide. */
    record Statistics(long runs, double mean, double std, double median, double q05, double q95) {

        static Statistics of(OrderedSample sample) {
            OrderedSample.Summary s = sample.summary();
            return new Statistics(s.count(), s.mean(), s.std(), sample.quantile(0.5), sample.quantile(0.05),
                    sample.quantile(0.95));
        }
    }

    /** Models tables up to this size on disk are evaluated on the driver. */
    public static final long LOCAL_LIMIT_BYTES = 64L << 20;

    private EnsemblePredictions() {
    }

    /** The bytes of the files under {@code dir}, through the job's Hadoop configuration (any file system). */
    private static long bytes(SparkSession spark, String dir) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir);
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).getContentSummary(path).getLength();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("measuring " + dir, e);
        }
    }

    /**
     * Runs the predictions of the networks under {@code modelsDir} that match {@code selection} and
     * writes {@code ensemble_predictions}; returns the number of networks used.
     *
     * @throws BadInputException if the directory has no {@code models} table, a selection names an
     *                           unknown column, or no kept network matches
     */
    public static Result run(SparkSession spark, String modelsDir, Map<String, String> selection, List<Target> targets,
                             ResultStore.Commit out) {
        return run(spark, modelsDir, selection, targets, out, LOCAL_LIMIT_BYTES);
    }

    /**
     * As {@link #run(SparkSession, String, Map, List, ResultStore.Commit)}: a {@code models} table of at
     * most {@code localLimitBytes} on disk is evaluated on the driver, a larger one by one task per
     * network. Both give the same rows.
     */
    public static Result run(SparkSession spark, String modelsDir, Map<String, String> selection, List<Target> targets,
                             ResultStore.Commit out, long localLimitBytes) {
        return run(spark, modelsDir, selection, targets, out, localLimitBytes, Optional.empty());
    }

    /**
     * As {@link #run(SparkSession, String, Map, List, ResultStore.Commit, long)}, with the intervals of
     * {@code calibration} (fitted per configuration on held-out edge isotopes, {@link EdgeCalibration}):
     * each configuration that the calibration has is given its half-widths, the others NULL, and the
     * fitted calibrations are written as table {@code calibration}.
     */
    public static Result run(SparkSession spark, String modelsDir, Map<String, String> selection, List<Target> targets,
                             ResultStore.Commit out, long localLimitBytes, Optional<EdgeCalibration> calibration) {
        check(modelsDir, selection);
        int[][] zn = targets.stream().map(t -> new int[] {t.z(), t.n()}).toArray(int[][]::new);
        Evaluation evaluation = evaluate(spark, modelsDir, selection, zn, localLimitBytes);
        TrainedModel range = evaluation.range();
        if (calibration.isPresent() && !calibration.get().covers(evaluation.byConfiguration().keySet())) {
            throw new BadInputException("--calibration: no configuration of its networks is one of --models " + modelsDir
                    + " (" + String.join("; ", evaluation.byConfiguration().keySet()).replace('\t', ' ') + ")");
        }
        Optional<TrainingSet> trained = TrainingSet.read(spark, modelsDir);
        // Rows in the table's order: configurations sort by their zero-padded run keys, nuclides by (Z, N).
        List<Integer> order = java.util.stream.IntStream.range(0, targets.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> targets.get(i).z()).thenComparingInt(i -> targets.get(i).n()))
                .toList();
        List<Row> table = new ArrayList<>();
        List<String> listing = new ArrayList<>();
        boolean intervals = calibration.isPresent();
        listing.add(String.format(java.util.Locale.ROOT, "%-28s %-12s %14s %10s %9s  %-21s%s", "network", "nuclide",
                "AME2020 (MeV)", "mean (MeV)", "std", "5-95% (MeV)", intervals ? "  calibrated +-68%  +-95%" : "")
                .stripTrailing());
        for (Map.Entry<String, List<double[]>> e : evaluation.byConfiguration().entrySet()) {
            String[] key = e.getKey().split("\t");
            UncertaintyCalibration fitted = calibration.flatMap(c -> c.chosen(e.getKey())).orElse(null);
            for (int i : order) {
                Statistics s = statistics(e.getValue(), i);
                Target t = targets.get(i);
                Integer distance = trained.map(d -> d.region().distance(t.z(), t.n())).orElse(null);
                Double[] half = new Double[UncertaintyCalibration.LEVELS.size()];
                for (int l = 0; l < half.length; l++) {
                    half[l] = fitted == null || distance == null ? null : fitted.halfWidth(distance, s.std(), l);
                }
                table.add(SparkTables.row(ResultTables.ENSEMBLE_PREDICTIONS, key[0], key[1], key[2],
                        Integer.parseInt(key[3]), Integer.parseInt(key[4]), t.z(), t.n(), t.z() + t.n(), t.element(),
                        s.runs(), s.mean(), s.std(), s.median(), s.q05(), s.q95(), t.ameMev(), t.estimated(),
                        range.extrapolates(t.z(), t.n()), trained.map(d -> d.split(t.z(), t.n())).orElse(null), distance,
                        fitted == null ? null : calibration.get().description(), half[0], half[1], half[2]));
                listing.add(String.format(java.util.Locale.ROOT, "%-28s %-12s %14s %10.2f %9.2f  %-21s%s",
                        key[0] + " " + key[1] + " n=" + Integer.parseInt(key[3]) + " L=" + Integer.parseInt(key[4])
                                + (key[2].equals("default") ? "" : " " + key[2]),
                        t.name(), t.ameMev() == null ? "-" : String.format(java.util.Locale.ROOT, "%.2f%s", t.ameMev(),
                                Boolean.TRUE.equals(t.estimated()) ? " est." : ""),
                        s.mean(), s.std(), String.format(java.util.Locale.ROOT, "%.2f-%.2f", s.q05(), s.q95()),
                        !intervals ? "" : half[0] == null ? "  -" : String.format(java.util.Locale.ROOT, "  %16.2f %6.2f",
                                half[0], half[2])).stripTrailing());
            }
        }
        out.writeInOrder(ResultTables.ENSEMBLE_PREDICTIONS, table);
        if (calibration.isPresent()) {
            out.writeInOrder(ResultTables.CALIBRATION, calibration.get().rows());
        }
        return new Result(evaluation.networks(), List.copyOf(table), List.copyOf(listing));
    }

    /** The statistics of one configuration's runs at nuclide {@code i}. */
    static Statistics statistics(List<double[]> runs, int i) {
        OrderedSample sample = new OrderedSample();
        for (double[] p : runs) {
            sample.add(p[i]);
        }
        return Statistics.of(sample);
    }

    /**
     * The predictions of the kept networks of one directory: per configuration key (activation, mode,
     * protocol, width, depth, tab-separated) its runs' predictions, in run order, and one network whose
     * MinMax range says what is an extrapolation.
     */
    record Evaluation(long networks, Map<String, List<double[]>> byConfiguration, TrainedModel range) {
    }

    /**
     * Every network under {@code modelsDir} that matches {@code selection} and that Table I's cutoff
     * keeps, evaluated at {@code zn}.
     *
     * @throws BadInputException if no kept network matches
     */
    static Evaluation evaluate(SparkSession spark, String modelsDir, Map<String, String> selection, int[][] zn,
                               long localLimitBytes) {
        Dataset<Row> models = read(spark, modelsDir, "models").orElseThrow();
        Dataset<Row> runs = read(spark, modelsDir, "runs").orElseThrow();
        double cutoff = read(spark, modelsDir, "table1").map(t -> t.first().<Double>getAs("cutoff_mev"))
                .orElse(Double.POSITIVE_INFINITY);
        for (Map.Entry<String, String> e : selection.entrySet()) {
            models = models.where(functions.col(e.getKey()).cast("string").equalTo(e.getValue()));
        }
        // Table I's rule: a run is kept when it finished and its RMSD is a number not above the cutoff.
        Dataset<Row> kept = runs.where("status = 'ok' AND NOT isnan(rmsd_mev) AND rmsd_mev <= " + cutoff)
                .select("activation", "mode", "protocol", "width", "depth", "run");
        models = models.join(kept, scala.jdk.javaapi.CollectionConverters.asScala(
                List.of("activation", "mode", "protocol", "width", "depth", "run")).toSeq());
        List<scala.Tuple2<String, double[]>> predicted;
        TrainedModel range;
        if (bytes(spark, modelsDir + "/models") <= localLimitBytes) {
            // A small table (the quickstart's is 4.8 MB): the driver evaluates the networks itself,
            // which spares a shuffle and a job per step for the handful of nuclides one asks about.
            Map<String, List<Row>> byRun = new java.util.TreeMap<>();
            for (Row r : models.collectAsList()) {
                byRun.computeIfAbsent(runKey(r), k -> new ArrayList<>()).add(r);
            }
            predicted = new ArrayList<>();
            for (Map.Entry<String, List<Row>> run : byRun.entrySet()) {
                List<Row> layers = new ArrayList<>(run.getValue());
                layers.sort(Comparator.comparingInt(r -> r.<Integer>getAs("layer")));
                predicted.add(new scala.Tuple2<>(run.getKey(), model(layers).predictMev(zn, Gemm.blas())));
            }
            range = byRun.isEmpty() ? null : model(byRun.values().iterator().next().stream()
                    .filter(r -> r.<Integer>getAs("layer") == 1).toList());
        } else {
            JavaRDD<Row> layerRows = models.javaRDD();
            predicted = layerRows
                    .keyBy(r -> runKey(r))
                    .groupByKey()
                    .map(group -> {
                        List<Row> layers = new ArrayList<>();
                        group._2().forEach(layers::add);
                        layers.sort(Comparator.comparingInt(r -> r.<Integer>getAs("layer")));
                        TrainedModel model = model(layers);
                        return new scala.Tuple2<>(group._1(), model.predictMev(zn, Gemm.blas()));
                    })
                    .collect();
            range = predicted.isEmpty() ? null : model(models.where("layer = 1").limit(1).collectAsList());
        }
        if (predicted.isEmpty()) {
            throw new BadInputException("--models " + modelsDir + ": no kept network matches the selection " + selection);
        }
        // Per configuration, the runs in run order: the statistics sort anyway, the order only fixes the listing.
        Map<String, List<double[]>> byConfiguration = new LinkedHashMap<>();
        predicted.stream().sorted(Comparator.comparing(scala.Tuple2::_1))
                .forEach(p -> byConfiguration.computeIfAbsent(configurationKey(p._1()), k -> new ArrayList<>()).add(p._2()));
        return new Evaluation(predicted.size(), byConfiguration, range);
    }

    /**
     * What a prediction job did: the networks used, the rows of table {@code ensemble_predictions}
     * and, per row, one line of a readable table (header first) for the terminal.
     */
    public record Result(long networks, List<Row> rows, List<String> listing) {
    }

    /**
     * Checks what can be checked before a Spark session: the selection's keys and the tables under
     * {@code modelsDir}.
     *
     * @throws BadInputException naming the key or the missing table
     */
    public static void check(String modelsDir, Map<String, String> selection) {
        for (String key : selection.keySet()) {
            if (!SELECTABLE.contains(key)) {
                throw new BadInputException("--select: unknown key '" + key + "'; known: " + String.join(", ", SELECTABLE));
            }
        }
        for (Map.Entry<String, String> e : selection.entrySet()) {
            if (List.of("width", "depth", "run").contains(e.getKey()) && !e.getValue().matches("\\d{1,9}")) {
                throw new BadInputException("--select " + e.getKey() + "=" + e.getValue() + ": not a whole number");
            }
        }
        try {
            ResultSetCheck.requireTables(java.nio.file.Path.of(modelsDir), List.of("models", "runs"));
        } catch (BadInputException e) {
            throw new BadInputException("--models " + e.getMessage() + " (a sweep or a training writes models and runs)");
        }
    }

    static Optional<Dataset<Row>> read(SparkSession spark, String dir, String table) {
        java.nio.file.Path path = java.nio.file.Path.of(dir, table);
        if (!java.nio.file.Files.isDirectory(path)) {
            return Optional.empty();
        }
        return Optional.of(ResultStore.readTable(spark, path.toString()));
    }

    /** activation, mode, protocol, width, depth, run, tab-separated; widths and depths zero-padded so keys sort as numbers. */
    private static String runKey(Row r) {
        return String.format(java.util.Locale.ROOT, "%s\t%s\t%s\t%010d\t%010d\t%010d", r.<String>getAs("activation"),
                r.<String>getAs("mode"), r.<String>getAs("protocol"), r.<Integer>getAs("width"), r.<Integer>getAs("depth"),
                r.<Integer>getAs("run"));
    }

    private static String configurationKey(String runKey) {
        String[] p = runKey.split("\t");
        return String.join("\t", p[0], p[1], p[2], Integer.toString(Integer.parseInt(p[3])),
                Integer.toString(Integer.parseInt(p[4])));
    }

    /** The model of one run's rows of {@code models}, in layer order. */
    static TrainedModel model(List<Row> layers) {
        Row first = layers.get(0);
        List<double[]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        for (Row r : layers) {
            weights.add(doubles(r, "weights"));
            biases.add(doubles(r, "biases"));
        }
        return new TrainedModel(first.getAs("activation"), first.getAs("inputs"), doubles(first, "input_min"),
                doubles(first, "input_max"), weights, biases, org.annft.data.Target.parse(first.getAs("target")),
                first.getAs("target_scale"),
                Precision.parse(first.getAs("precision")));
    }

    private static double[] doubles(Row r, String column) {
        scala.collection.Seq<Double> seq = r.getAs(column);
        double[] out = new double[seq.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = seq.apply(i);
        }
        return out;
    }
}
