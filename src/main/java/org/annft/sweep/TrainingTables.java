package org.annft.sweep;

import java.util.ArrayList;
import java.util.List;
import org.annft.nn.FailureDiagnostics;
import org.annft.nn.ParameterChanges;
import org.annft.nn.TrainingResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Schemas and rows of the training tables: {@code runs} (one row per run), {@code loss_curves}
 * (one row per recorded epoch) and {@code param_changes} (one row per layer). Every table starts
 * with the run's key columns {@code activation, mode, protocol, width, depth, run}, so tables of
 * many runs join on them.
 */
public final class TrainingTables {

    public static final String RUNS = "runs";
    public static final String LOSS_CURVES = "loss_curves";
    public static final String PARAM_CHANGES = "param_changes";
    public static final String PREDICTIONS = "predictions";

    private TrainingTables() {
    }

    /** The three table names. */
    public static List<String> names() {
        return List.of(RUNS, LOSS_CURVES, PARAM_CHANGES);
    }

    private static StructType keyColumns() {
        return new StructType()
                .add("activation", DataTypes.StringType, false)
                .add("mode", DataTypes.StringType, false)
                .add("protocol", DataTypes.StringType, false)
                .add("width", DataTypes.IntegerType, false)
                .add("depth", DataTypes.IntegerType, false)
                .add("run", DataTypes.IntegerType, false);
    }

    /** Number of key columns. */
    private static final int KEYS = 6;

    private static Object[] keys(TrainingRun run, int extra) {
        Object[] v = new Object[KEYS + extra];
        v[0] = run.activation();
        v[1] = run.label();
        v[2] = run.protocol();
        v[3] = run.width();
        v[4] = run.depth();
        v[5] = run.run();
        return v;
    }

