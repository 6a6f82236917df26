package org.annft.table;

import static org.annft.table.ColumnType.BOOLEAN;
import static org.annft.table.ColumnType.DOUBLE;
import static org.annft.table.ColumnType.DOUBLE_ARRAY;
import static org.annft.table.ColumnType.INT;
import static org.annft.table.ColumnType.LONG;
import static org.annft.table.ColumnType.STRING;
import static org.annft.table.ColumnType.STRING_ARRAY;
import static org.annft.table.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * The contracts of the result tables, in the order of docs/results.md. Every training table starts with the
 * key of a run's configuration, so the tables of many runs join on it; every ensemble table starts
 * with {@code config_id}.
 */
public final class ResultTables {

    private ResultTables() {
    }

    /** The name of table {@code dataset}, whose columns depend on the inputs ({@link #dataset}). */
    public static final String DATASET = "dataset";
    private static final String TRAIN_AND_SWEEP = "`annft train`, `annft sweep`";

    /**
     * Table {@code dataset} ({@code annft data}, and beside the results of every job that trains) for
     * the given network inputs: its key ({@code nuclide_index}), the nuclide, its
     * AME2020 values, the train/test split, then one {@code input_<name>} column per input (MinMax
     * scaled Z and N, unscaled pairing flags), so its columns follow {@code data.inputs}.
     *
     * @param inputs the input names, e.g. {@code z, n} or {@code z, n, z0, n0}
     */
    public static ResultTable dataset(List<String> inputs) {
        ResultTable.Builder b = ResultTable.named(DATASET, "`annft data`, " + TRAIN_AND_SWEEP)
                .column("nuclide_index", INT, "position in the data set; `predictions.nuclide_index` refers to it")
                .column("z", INT)
                .column("n", INT)
                .column("a", INT)
                .column("element", STRING)
                .column("binding_energy_mev", DOUBLE)
                .column("binding_energy_per_nucleon_kev", DOUBLE)
                .column("binding_energy_per_nucleon_uncertainty_kev", DOUBLE)
                .column("mass_excess_kev", DOUBLE)
                .column("estimated", BOOLEAN)
                .column("split", STRING, "`train`/`test`/`edge`: trained on, held out at random "
                        + "(`data.test-fraction`) or as an outermost isotope (`data.holdout.edge-isotopes`)")
                .column("distance", INT, "from the training nuclides: neutrons to the nearest training isotope of the "
                        + "element, single-nucleon steps to the nearest training nuclide for an element without one, 0 for a "
                        + "training nuclide (docs/extrapolation.md)");
        for (String input : inputs) {
            b = b.column("input_" + input, DOUBLE);
        }
        return b.note("Z and N inputs MinMax scaled; with `data.inputs = zn-pairing` also `input_z0, input_n0`, the "
                + "unscaled pairing flags").sortedBy("z", "n");
    }
    private static final String SWEEP = "`annft sweep`";

    /** {@code activation, mode, protocol, width, depth}: one trained configuration. */
    public static final List<TableColumn> CONFIGURATION = List.of(
            new TableColumn("activation", STRING, false, ""),
            new TableColumn("mode", STRING, false, ""),
            new TableColumn("protocol", STRING, false, ""),
            new TableColumn("width", INT, false, ""),
            new TableColumn("depth", INT, false, ""));

    /** The configuration and {@code run}: one trained network. */
    public static final List<TableColumn> RUN = concat(CONFIGURATION, new TableColumn("run", INT, false, ""));

    private static final String[] RUN_KEY = {"activation", "mode", "protocol", "width", "depth", "run"};
    private static final String[] CONFIGURATION_KEY = {"activation", "mode", "protocol", "width", "depth"};

