package org.annft.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.annft.ntk.NtkTracker;
import org.annft.spark.SparkTables;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.annft.table.TableRows;
import org.annft.train.FailureDiagnostics;
import org.annft.train.ParameterChanges;
import org.annft.train.TrainingResult;
import org.apache.spark.sql.Row;

/**
 * The rows of the training tables ({@link ResultTables#RUNS}, {@link ResultTables#LOSS_CURVES},
 * {@link ResultTables#PARAM_CHANGES}, {@link ResultTables#PREDICTIONS}), read off the outcomes of
 * runs through the tables' contracts.
 */
public final class TrainingTables {

    private TrainingTables() {
    }

    /** The tables {@code annft train} writes, in order. */
    public static List<String> trainTableNames() {
        return List.of(ResultTables.RUNS.name(), ResultTables.LOSS_CURVES.name(), ResultTables.PARAM_CHANGES.name(),
                ResultTables.NTK_CHANGES.name(), ResultTables.MODELS.name(), ResultTables.DATASET);
    }

    /** One recorded epoch of a run. */
    record CurvePoint(TrainingRun run, TrainingResult.LossPoint point) {
    }

    /** One layer's parameter changes in a run. */
    record LayerChange(TrainingRun run, ParameterChanges.LayerChange change) {
    }

    /** A run's prediction for one nuclide. */
    record Prediction(TrainingRun run, int nuclideIndex, double mev) {
    }

    /** The key columns of a run, read off the record's run. */
    private static <R> TableRows.Builder<R> keyed(ResultTable table, Function<R, TrainingRun> run) {
        return TableRows.<R>of(table)
                .value("activation", r -> run.apply(r).activation())
                .value("mode", r -> run.apply(r).mode().configName())
                .value("protocol", r -> run.apply(r).protocol().name())
                .value("width", r -> run.apply(r).width())
                .value("depth", r -> run.apply(r).depth())
                .value("run", r -> run.apply(r).run());
    }

    private static final TableRows<TrainingRun.Outcome> RUNS = TrainingTables.<TrainingRun.Outcome>keyed(
            ResultTables.RUNS, TrainingRun.Outcome::run)
            .value("r", o -> o.run().aspectRatio())
            .value("seed", TrainingRun.Outcome::seed)
            .value("status", o -> o.result().status().label())
            .value("epochs_done", o -> o.result().epochsDone())
            .value("final_loss", o -> o.result().finalLoss())
            .value("rmsd_mev", o -> o.result().rmsdAll())
            .value("rmsd_train_mev", o -> o.result().rmsdTrain())
            .value("rmsd_test_mev", o -> o.result().rmsdTest())
            .value("seconds", o -> o.result().seconds())
            .value("divergence_epoch", o -> o.result().divergenceEpoch().isPresent()
                    ? o.result().divergenceEpoch().getAsInt() : null)
            .value("initial_loss", o -> o.result().initialLoss())
            .value("init", o -> o.run().mode().criticalInit() ? "critical" : "noncritical")
            .value("c_w", o -> o.run().weightVariance())
            .value("c_b", o -> o.run().biasVariance())
            .value("training_mode", o -> o.run().mode().trainingMode().configName())
            .value("global_rate", o -> o.run().globalRateInEffect())
            .value("optimizer", o -> o.run().mode().optimizer().configName())
            .value("loss", o -> o.run().protocol().loss().configName())
            .value("target", o -> o.run().protocol().target().configName())
            .value("loss_unit", o -> o.run().lossUnit())
            .value("batch_size", o -> o.run().protocol().batchSize())
            .value("target_scale", o -> o.run().protocol().targetScale())
            .value("train_size", TrainingRun.Outcome::trainSize)
            .value("test_size", TrainingRun.Outcome::testSize)
            .value("gemm", o -> o.result().gemm())
            .value("precision", o -> o.run().protocol().precision().configName())
            .value("dead_unit_fraction", o -> o.deadUnitFractions().clone())
            .value("dead_unit_fraction_max", o -> FailureDiagnostics.max(o.deadUnitFractions()))
            .value("linear_fit_rmsd_mev", o -> o.baselines().linearRmsdMev())
            .value("constant_fit_rmsd_mev", o -> o.baselines().constantRmsdMev())
            .value("outcome", o -> org.annft.train.RunOutcome.classify(
                    o.result().status() == org.annft.train.TrainingResult.Status.DIVERGED, o.result().rmsdAll(),
                    FailureDiagnostics.max(o.deadUnitFractions()), o.baselines().linearRmsdMev(),
                    o.baselines().constantRmsdMev()).configName())
            .build();

    private static final TableRows<CurvePoint> LOSS_CURVES = TrainingTables.<CurvePoint>keyed(
            ResultTables.LOSS_CURVES, CurvePoint::run)
            .value("epoch", c -> c.point().epoch())
            .value("loss", c -> c.point().loss())
            .value("loss_unit", c -> c.run().lossUnit())
            .build();

    private static final TableRows<LayerChange> PARAM_CHANGES = TrainingTables.<LayerChange>keyed(
            ResultTables.PARAM_CHANGES, LayerChange::run)
            .value("layer", c -> c.change().layer())
            .value("fan_in", c -> c.change().fanIn())
            .value("fan_out", c -> c.change().fanOut())
            .value("hidden_to_hidden", c -> c.change().isHiddenToHidden())
            .value("initial_weight_rms", c -> c.change().initialWeightRms())
            .value("weight_change_rmsd", c -> c.change().weightChangeRmsd())
            .value("relative_weight_change_rmsd", c -> c.change().relativeWeightChangeRmsd())
            .value("scaled_weight_change_rmsd", c -> c.change().scaledWeightChangeRmsd())
            .value("bias_change_rmsd", c -> c.change().biasChangeRmsd())
            .value("initial_weight_frobenius", c -> c.change().initialWeightFrobenius())
            .value("weight_change_frobenius", c -> c.change().weightChangeFrobenius())
            .value("relative_weight_change_frobenius", c -> c.change().relativeWeightChangeFrobenius())
            .build();