    /**
     * {@code runs}: the key columns, then {@code r, seed, status, epochs_done, final_loss, rmsd_mev,
     * rmsd_train_mev, rmsd_test_mev, seconds} and the settings and details of the run.
     */
    public static StructType runsSchema() {
        return keyColumns()
                .add("r", DataTypes.DoubleType, false)
                .add("seed", DataTypes.LongType, false)
                .add("status", DataTypes.StringType, false)
                .add("epochs_done", DataTypes.IntegerType, false)
                .add("final_loss", DataTypes.DoubleType, false)
                .add("rmsd_mev", DataTypes.DoubleType, false)
                .add("rmsd_train_mev", DataTypes.DoubleType, false)
                .add("rmsd_test_mev", DataTypes.DoubleType, false)
                .add("seconds", DataTypes.DoubleType, false)
                .add("divergence_epoch", DataTypes.IntegerType, true)
                .add("initial_loss", DataTypes.DoubleType, false)
                .add("init", DataTypes.StringType, false)
                .add("c_w", DataTypes.DoubleType, false)
                .add("c_b", DataTypes.DoubleType, false)
                .add("training_mode", DataTypes.StringType, false)
                .add("global_rate", DataTypes.StringType, true)
                .add("optimizer", DataTypes.StringType, false)
                .add("loss", DataTypes.StringType, false)
                .add("batch_size", DataTypes.IntegerType, false)
                .add("target_scale", DataTypes.DoubleType, false)
                .add("train_size", DataTypes.IntegerType, false)
                .add("test_size", DataTypes.IntegerType, false)
                .add("gemm", DataTypes.StringType, false)
                .add("precision", DataTypes.StringType, false)
                .add("dead_unit_fraction", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
                .add("dead_unit_fraction_max", DataTypes.DoubleType, false)
                .add("linear_fit_rmsd_mev", DataTypes.DoubleType, false)
                .add("constant_fit_rmsd_mev", DataTypes.DoubleType, false);
    }

    public static List<Row> runsRows(List<TrainingRun.Outcome> outcomes) {
        List<Row> rows = new ArrayList<>();
        for (TrainingRun.Outcome o : outcomes) {
            TrainingRun run = o.run();
            TrainingResult r = o.result();
            Object[] v = keys(run, 28);
            Object[] rest = {run.aspectRatio(), o.seed(), r.status().label(), r.epochsDone(), r.finalLoss(), r.rmsdAll(),
                r.rmsdTrain(), r.rmsdTest(), r.seconds(),
                r.divergenceEpoch().isPresent() ? r.divergenceEpoch().getAsInt() : null, r.initialLoss(),
                run.criticalInit() ? "critical" : "noncritical", run.weightVariance(), run.biasVariance(),
                run.trainingMode().configName(), run.globalRateInEffect(), run.optimizer(), run.loss().name().toLowerCase(java.util.Locale.ROOT),
                run.batchSize(), run.targetScale(), o.trainSize(), o.testSize(), r.gemm(),
                run.precision().configName(),
                o.deadUnitFractions().clone(), FailureDiagnostics.max(o.deadUnitFractions()),
                o.baselines().linearRmsdMev(), o.baselines().constantRmsdMev()};
            System.arraycopy(rest, 0, v, KEYS, rest.length);
            rows.add(RowFactory.create(v));
        }
        return rows;
    }

    /** {@code loss_curves}: the key columns, {@code epoch, loss} (training loss in MeV for MAE, MeV^2 for MSE). */
    public static StructType lossCurvesSchema() {
        return keyColumns()
                .add("epoch", DataTypes.IntegerType, false)
                .add("loss", DataTypes.DoubleType, false);
    }

    public static List<Row> lossCurveRows(List<TrainingRun.Outcome> outcomes) {
        List<Row> rows = new ArrayList<>();
        for (TrainingRun.Outcome o : outcomes) {
            for (TrainingResult.LossPoint p : o.result().lossCurve()) {
                Object[] v = keys(o.run(), 2);
                v[KEYS] = p.epoch();
                v[KEYS + 1] = p.loss();
                rows.add(RowFactory.create(v));
            }
        }
        return rows;
    }

    /** {@code param_changes}: the key columns and the fields of {@link ParameterChanges.LayerChange}. */
    public static StructType paramChangesSchema() {
        return keyColumns()
                .add("layer", DataTypes.IntegerType, false)
                .add("fan_in", DataTypes.IntegerType, false)
                .add("fan_out", DataTypes.IntegerType, false)
                .add("hidden_to_hidden", DataTypes.BooleanType, false)
                .add("initial_weight_rms", DataTypes.DoubleType, false)
                .add("weight_change_rmsd", DataTypes.DoubleType, false)
                .add("relative_weight_change_rmsd", DataTypes.DoubleType, false)
                .add("scaled_weight_change_rmsd", DataTypes.DoubleType, false)
                .add("bias_change_rmsd", DataTypes.DoubleType, false)
                .add("initial_weight_frobenius", DataTypes.DoubleType, false)
                .add("weight_change_frobenius", DataTypes.DoubleType, false)
                .add("relative_weight_change_frobenius", DataTypes.DoubleType, false);
    }

    public static List<Row> paramChangeRows(List<TrainingRun.Outcome> outcomes) {
        List<Row> rows = new ArrayList<>();
        for (TrainingRun.Outcome o : outcomes) {
            for (ParameterChanges.LayerChange c : o.result().parameterChanges().layers()) {
                Object[] v = keys(o.run(), 12);
                Object[] rest = {c.layer(), c.fanIn(), c.fanOut(), c.isHiddenToHidden(), c.initialWeightRms(),
                    c.weightChangeRmsd(), c.relativeWeightChangeRmsd(), c.scaledWeightChangeRmsd(), c.biasChangeRmsd(),
                    c.initialWeightFrobenius(), c.weightChangeFrobenius(), c.relativeWeightChangeFrobenius()};
                System.arraycopy(rest, 0, v, KEYS, rest.length);
                rows.add(RowFactory.create(v));
            }
        }
        return rows;
    }

    /**
     * {@code predictions}: the key columns, {@code nuclide_index} (position in the data set) and
     * {@code prediction_mev}, the trained network's binding energy for that nuclide.
     */
    public static StructType predictionsSchema() {
        return keyColumns()
                .add("nuclide_index", DataTypes.IntegerType, false)
                .add("prediction_mev", DataTypes.DoubleType, false);
    }

    public static List<Row> predictionRows(TrainingRun.Outcome o) {
        double[] p = o.predictionsMev();
        List<Row> rows = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            Object[] v = keys(o.run(), 2);
            v[KEYS] = i;
            v[KEYS + 1] = p[i];
            rows.add(RowFactory.create(v));
        }
        return rows;
    }
}