    public static final ResultTable RUNS = ResultTable.named("runs", TRAIN_AND_SWEEP).columns(RUN)
            .column("r", DOUBLE, "depth / width")
            .column("seed", LONG)
            .column("status", STRING, "`ok`/`diverged`")
            .column("epochs_done", INT)
            .column("final_loss", DOUBLE)
            .column("rmsd_mev", DOUBLE)
            .column("rmsd_train_mev", DOUBLE)
            .column("rmsd_test_mev", DOUBLE)
            .column("seconds", DOUBLE)
            .nullable("divergence_epoch", INT, "")
            .column("initial_loss", DOUBLE)
            .column("init", STRING, "`critical`/`noncritical`")
            .column("c_w", DOUBLE)
            .column("c_b", DOUBLE)
            .column("training_mode", STRING, "`critical`/`global`")
            .nullable("global_rate", STRING,
                    "`practice`/`raw-average` where the run's rates are averaged over layers, else NULL")
            .column("optimizer", STRING, "`sgd`/`adam`")
            .column("loss", STRING)
            .column("target", STRING, "`binding-energy`/`binding-energy-per-nucleon`: what the network learned; "
                    + "RMSDs and predictions are total B either way")
            .column("loss_unit", STRING, "unit of `initial_loss`, `final_loss` and the loss curves: `MeV`, "
                    + "`MeV per nucleon`, or their squares for MSE")
            .column("batch_size", INT)
            .column("target_scale", DOUBLE)
            .column("train_size", INT)
            .column("test_size", INT)
            .column("gemm", STRING)
            .column("precision", STRING, "`float64`/`float32`; why a run failed, from the trained network on the "
                    + "training nuclides, follows")
            .column("dead_unit_fraction", DOUBLE_ARRAY, "array, per hidden layer 1..L: ReLU units whose derivative is 0 "
                    + "on every nuclide; for other activations units whose activation is constant to 1e-12 relative")
            .column("dead_unit_fraction_max", DOUBLE)
            .column("linear_fit_rmsd_mev", DOUBLE, "RMSD in total B of the least-squares fit of the target linear in "
                    + "the network inputs")
            .column("constant_fit_rmsd_mev", DOUBLE, "RMSD in total B of predicting the median target, where a network "
                    + "with every last-layer unit dead ends under MAE (525.8 MeV for B, 73.6 MeV for B/A over AME2020)")
            .column("outcome", STRING, "`converged`/`plateau` (RMSD above 10 MeV)/`linear-fit` (at least 0.75 of "
                    + "`linear_fit_rmsd_mev`)/`dead` (a hidden layer all dead, or within 2% of `constant_fit_rmsd_mev`)/"
                    + "`diverged`")
            .note("One row per run; the two fits are constants of the data set and target. Every training table starts with "
                    + "the run's key: `mode` is `cict`, `cint`, `nint` or `nict` (SGD) or `adam-cint`, `adam-nint`; "
                    + "`protocol` is `default` outside a protocol scan; `depth` is l_out = L + 1; the tables of a "
                    + "sweep aggregate per protocol")
            .sortedBy(RUN_KEY);

    public static final ResultTable LOSS_CURVES = ResultTable.named("loss_curves", TRAIN_AND_SWEEP).columns(RUN)
            .column("epoch", INT, "0 is the initial network")
            .column("loss", DOUBLE, "training loss on the run's target")
            .column("loss_unit", STRING, "`MeV` (MAE on B), `MeV per nucleon` (MAE on B/A), their squares for MSE")
            .sortedBy(concat(RUN_KEY, "epoch"));

    public static final ResultTable PARAM_CHANGES = ResultTable.named("param_changes", TRAIN_AND_SWEEP).columns(RUN)
            .column("layer", INT, "1 .. l_out")
            .column("fan_in", INT)
            .column("fan_out", INT)
            .column("hidden_to_hidden", BOOLEAN)
            .column("initial_weight_rms", DOUBLE)
            .column("weight_change_rmsd", DOUBLE)
            .column("relative_weight_change_rmsd", DOUBLE)
            .column("scaled_weight_change_rmsd", DOUBLE, "`sqrt(n_{l-1})` times the weight RMSD")
            .column("bias_change_rmsd", DOUBLE)
            .column("initial_weight_frobenius", DOUBLE)
            .column("weight_change_frobenius", DOUBLE)
            .column("relative_weight_change_frobenius", DOUBLE)
            .note("Paper Figs. 10-12")
            .sortedBy(concat(RUN_KEY, "layer"));

