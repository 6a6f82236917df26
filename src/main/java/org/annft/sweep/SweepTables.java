package org.annft.sweep;

import java.util.ArrayList;
import java.util.List;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.Nuclide;
import org.annft.spark.OrderedSampleAggregator;
import org.annft.spark.QuartilesAggregator;
import org.annft.spark.ResultStore;
import org.annft.spark.SparkTables;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.annft.theory.Activations;
import org.annft.train.RunOutcome;
import org.annft.theory.AspectRatio;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The sweep's tables, built by Spark SQL from the runs' checkpoints: {@code runs},
 * {@code loss_curves}, {@code loss_bands}, {@code param_changes}, {@code param_change_means},
 * {@code predictions}, {@code residuals}, {@code table1} ({@link ResultTables}). SQL does the
 * grouping and joins; means, standard deviations and counts come from {@link OrderedSampleAggregator}.
 */
final class SweepTables {

    /** The per-layer metrics of {@code param_changes}: its columns from {@code initial_weight_rms} on. */
    private static final List<String> METRICS = ResultTables.PARAM_CHANGES.columnNames().subList(
            ResultTables.PARAM_CHANGES.index("initial_weight_rms"), ResultTables.PARAM_CHANGES.columns().size());

    private SweepTables() {
    }

    /** Builds and writes the tables from the runs' checkpoints (their paths). */
    static void write(SparkSession spark, SweepSettings settings, BindingEnergyDataSet data,
                      List<String> checkpoints,
                      Broadcast<SerializableConfiguration> hadoop, ResultStore.Commit out) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(checkpoints.size(), 4 * jsc.defaultParallelism()));
        // Held in memory as objects (no serializer involved); an evicted partition is read again.
        List<String> stored = List.copyOf(checkpoints);
        JavaRDD<RunCheckpoint> read = jsc.parallelize(stored, slices)
                .map(path -> RunCheckpoint.read(path, hadoop.value().value()))
                .persist(org.apache.spark.storage.StorageLevel.MEMORY_ONLY());
        Dataset<Row> runs = rowsOf(spark, read, ResultTables.RUNS);
        Dataset<Row> curves = rowsOf(spark, read, ResultTables.LOSS_CURVES);
        Dataset<Row> changes = rowsOf(spark, read, ResultTables.PARAM_CHANGES);
        Dataset<Row> ntk = rowsOf(spark, read, ResultTables.NTK_CHANGES);
        Dataset<Row> models = rowsOf(spark, read, ResultTables.MODELS);
        Dataset<Row> predictions = rowsOf(spark, read, TrainingTables.PREDICTIONS_BY_INDEX);
        // Every table reads these several times: read the checkpoints once.
        List<Dataset<Row>> sources = List.of(runs.cache(), curves.cache(), changes.cache(), predictions.cache());
        OrderedSampleAggregator.register(spark);
        QuartilesAggregator.register(spark);
        runs.createOrReplaceTempView("sweep_runs");
        curves.createOrReplaceTempView("sweep_loss_curves");
        changes.createOrReplaceTempView("sweep_param_changes");
        predictions.createOrReplaceTempView("sweep_predictions");
        nuclides(spark, data).createOrReplaceTempView("sweep_nuclides");
        rStar(spark, settings).createOrReplaceTempView("sweep_r_star");
        String cutoff = Double.toString(settings.cutoffMev());
        // A run is kept for the statistics when it finished and its RMSD is a number not above the cutoff.
        spark.sql("SELECT *, (status = 'ok' AND NOT isnan(rmsd_mev) AND rmsd_mev <= " + cutoff + ") AS kept FROM sweep_runs")
                .createOrReplaceTempView("sweep_runs_kept");

        out.writeSorted(ResultTables.RUNS, spark.table("sweep_runs"));
        out.writeOrdered(ResultTables.LOSS_CURVES, spark.table("sweep_loss_curves"));
        out.writeSorted(ResultTables.LOSS_BANDS, spark.sql("SELECT activation, mode, protocol, width, depth, epoch, runs, p._2 AS loss_median, "
                + "p._1 AS loss_q25, p._3 AS loss_q75, loss_unit FROM (SELECT activation, mode, protocol, width, depth, epoch, "
                + "count(*) AS runs, " + QuartilesAggregator.NAME + "(loss) AS p, first(loss_unit) AS loss_unit "
                + "FROM sweep_loss_curves GROUP BY activation, mode, protocol, width, depth, epoch)"));
        out.writeSorted(ResultTables.PARAM_CHANGES, spark.table("sweep_param_changes"));
        out.writeSorted(ResultTables.PARAM_CHANGE_MEANS, paramChangeMeans(spark, settings.outlierIqrFactor()));
        out.writeSorted(ResultTables.NTK_CHANGES, ntk);
        out.writeOrdered(ResultTables.MODELS, models);
        out.writeOrdered(ResultTables.PREDICTIONS, spark.sql("SELECT p.activation, p.mode, p.protocol, p.width, p.depth, "
                + "p.run, p.nuclide_index, n.z, n.n, n.a, n.element, p.prediction_mev FROM sweep_predictions p "
                + "JOIN sweep_nuclides n USING (nuclide_index)"));
        out.writeSorted(ResultTables.RESIDUALS, residuals(spark));
        out.writeSorted(ResultTables.TABLE1, table1(spark, cutoff));
        out.writeSorted(ResultTables.PROTOCOLS, protocols(spark, settings));
        out.writeSorted(DatasetTable.table(data), spark.createDataFrame(DatasetTable.rows(data),
                SparkTables.schema(DatasetTable.table(data))));
        sources.forEach(Dataset::unpersist);
        read.unpersist(false);
    }

    /** The rows of {@code table} that the checkpoints hold, as a data frame of its contract's schema. */
    private static Dataset<Row> rowsOf(SparkSession spark, JavaRDD<RunCheckpoint> checkpoints, ResultTable table) {
        String name = table.name(); // the closure carries the name: a contract is not serializable
        return spark.createDataFrame(checkpoints.flatMap(c -> c.rows(name).iterator()), SparkTables.schema(table));
    }

    /** Table protocols: every {@code train.*} setting of every protocol ({@link TrainingProtocol#settings()}). */
    private static Dataset<Row> protocols(SparkSession spark, SweepSettings settings) {
        List<Row> rows = new java.util.ArrayList<>();
        for (TrainingProtocol protocol : settings.protocols()) {
            protocol.settings().forEach((key, value) -> rows.add(SparkTables.row(ResultTables.PROTOCOLS, protocol.name(), key,
                    value)));
        }
        return spark.createDataFrame(rows, SparkTables.schema(ResultTables.PROTOCOLS));
    }

    /** Table I: per configuration, mean and population std of the kept runs' RMSD, counts, failed fraction, r*. */
    private static Dataset<Row> table1(SparkSession spark, String cutoff) {
        spark.sql("SELECT activation, mode, protocol, width, depth, first(r) AS r, "
                + OrderedSampleAggregator.NAME + "(CASE WHEN kept THEN rmsd_mev END) AS kept, "
                + OrderedSampleAggregator.NAME + "(CASE WHEN outcome = 'converged' THEN rmsd_mev END) AS converged, "
                + outcomeCounts() + "count(*) AS runs_total FROM sweep_runs_kept GROUP BY activation, mode, protocol, width, depth")
                .createOrReplaceTempView("sweep_table1_samples");
        return spark.sql("SELECT t.activation, t.mode, t.protocol, t.width, t.depth, t.r, t.kept._2 AS mean_rmsd_mev, "
                + "t.kept._3 AS std_rmsd_mev, " + count("t.kept") + " AS runs_kept, t.runs_total, "
                + "1 - t.kept._1 / t.runs_total AS failed_fraction, CAST(" + cutoff + " AS DOUBLE) AS cutoff_mev, "
                + "s.r_star, (t.r > s.r_star AND t.r < 1) AS between_r_star_and_one, t.converged._2 AS mean_rmsd_converged_mev, "
                + "t.runs_converged, t.runs_plateau, t.runs_linear_fit, t.runs_dead, t.runs_diverged "
                + "FROM sweep_table1_samples t JOIN sweep_r_star s ON t.activation = s.activation AND t.depth = s.depth");
    }

    /** {@code count_if(outcome = 'converged') AS runs_converged, ...}: the runs of each {@link RunOutcome}. */
    private static String outcomeCounts() {
        StringBuilder sql = new StringBuilder();
        for (RunOutcome o : RunOutcome.values()) {
            sql.append("count_if(outcome = '").append(o.configName()).append("') AS runs_")
                    .append(o.configName().replace('-', '_')).append(", ");
        }
        return sql.toString();
    }

    /**
     * Per configuration and metric: the per-run mean over the hidden layers 1..L, then the mean and
     * population std over the runs that are not outliers, i.e. whose value lies within
     * {@code [Q1 - k IQR, Q3 + k IQR]} with k = {@code table.outlier-iqr-factor} (the paper excludes
     * "outliers outside of the interquartile range" for Figs. 10-12 without a factor; Tukey's 1.5 is
     * the default, 0 keeps only the interquartile range itself).
     */
    private static Dataset<Row> paramChangeMeans(SparkSession spark, double iqrFactor) {
        String k = Double.toString(iqrFactor);
        StringBuilder perRun = new StringBuilder("SELECT activation, mode, protocol, width, depth, run");
        for (String m : METRICS) {
            String list = "array_sort(collect_list(struct(layer, " + m + ")))";
            perRun.append(", aggregate(").append(list).append(", CAST(0 AS DOUBLE), (acc, x) -> acc + x.").append(m)
                    .append(") / count(*) AS ").append(m);
        }
        perRun.append(" FROM sweep_param_changes WHERE layer < depth GROUP BY activation, mode, protocol, width, depth, run");
        spark.sql(perRun.toString()).createOrReplaceTempView("sweep_param_run_means");
        StringBuilder stack = new StringBuilder("stack(" + METRICS.size());
        for (String m : METRICS) {
            stack.append(", '").append(m).append("', ").append(m);
        }
        stack.append(") AS (metric, value)");
        spark.sql("SELECT activation, mode, protocol, width, depth, run, " + stack + " FROM sweep_param_run_means")
                .createOrReplaceTempView("sweep_param_long");
        spark.sql("SELECT l.*, q.q._1 AS q25, q.q._3 AS q75, q.runs_total FROM sweep_param_long l JOIN "
                + "(SELECT activation, mode, protocol, width, depth, metric, " + QuartilesAggregator.NAME + "(value) AS q, "
                + "count(*) AS runs_total FROM sweep_param_long GROUP BY activation, mode, protocol, width, depth, metric) q "
                + "USING (activation, mode, protocol, width, depth, metric)").createOrReplaceTempView("sweep_param_quartiles");
        spark.sql("SELECT activation, mode, protocol, width, depth, metric, first(runs_total) AS runs_total, "
                + OrderedSampleAggregator.NAME + "(CASE WHEN value >= q25 - " + k + " * (q75 - q25) AND value <= q75 + "
                + k + " * (q75 - q25) THEN value END) AS kept "
                + "FROM sweep_param_quartiles GROUP BY activation, mode, protocol, width, depth, metric")
                .createOrReplaceTempView("sweep_param_kept");
        return spark.sql("SELECT activation, mode, protocol, width, depth, depth / width AS r, metric, kept._2 AS mean, "
                + "kept._3 AS std, " + count("kept") + " AS runs_kept, runs_total FROM sweep_param_kept");
    }

    /** Fig. 14: per configuration and nuclide, mean and std of the kept runs' predictions, and the residual. */
    private static Dataset<Row> residuals(SparkSession spark) {
        spark.sql("SELECT p.activation, p.mode, p.protocol, p.width, p.depth, p.nuclide_index, "
                + OrderedSampleAggregator.NAME + "(p.prediction_mev) AS predictions "
                + "FROM sweep_predictions p JOIN sweep_runs_kept r ON p.activation = r.activation AND p.mode = r.mode "
                + "AND p.protocol = r.protocol AND p.width = r.width AND p.depth = r.depth AND p.run = r.run WHERE r.kept "
                + "GROUP BY p.activation, p.mode, p.protocol, p.width, p.depth, p.nuclide_index")
                .createOrReplaceTempView("sweep_prediction_samples");
        return spark.sql("SELECT m.activation, m.mode, m.protocol, m.width, m.depth, n.z, n.n, n.a, n.element, n.binding_energy_mev, "
                + "m.predictions._2 AS prediction_mean_mev, m.predictions._3 AS prediction_std_mev, "
                + "n.binding_energy_mev - m.predictions._2 AS residual_mev, " + count("m.predictions") + " AS runs "
                + "FROM sweep_prediction_samples m JOIN sweep_nuclides n ON m.nuclide_index = n.nuclide_index");
    }

    /** The count of an {@link OrderedSampleAggregator} result, as a column that is never NULL. */
    private static String count(String sample) {
        return "coalesce(" + sample + "._1, CAST(0 AS BIGINT))";
    }

    private static Dataset<Row> nuclides(SparkSession spark, BindingEnergyDataSet data) {
        List<Row> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            Nuclide x = data.nuclide(i);
            rows.add(RowFactory.create(i, x.z(), x.n(), x.a(), x.element(), x.bindingEnergyMev()));
        }
        return spark.createDataFrame(rows, new StructType()
                .add("nuclide_index", DataTypes.IntegerType, false)
                .add("z", DataTypes.IntegerType, false)
                .add("n", DataTypes.IntegerType, false)
                .add("a", DataTypes.IntegerType, false)
                .add("element", DataTypes.StringType, false)
                .add("binding_energy_mev", DataTypes.DoubleType, false));
    }

    /** r* = (4 / (20 + 3 n_out)) / nu for every (activation, depth) of the grid (paper Eq. 50). */
    private static Dataset<Row> rStar(SparkSession spark, SweepSettings settings) {
        List<Row> rows = new ArrayList<>();
        for (String a : settings.activations()) {
            for (int depth : settings.depths()) {
                double rStar;
                try {
                    rStar = AspectRatio.of(Activations.parse(a), depth, 1).optimalAspectRatio();
                } catch (IllegalArgumentException e) {
                    rStar = Double.NaN; // no critical point, hence no nu
                }
                rows.add(RowFactory.create(a, depth, rStar));
            }
        }
        return spark.createDataFrame(rows, new StructType()
                .add("activation", DataTypes.StringType, false)
                .add("depth", DataTypes.IntegerType, false)
                .add("r_star", DataTypes.DoubleType, false));
    }
}
