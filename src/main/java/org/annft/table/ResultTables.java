package org.annft.table;

import static org.annft.table.ColumnType.BOOLEAN;
import static org.annft.table.ColumnType.DOUBLE;
import static org.annft.table.ColumnType.DOUBLE_ARRAY;
import static org.annft.table.ColumnType.INT;
import static org.annft.table.ColumnType.LONG;
import static org.annft.table.ColumnType.STRING;

import java.util.List;

/**
 * The contracts of the training tables: what {@code annft train} and {@code annft sweep} write.
 * Every table starts with the key of a run's configuration, so the tables of many runs join on it.
 */
public final class ResultTables {

    private ResultTables() {
    }

    private static final String TRAIN_AND_SWEEP = "`annft train`, `annft sweep`";
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
            .column("linear_fit_rmsd_mev", DOUBLE, "RMSD of the least-squares fit of B linear in the network inputs")
            .column("constant_fit_rmsd_mev", DOUBLE, "RMSD of predicting the median B, where a network with every "
                    + "last-layer unit dead ends under MAE")
            .note("One row per run; the two fits are constants of the data set. Every training table starts with "
                    + "the run's key: `mode` is `cict`, `cint`, `nint` or `nict` (SGD) or `adam-cint`, `adam-nint`; "
                    + "`protocol` is `default` outside a protocol scan; `depth` is l_out = L + 1; the tables of a "
                    + "sweep aggregate per protocol")
            .sortedBy(RUN_KEY);

    public static final ResultTable LOSS_CURVES = ResultTable.named("loss_curves", TRAIN_AND_SWEEP).columns(RUN)
            .column("epoch", INT, "0 is the initial network")
            .column("loss", DOUBLE, "training loss, MeV for MAE, MeV^2 for MSE")
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

    public static final ResultTable PREDICTIONS = ResultTable.named("predictions", SWEEP).columns(RUN)
            .column("nuclide_index", INT, "position in the data set")
            .column("prediction_mev", DOUBLE, "the trained network's binding energy")
            .sortedBy(concat(RUN_KEY, "nuclide_index"));

    public static final ResultTable LOSS_BANDS = ResultTable.named("loss_bands", SWEEP).columns(CONFIGURATION)
            .column("epoch", INT)
            .column("runs", LONG)
            .column("loss_median", DOUBLE)
            .column("loss_q25", DOUBLE)
            .column("loss_q75", DOUBLE)
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
            .note("Table I, Fig. 13")
            .sortedBy("activation", "mode", "protocol", "depth", "width");

    /** Every table defined here, in the README's order. */
    public static List<ResultTable> all() {
        return List.of(RUNS, LOSS_CURVES, PARAM_CHANGES, PREDICTIONS, LOSS_BANDS, PARAM_CHANGE_MEANS, RESIDUALS, TABLE1);
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