    public static final ResultTable NTK_CHANGES = ResultTable.named("ntk_changes", TRAIN_AND_SWEEP + ", with reference nuclides")
            .columns(RUN)
            .column("r", DOUBLE, "depth / width")
            .column("epoch", INT, "0 is the initial network")
            .column("reference_nuclides", INT, "`train.ntk.nuclides` found in the data set")
            .column("frobenius_norm", DOUBLE, "Frobenius norm of the NTK matrix H at the reference nuclides")
            .column("frobenius_change", DOUBLE, "Frobenius norm of H - H_0 over that of H_0")
            .column("largest_eigenvalue", DOUBLE)
            .column("eigenvalue_change", DOUBLE, "relative to epoch 0")
            .column("alignment", DOUBLE, "kernel-target alignment y^T H y / (Frobenius norm of H times y^T y), y the centred targets")
            .note("The NTK with the learning-rate tensor of the run's mode at raw rates 1")
            .sortedBy(concat(RUN_KEY, "epoch"));

    public static final ResultTable MODELS = ResultTable.named("models", TRAIN_AND_SWEEP).columns(RUN)
            .column("layer", INT, "1 .. l_out")
            .column("fan_in", INT, "n_{l-1}")
            .column("fan_out", INT, "n_l")
            .column("weights", DOUBLE_ARRAY, "W^(l), row-major fan_out x fan_in")
            .column("biases", DOUBLE_ARRAY, "b^(l)")
            .column("inputs", STRING, "`data.inputs`")
            .column("input_min", DOUBLE_ARRAY, "MinMax minima of Z and N over the training data")
            .column("input_max", DOUBLE_ARRAY, "MinMax maxima")
            .column("target", STRING, "`binding-energy` (output is B) or `binding-energy-per-nucleon` (output times A "
                    + "is B)")
            .column("target_scale", DOUBLE, "the network's output times this is the target in MeV")
            .column("precision", STRING, "`float64`/`float32`: the arithmetic its predictions use")
            .note("The trained network of every run, read by `annft predict`")
            .sortedBy(concat(RUN_KEY, "layer"));

    public static final ResultTable ENSEMBLE_PREDICTIONS = ResultTable.named("ensemble_predictions", "`annft predict`")
            .columns(CONFIGURATION)
            .column("z", INT)
            .column("n", INT)
            .column("a", INT)
            .nullable("element", STRING, "NULL beyond the AME2020 table")
            .column("runs", LONG, "networks kept by Table I's cutoff")
            .column("mean_mev", DOUBLE)
            .column("std_mev", DOUBLE, "population std over the networks")
            .column("median_mev", DOUBLE)
            .column("q05_mev", DOUBLE, "5% quantile, linear interpolation")
            .column("q95_mev", DOUBLE, "95% quantile")
            .nullable("ame_mev", DOUBLE, "AME2020's binding energy, NULL beyond the table")
            .nullable("ame_estimated", BOOLEAN, "AME2020 marks the value as an estimate (#)")
            .column("extrapolation", BOOLEAN, "Z or N outside the MinMax range of the training data")
            .nullable("split", STRING, "the nuclide in the networks' data set (`dataset.split`): `train`/`test`/`edge`; "
                    + "NULL outside it")
            .nullable("distance", INT, "from the networks' training nuclides, as `dataset.distance`; NULL without table "
                    + "`dataset`")
            .nullable("calibration", STRING, "the calibration method applied and the directory it was fitted on (table "
                    + "`calibration`); NULL without one")
            .nullable("calibrated_68_mev", DOUBLE, "half-width of the calibrated 68% interval, mean_mev +- this")
            .nullable("calibrated_90_mev", DOUBLE, "90%")
            .nullable("calibrated_95_mev", DOUBLE, "95%")
            .note("Binding energies predicted by the saved networks of a sweep")
            .sortedBy(concat(CONFIGURATION_KEY, "z", "n"));

