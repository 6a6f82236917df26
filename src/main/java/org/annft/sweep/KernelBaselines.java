package org.annft.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.annft.config.Seeds;
import org.annft.config.Setting;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.Nuclide;
import org.annft.spark.SparkTables;
import org.annft.table.ResultTables;
import org.annft.theory.Activation;
import org.annft.theory.Activations;
import org.annft.theory.Architecture;
import org.annft.theory.Initialization;
import org.annft.theory.LearningRates;
import org.annft.theory.LinearizedTraining;
import org.annft.train.LearningRatePrescription;
import org.annft.train.OptimizerKind;
import org.annft.train.PhaseSchedule;
import org.annft.train.TrainingMode;
import org.apache.spark.sql.Row;

/**
 * The infinite-width baselines (r = l_out/n to 0) of a sweep's configurations
 * ({@link KernelBaseline}), one per activation, mode, depth and protocol, and their rows of table
 * {@code kernel_predictions}. Only configurations with a limit are computed: SGD with the critical
 * per-layer rates (CICT, NICT), whose NTK is of order one at any width. The global rates of CINT
 * and NINT are the layer mean of {@code lambda_W^(l)/n_{l-1}}; the first layer's {@code 1/n_0}
 * dominates it as n grows, so every hidden layer's rate grows with n and has no limit. The
 * activation needs a closed-form two-point expectation (ReLU, leaky ReLU, linear).
 */
public final class KernelBaselines {

    public static final Setting<Boolean> ENABLED = Setting.bool("sweep.kernel-baseline", false).meaning("""
            Also compute the infinite-width baseline (r -> 0) of every CICT and NICT configuration whose
            activation has a closed-form kernel (relu, leaky-relu, linear), on the driver while the runs
            train: the infinitely wide network trained by the protocol, NTK regression and the NNGP posterior,
            per nuclide of the data set (table kernel_predictions; Table I and Fig. 13 show it at r = 0).
            """);
    public static final Setting<Double> RIDGE = Setting.number("sweep.kernel-ridge", 0, 1, 1e-6).meaning("""
            The baseline's diagonal regularizer, relative to the kernel's mean diagonal.
            """);

    /** One configuration's baseline. */
    public record Baseline(TrainingRun configuration, KernelBaseline.Result result) {
    }

    private KernelBaselines() {
    }

    /** Whether {@code run}'s configuration has an infinite-width limit annft computes. */
    public static boolean eligible(TrainingRun run) {
        return run.mode().optimizer() == OptimizerKind.SGD && run.mode().trainingMode() == TrainingMode.CRITICAL
                && Activations.parse(run.activation()).closedFormTwoPoint(1, 0.5, 1).isPresent();
    }

    /** One run (width and index aside) per eligible configuration, in the sweep's order. */
    public static List<TrainingRun> configurations(List<TrainingRun> runs) {
        Map<List<Object>, TrainingRun> out = new LinkedHashMap<>();
        for (TrainingRun r : runs) {
            if (eligible(r)) {
                out.putIfAbsent(List.of(r.activation(), r.mode(), r.depth(), r.protocol().name()), r);
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The baseline of {@code run}'s configuration on {@code data}, with the nuclides {@code beyond} predicted too. */
    public static KernelBaseline.Result compute(TrainingRun run, BindingEnergyDataSet data, long masterSeed, double ridge,
                                                List<Nuclide> beyond) {
        Activation sigma = Activations.parse(run.activation());
        Initialization init = run.initialization();
        int outputLayer = run.depth();
        Architecture architecture = Architecture.uniform(sigma, outputLayer - 1, 1, init.weightVariance(),
                init.biasVariance());
        LearningRatePrescription rates = LearningRatePrescription.critical(sigma, outputLayer);
        LearningRates biasRates = rates.tensor(1, 0);
        LearningRates weightRates = rates.tensor(0, 1);
        TrainingProtocol protocol = run.protocol();
        List<LinearizedTraining.Phase> phases = new ArrayList<>();
        for (PhaseSchedule.Phase p : protocol.phases().phases()) {
            phases.add(new LinearizedTraining.Phase(p.epochs(), p.rawBiasRate(), p.rawWeightRate()));
        }
        KernelBaseline.Training training = new KernelBaseline.Training(phases, protocol.batchSize(),
                protocol.loss()::derivative, protocol.targetScale(),
                Seeds.derive(masterSeed, "kernel-baseline/" + run.activation() + "/" + run.mode().configName() + "/depth="
                        + run.depth() + "/" + protocol.name(), 0));
        return KernelBaseline.of(data, protocol.target(), architecture, biasRates, weightRates, ridge, training, beyond);
    }

    /** The rows of table {@code kernel_predictions} of one baseline. */
    public static List<Row> rows(KernelBaseline.Result r, String activation, String mode, String protocol, int depth,
                                 int epochs) {
        List<Row> rows = new ArrayList<>();
        for (KernelBaseline.Prediction p : r.predictions()) {
            rows.add(row(r, p, activation, mode, protocol, depth, "trained", epochs, p.trainedMev(), Double.NaN));
            rows.add(row(r, p, activation, mode, protocol, depth, "ntk", null, p.ntkMev(), p.ntkStdMev()));
            rows.add(row(r, p, activation, mode, protocol, depth, "nngp", null, p.nngpMev(), p.nngpStdMev()));
        }
        return rows;
    }

    /** The rows of a sweep's baselines. */
    public static List<Row> rows(List<Baseline> baselines) {
        List<Row> rows = new ArrayList<>();
        for (Baseline b : baselines) {
            TrainingRun c = b.configuration();
            rows.addAll(rows(b.result(), c.activation(), c.mode().configName(), c.protocol().name(), c.depth(),
                    c.protocol().phases().totalEpochs()));
        }
        return rows;
    }

    /** The 5% and 95% quantiles of a Gaussian lie this many standard deviations from its mean. */
    private static final double Z_90 = org.annft.theory.GaussianInterval.halfWidth(0.90);

    private static Row row(KernelBaseline.Result r, KernelBaseline.Prediction p, String activation, String mode,
                           String protocol, int depth, String kind, Integer epochs, double mean, double std) {
        Double m = Double.isFinite(mean) ? mean : null;
        Double s = m != null && Double.isFinite(std) ? std : null;
        return SparkTables.row(ResultTables.KERNEL_PREDICTIONS, activation, mode, protocol, depth, kind, epochs,
                p.nuclide().z(), p.nuclide().n(), p.nuclide().a(), p.nuclide().element(), p.role().label(), m, s,
                s == null ? null : m - Z_90 * s, s == null ? null : m + Z_90 * s, p.ameMev(), p.nuclide().estimated(),
                r.ridge());
    }
}