    /** One NTK snapshot of a run. */
    record NtkPoint(TrainingRun.Outcome outcome, NtkTracker.Snapshot snapshot) {
    }

    private static final TableRows<NtkPoint> NTK_CHANGES = TrainingTables.<NtkPoint>keyed(
            ResultTables.NTK_CHANGES, p -> p.outcome().run())
            .value("r", p -> p.outcome().run().aspectRatio())
            .value("epoch", p -> p.snapshot().epoch())
            .value("reference_nuclides", p -> p.outcome().ntkNuclides())
            .value("frobenius_norm", p -> p.snapshot().frobeniusNorm())
            .value("frobenius_change", p -> p.snapshot().frobeniusChange())
            .value("largest_eigenvalue", p -> p.snapshot().largestEigenvalue())
            .value("eigenvalue_change", p -> p.snapshot().eigenvalueChange())
            .value("alignment", p -> p.snapshot().alignment())
            .build();

    /** Layer {@code layer} (1-based) of a run's saved model. */
    record ModelLayer(TrainingRun.Outcome outcome, int layer) {
        double[] weights() {
            return outcome.model().weights().get(layer - 1);
        }
    }

    private static final TableRows<ModelLayer> MODELS = TrainingTables.<ModelLayer>keyed(
            ResultTables.MODELS, m -> m.outcome().run())
            .value("layer", ModelLayer::layer)
            .value("fan_in", m -> m.weights().length / m.outcome().model().biases().get(m.layer() - 1).length)
            .value("fan_out", m -> m.outcome().model().biases().get(m.layer() - 1).length)
            .value("weights", m -> m.weights().clone())
            .value("biases", m -> m.outcome().model().biases().get(m.layer() - 1).clone())
            .value("inputs", m -> m.outcome().model().inputs())
            .value("input_min", m -> m.outcome().model().inputMin().clone())
            .value("input_max", m -> m.outcome().model().inputMax().clone())
            .value("target", m -> m.outcome().model().target().configName())
            .value("target_scale", m -> m.outcome().model().targetScale())
            .value("precision", m -> m.outcome().model().precision().configName())
            .build();

    /**
     * The predictions as the executors produce them, by position in the data set; the driver joins them
     * with the nuclides into table {@code predictions} ({@link SweepTables}).
     */
    static final ResultTable PREDICTIONS_BY_INDEX = ResultTable.named("predictions_by_index", "the sweep, internally")
            .columns(ResultTables.RUN)
            .column("nuclide_index", org.annft.table.ColumnType.INT)
            .column("prediction_mev", org.annft.table.ColumnType.DOUBLE)
            .sortedBy("activation", "mode", "protocol", "width", "depth", "run", "nuclide_index");

    private static final TableRows<Prediction> PREDICTIONS = TrainingTables.<Prediction>keyed(
            PREDICTIONS_BY_INDEX, Prediction::run)
            .value("nuclide_index", Prediction::nuclideIndex)
            .value("prediction_mev", Prediction::mev)
            .build();

    public static List<Row> runsRows(List<TrainingRun.Outcome> outcomes) {
        return SparkTables.rows(RUNS, outcomes);
    }

    public static List<Row> lossCurveRows(List<TrainingRun.Outcome> outcomes) {
        List<CurvePoint> points = new ArrayList<>();
        for (TrainingRun.Outcome o : outcomes) {
            for (TrainingResult.LossPoint p : o.result().lossCurve()) {
                points.add(new CurvePoint(o.run(), p));
            }
        }
        return SparkTables.rows(LOSS_CURVES, points);
    }

    public static List<Row> paramChangeRows(List<TrainingRun.Outcome> outcomes) {
        List<LayerChange> changes = new ArrayList<>();
        for (TrainingRun.Outcome o : outcomes) {
            for (ParameterChanges.LayerChange c : o.result().parameterChanges().layers()) {
                changes.add(new LayerChange(o.run(), c));
            }
        }
        return SparkTables.rows(PARAM_CHANGES, changes);
    }

    public static List<Row> ntkChangeRows(List<TrainingRun.Outcome> outcomes) {
        List<NtkPoint> points = new ArrayList<>();
        for (TrainingRun.Outcome o : outcomes) {
            for (NtkTracker.Snapshot s : o.ntk()) {
                points.add(new NtkPoint(o, s));
            }
        }
        return SparkTables.rows(NTK_CHANGES, points);
    }

    public static List<Row> modelRows(List<TrainingRun.Outcome> outcomes) {
        List<ModelLayer> layers = new ArrayList<>();
        for (TrainingRun.Outcome o : outcomes) {
            for (int l = 1; l <= o.model().layers(); l++) {
                layers.add(new ModelLayer(o, l));
            }
        }
        return SparkTables.rows(MODELS, layers);
    }

    public static List<Row> predictionRows(TrainingRun.Outcome o) {
        double[] p = o.predictionsMev();
        List<Prediction> predictions = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            predictions.add(new Prediction(o.run(), i, p[i]));
        }
        return SparkTables.rows(PREDICTIONS, predictions);
    }
}