    public static final ResultTable CALIBRATION = ResultTable.named("calibration", "`annft predict`, with a calibration")
            .columns(CONFIGURATION)
            .column("method", STRING, "`conformal`/`inflated` (docs/extrapolation.md)")
            .column("level", DOUBLE, "nominal coverage: 0.68, 0.9, 0.95")
            .column("distance_from", INT, "the distance group: held-out nuclides at distances from .. to; nearer nuclides "
                    + "take the first group, farther ones the last")
            .column("distance_to", INT)
            .column("nuclides", INT, "held-out nuclides in the group")
            .column("factor", DOUBLE, "the interval is mean_mev +- factor std_mev")
            .column("coverage", DOUBLE, "fraction of the group's held-out nuclides inside (in-sample)")
            .column("applied", BOOLEAN, "the method of the `calibrated_*` columns of `ensemble_predictions`")
            .column("fitted_on", STRING, "the result directory whose edge isotopes (`dataset.split = edge`) it was fitted on")
            .note("Fitted per configuration on the kept networks' predictions of the held-out edge isotopes")
            .sortedBy(concat(CONFIGURATION_KEY, "method", "level", "distance_from"));

    public static final ResultTable KERNEL_PREDICTIONS = ResultTable.named("kernel_predictions",
                    "`annft theory regression --out`, `annft sweep` with `sweep.kernel-baseline`")
            .column("activation", STRING)
            .column("mode", STRING, "`cict` or `nict`: the critical per-layer rates, which have an infinite-width limit")
            .column("protocol", STRING)
            .column("depth", INT, "l_out")
            .column("prediction", STRING, "`trained` (the infinitely wide network trained by the protocol's SGD), "
                    + "`ntk` (NTK regression: trained on the squared error to convergence), `nngp` (the Bayesian posterior)")
            .nullable("epochs", INT, "the protocol's epochs for `trained`, NULL otherwise")
            .column("z", INT)
            .column("n", INT)
            .column("a", INT)
            .column("element", STRING)
            .column("role", STRING, "`train` (fitted), `test` (held out by `data.test-fraction`), `beyond` (not in the data set)")
            .nullable("mean_mev", DOUBLE, "the prediction; NULL where the trained network diverged")
            .nullable("std_mev", DOUBLE, "over the infinite ensemble's initializations (`ntk`) or the posterior's (`nngp`); "
                    + "NULL for `trained` and on training nuclides")
            .nullable("q05_mev", DOUBLE, "mean - 1.645 std (Gaussian)")
            .nullable("q95_mev", DOUBLE, "mean + 1.645 std")
            .column("ame_mev", DOUBLE, "AME2020's binding energy")
            .column("ame_estimated", BOOLEAN, "AME2020 marks the value as an estimate (#)")
            .column("ridge", DOUBLE, "the regularizer relative to the kernel's mean diagonal")
            .note("The infinite-width baseline: per nuclide, what an infinitely wide network predicts")
            .sortedBy("activation", "mode", "protocol", "depth", "prediction", "z", "n");

    public static final ResultTable PREDICTIONS = ResultTable.named("predictions", SWEEP).columns(RUN)
            .column("nuclide_index", INT, "position in the data set")
            .column("z", INT)
            .column("n", INT)
            .column("a", INT)
            .column("element", STRING)
            .column("prediction_mev", DOUBLE, "the trained network's binding energy")
            .sortedBy(concat(RUN_KEY, "nuclide_index"));

    public static final ResultTable LOSS_BANDS = ResultTable.named("loss_bands", SWEEP).columns(CONFIGURATION)
            .column("epoch", INT)
            .column("runs", LONG)
            .column("loss_median", DOUBLE)
            .column("loss_q25", DOUBLE)
            .column("loss_q75", DOUBLE)
            .column("loss_unit", STRING, "as in `loss_curves`")
            .note("Figs. 8-9")
            .sortedBy(concat(CONFIGURATION_KEY, "epoch"));

    public static final ResultTable PARAM_CHANGE_MEANS = ResultTable.named("param_change_means", SWEEP)
            .columns(CONFIGURATION)
            .column("r", DOUBLE)
            .column("metric", STRING, "a `param_changes` column")
            .column("mean", DOUBLE)
            .column("std", DOUBLE)
            .column("runs_kept", LONG)
            .column("runs_total", LONG)
            .note("Per run the mean over the hidden layers 1..L, then over runs without outliers (Figs. 10-12)")
            .sortedBy("activation", "mode", "protocol", "metric", "depth", "width");

    public static final ResultTable RESIDUALS = ResultTable.named("residuals", SWEEP).columns(CONFIGURATION)
            .column("z", INT)
            .column("n", INT)
            .column("a", INT)
            .column("element", STRING)
            .column("binding_energy_mev", DOUBLE)
            .column("prediction_mean_mev", DOUBLE)
            .column("prediction_std_mev", DOUBLE)
            .column("residual_mev", DOUBLE, "experiment minus mean prediction")
            .column("runs", LONG)
            .note("Fig. 14")
            .sortedBy(concat(CONFIGURATION_KEY, "z", "n"));

    public static final ResultTable TABLE1 = ResultTable.named("table1", SWEEP).columns(CONFIGURATION)
            .column("r", DOUBLE)
            .column("mean_rmsd_mev", DOUBLE)
            .column("std_rmsd_mev", DOUBLE)
            .column("runs_kept", LONG)
            .column("runs_total", LONG)
            .column("failed_fraction", DOUBLE)
            .column("cutoff_mev", DOUBLE)
            .column("r_star", DOUBLE)
            .column("between_r_star_and_one", BOOLEAN)
            .nullable("mean_rmsd_converged_mev", DOUBLE, "mean RMSD of the runs whose `runs.outcome` is `converged`")
            .column("runs_converged", LONG, "runs by `runs.outcome`")
            .column("runs_plateau", LONG)
            .column("runs_linear_fit", LONG)
            .column("runs_dead", LONG)
            .column("runs_diverged", LONG)
            .note("Table I, Fig. 13. Kept runs: status ok and RMSD not above the cutoff, the paper's rule; the "
                    + "outcome counts say how many of them converged and how many stalled, as a plateau, at the linear "
                    + "fit or dead")
            .sortedBy("activation", "mode", "protocol", "depth", "width");

    public static final ResultTable PROTOCOLS = ResultTable.named("protocols", SWEEP)
            .column("protocol", STRING)
            .column("setting", STRING, "a `train.*` key")
            .column("value", STRING, "its value as JSON")
            .note("Every `train.*` setting each protocol ran with, but the grid keys (per run in `runs`)")
            .sortedBy("protocol", "setting");

    public static final ResultTable THEORY = ResultTable.named("theory", "`annft theory kernel`")
            .column("activation", STRING)
            .column("weight_variance", DOUBLE)
            .column("bias_variance", DOUBLE)
            .column("hidden_layers", INT)
            .column("width", INT)
            .column("input", INT, "0-based")
            .column("layer", INT, "1 .. L+1")
            .column("kernel", DOUBLE)
            .column("v", DOUBLE)
            .column("v_over_n", DOUBLE)
            .column("fourth_cumulant", DOUBLE)
            .column("kurtosis_excess", DOUBLE)
            .column("chi_parallel", DOUBLE)
            .column("chi_perpendicular", DOUBLE)
            .column("ntk", DOUBLE)
            .sortedBy("input", "layer");

    public static final ResultTable THEORY_KERNEL_MATRIX = ResultTable.named("theory_kernel_matrix",
            "`annft theory kernel`")
            .column("layer", INT)
            .column("input_a", INT)
            .column("input_b", INT, "0-based, `a <= b`")
            .column("kernel", DOUBLE)
            .column("ntk", DOUBLE)
            .sortedBy("layer", "input_a", "input_b");

    /** The configuration's columns every ensemble table repeats after its key, so that it reads without a join. */
    private static final List<TableColumn> ENSEMBLE_CONFIGURATION = List.of(
            new TableColumn("activation", STRING, false, ""),
            new TableColumn("c_w", DOUBLE, false, ""),
            new TableColumn("c_b", DOUBLE, false, ""),
            new TableColumn("width", INT, false, ""),
            new TableColumn("hidden_layers", INT, false, ""),
            new TableColumn("sampler", STRING, false, "`function`/`weight`"));

    private static final String ENSEMBLE = "`annft init-ensemble`";

    public static final ResultTable INIT_CONFIGURATIONS = ResultTable.named("init_configurations", ENSEMBLE)
            .column("config_id", INT)
            .columns(ENSEMBLE_CONFIGURATION)
            .column("samples", LONG)
            .column("inputs", STRING_ARRAY, "labels")
            .sortedBy("config_id");

    public static final ResultTable INIT_MOMENTS = ResultTable.named("init_moments", ENSEMBLE)
            .column("config_id", INT)
            .column("layer", INT, "1 .. L+1, the output last")
            .column("input_index", INT)
            .columns(ENSEMBLE_CONFIGURATION)
            .column("samples", LONG)
            .column("mean", DOUBLE)
            .column("m2", DOUBLE)
            .column("m4", DOUBLE)
            .column("k4", DOUBLE, "= m4 - 3 m2^2")
            .column("v_over_n", DOUBLE, "= k4/3")
            .nullable("kurtosis_excess", DOUBLE, "= m4/m2^2 - 3")
            .column("m2_se", DOUBLE, "delta method")
            .column("v_over_n_se", DOUBLE)
            .nullable("kurtosis_excess_se", DOUBLE, "batch means over the chunks, see below")
            .column("outside_histogram", LONG)
            .column("theory_kernel", DOUBLE)
            .column("theory_v_over_n", DOUBLE)
            .nullable("theory_kurtosis_excess", DOUBLE, "recursion from the input")
            .column("theory_kernel_from_measured", DOUBLE)
            .column("theory_v_over_n_from_measured", DOUBLE, "recursion from the measured first layer")
            .note("Where a variance is 0 (e.g. input 0 with C_b = 0: every network gives the same value), the "
                    + "ratios to it are NULL: `kurtosis_excess`, `kurtosis_excess_se`, `theory_kurtosis_excess`, "
                    + "`gaussian_density` of `init_histograms`, and `correlation` and `theory_correlation` of "
                    + "`init_covariance`; `v_over_n` and its error are 0")
            .sortedBy("config_id", "layer", "input_index");

    public static final ResultTable INIT_HISTOGRAMS = ResultTable.named("init_histograms", ENSEMBLE)
            .column("config_id", INT)
            .columns(ENSEMBLE_CONFIGURATION)
            .column("layer", INT)
            .column("input_index", INT)
            .column("bin", INT)
            .column("bin_low", DOUBLE)
            .column("bin_high", DOUBLE)
            .column("count", LONG)
            .column("density", DOUBLE)
            .nullable("gaussian_density", DOUBLE, "the normal density of the measured mean and variance at the bin "
                    + "centre")
            .note("Non-empty bins only")
            .sortedBy("config_id", "layer", "input_index", "bin");

    public static final ResultTable INIT_COVARIANCE = ResultTable.named("init_covariance", ENSEMBLE + ", k > 1 inputs")
            .column("config_id", INT)
            .columns(ENSEMBLE_CONFIGURATION)
            .column("layer", INT)
            .column("input_a", INT)
            .column("input_b", INT, "a < b")
            .column("samples", LONG)
            .column("covariance", DOUBLE)
            .nullable("correlation", DOUBLE, "")
            .column("variance_a", DOUBLE)
            .column("variance_b", DOUBLE)
            .column("theory_kernel", DOUBLE)
            .nullable("theory_correlation", DOUBLE, "")
            .sortedBy("config_id", "layer", "input_a", "input_b");

    public static final ResultTable INIT_SAMPLES = ResultTable.named("init_samples",
            ENSEMBLE + ", `ensemble.keep-samples > 0`")
            .column("config_id", INT)
            .column("sample", LONG)
            .column("layer", INT)
            .column("input_index", INT)
            .column("value", DOUBLE)
            .sortedBy("config_id", "sample", "layer", "input_index");

    public static final ResultTable INIT_NTK = ResultTable.named("init_ntk", ENSEMBLE + ", `ensemble.ntk = true`")
            .column("config_id", INT)
            .columns(ENSEMBLE_CONFIGURATION)
            .column("rates", STRING, "`critical`/`global`: the NTK's learning-rate tensor, at raw rates 1")
            .column("layer", INT, "1 .. L+1: the NTK of the layer's first neuron")
            .column("r", DOUBLE, "layer / width, the aspect ratio up to this layer")
            .column("input_a", INT)
            .column("input_b", INT, "a <= b")
            .column("samples", LONG)
            .column("mean", DOUBLE)
            .column("mean_se", DOUBLE)
            .column("variance", DOUBLE, "population variance over the networks")
            .column("variance_se", DOUBLE, "delta method")
            .column("theory", DOUBLE, "the infinite-width NTK Theta^(l)_ab")
            .nullable("variance_theory", DOUBLE, "the leading-order NTK variance (A + 2B)/n of docs/theory.md \"NTK variance\"")
            .nullable("relative_fluctuation", DOUBLE, "std over the absolute value of the mean")
            .nullable("relative_variance", DOUBLE, "variance / mean^2")
            .nullable("relative_variance_se", DOUBLE, "")
            .nullable("relative_variance_theory", DOUBLE, "variance_theory / theory^2")
            .note("Ratios to the mean are NULL where the mean is 0; the variance theory is NULL off the diagonal (input_a != input_b), where it is not computed")
            .sortedBy("config_id", "layer", "input_a", "input_b");

    public static final ResultTable RUN_INFO = ResultTable.named("run_info", "every job")
            .column("experiment", STRING)
            .column("command", STRING)
            .column("config_json", STRING)
            .column("seed", LONG)
            .column("annft_version", STRING)
            .column("code_revision", STRING)
            .column("spark_version", STRING)
            .column("master", STRING)
            .column("java_version", STRING)
            .column("started_at", TIMESTAMP)
            .column("finished_at", TIMESTAMP)
            .column("seconds", DOUBLE)
            .note("One row")
            .sortedBy("started_at");

    /** Every table defined here, in the order of docs/results.md. */
    public static List<ResultTable> all() {
        return List.of(THEORY, THEORY_KERNEL_MATRIX, RUNS, LOSS_CURVES, PARAM_CHANGES, PREDICTIONS, LOSS_BANDS,
                PARAM_CHANGE_MEANS, NTK_CHANGES, MODELS, RESIDUALS, TABLE1, PROTOCOLS, ENSEMBLE_PREDICTIONS, CALIBRATION, KERNEL_PREDICTIONS, INIT_CONFIGURATIONS, INIT_MOMENTS, INIT_HISTOGRAMS,
                INIT_COVARIANCE, INIT_SAMPLES, INIT_NTK, RUN_INFO);
    }
    private static List<TableColumn> concat(List<TableColumn> first, TableColumn more) {
        List<TableColumn> out = new java.util.ArrayList<>(first);
        out.add(more);
        return List.copyOf(out);
    }

    private static String[] concat(String[] first, String... more) {
        String[] out = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }
}
