package org.annft.report;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.annft.spark.SparkTables;
import org.annft.table.ColumnType;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.annft.table.TableColumn;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Small result tables made through the tables' contracts, with plausible, paper-like values, written
 * as Parquet for the report tests: the ensemble tables (Figs. 4-7) and the sweep tables (Figs.
 * 8-14, Table I).
 */
final class SyntheticTables {

    /** The rows of Table I of the paper (ReLU CICT, l_out = 4): width, mean, std, runs kept. */
    static final double[][] PAPER_TABLE_ONE = {
        {1, 71.9549, 0.0000, 100}, {4, 68.9716, 11.2120, 100}, {10, 55.9824, 25.3620, 99}, {20, 35.2627, 31.6383, 99},
        {40, 6.0500, 12.0067, 99}, {80, 2.7189, 0.3137, 100}, {115, 2.5392, 0.2326, 100}, {120, 2.5250, 0.2221, 100},
        {240, 2.7347, 0.1328, 100}, {1000, 3.6029, 0.1780, 100}, {2000, 4.0420, 0.1850, 84},
    };
    static final double R_STAR = 0.0348;

    private final SparkSession spark;
    private final Path dir;

    SyntheticTables(SparkSession spark, Path dir) {
        this.spark = spark;
        this.dir = dir;
    }

    /**
     * A row of {@code table} from alternating column names and values, checked against the contract;
     * a column not named holds its type's zero, NULL where the column allows it, and {@code default}
     * for {@code protocol}, as outside a protocol scan.
     */
    static Row row(ResultTable table, Object... namesAndValues) {
        Object[] values = new Object[table.columns().size()];
        for (int i = 0; i < values.length; i++) {
            TableColumn c = table.columns().get(i);
            values[i] = c.name().equals("protocol") ? "default" : c.nullable() ? null : zero(c.type());
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values[table.index((String) namesAndValues[i])] = namesAndValues[i + 1];
        }
        return SparkTables.row(table, values);
    }

    private static Object zero(ColumnType type) {
        return switch (type) {
            case STRING -> "";
            case INT -> 0;
            case LONG -> 0L;
            case DOUBLE -> 0.0;
            case BOOLEAN -> false;
            case DOUBLE_ARRAY -> new double[0];
            case STRING_ARRAY -> scala.jdk.javaapi.CollectionConverters.asScala(List.<String>of()).toSeq();
            case TIMESTAMP -> Timestamp.from(Instant.EPOCH);
        };
    }

    /** Writes the rows as one Parquet file with the contract's schema. */
    void write(ResultTable table, List<Row> rows) {
        spark.createDataFrame(rows, SparkTables.schema(table)).coalesce(1).write().parquet(dir.resolve(table.name()).toString());
    }

    void runInfo(String command, String configJson) {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        write(ResultTables.RUN_INFO, List.of(SparkTables.row(ResultTables.RUN_INFO,
                "synthetic", command, configJson, 7L, "0.1.0", "abc1234",
                "4.1.1", "local[2]", "17", Timestamp.from(t), Timestamp.from(t.plusSeconds(12)), 12.0)));
    }

    // ---- ensemble tables ----

    /** Histograms of the last layer (and of layer 1, which Fig. 4 must ignore) for each (activation, width). */
    void histograms(List<String> activations, List<Integer> widths, double cW) {
        List<Row> rows = new ArrayList<>();
        int id = 0;
        for (String a : activations) {
            for (int w : widths) {
                for (int layer : new int[] {1, 3}) {
                    double sigma = a.equals("relu") ? 0.5 : 2.0;
                    for (int b = 0; b < 50; b++) {
                        double lo = -4 * sigma + 8 * sigma * b / 50;
                        double hi = lo + 8 * sigma / 50;
                        double c = (lo + hi) / 2;
                        double gauss = Math.exp(-c * c / (2 * sigma * sigma)) / Math.sqrt(2 * Math.PI * sigma * sigma);
                        double density = gauss * (1 + (1.0 / w) * (c * c / (sigma * sigma) - 1));
                        long count = Math.round(density * (hi - lo) * 10000);
                        rows.add(row(ResultTables.INIT_HISTOGRAMS, "config_id", id, "activation", a, "c_w", cW,
                                "c_b", 0.0, "width", w, "hidden_layers", 2, "sampler", "function", "layer", layer,
                                "input_index", 0, "bin", b, "bin_low", lo, "bin_high", hi, "count", count,
                                "density", count / (10000 * (hi - lo)), "gaussian_density", gauss));
                    }
                }
                id++;
            }
        }
        write(ResultTables.INIT_HISTOGRAMS, rows);
    }

    /** Correlated outputs at {@code inputs} inputs for one ReLU configuration of width 120. */
    void samples(int configId, int hiddenLayers, int inputs, int count) {
        Random random = new Random(11);
        List<Row> rows = new ArrayList<>();
        for (long s = 0; s < count; s++) {
            double common = random.nextGaussian();
            for (int layer : new int[] {1, hiddenLayers + 1}) {
                for (int a = 0; a < inputs; a++) {
                    double value = (a + 1) * (0.8 * common + 0.6 * random.nextGaussian());
                    rows.add(row(ResultTables.INIT_SAMPLES, "config_id", configId, "sample", s, "layer", layer,
                            "input_index", a, "value", value));
                }
            }
        }
        write(ResultTables.INIT_SAMPLES, rows);
    }

    void configurations(int configId, int hiddenLayers, int inputs) {
        List<String> labels = new ArrayList<>();
        for (int a = 0; a < inputs; a++) {
            labels.add("[" + (a - 1.5) + "]");
        }
        write(ResultTables.INIT_CONFIGURATIONS, List.of(row(ResultTables.INIT_CONFIGURATIONS, "config_id", configId,
                "activation", "relu", "c_w", 2.0, "c_b", 0.0, "width", 120, "hidden_layers", hiddenLayers, "sampler",
                "function", "samples", 20000L,
                "inputs", scala.jdk.javaapi.CollectionConverters.asScala(labels).toSeq())));
    }

    /** Moments against depth for each (activation, C_W) at one width, with the theory columns. */
    void moments(List<String> activations, List<Double> cWs, int width, int hiddenLayers) {
        List<Row> rows = new ArrayList<>();
        int id = 0;
        for (String a : activations) {
            for (double cW : cWs) {
                for (int layer = 1; layer <= hiddenLayers + 1; layer++) {
                    double growth = a.equals("relu") ? cW / 2 : 0.9 + cW / 4;
                    double kernel = 0.08 * Math.pow(growth, layer - 1);
                    double v = 5 * kernel * kernel * (layer - 1) / width * Math.pow(growth, layer - 1);
                    double m2 = kernel * (1 + 0.01 * Math.sin(layer));
                    double vMeasured = v + 0.2 * v * Math.cos(layer) - (layer == 2 ? 2 * v : 0);
                    rows.add(row(ResultTables.INIT_MOMENTS, "config_id", id, "activation", a, "c_w", cW, "c_b", 0.0,
                            "width", width, "hidden_layers", hiddenLayers, "sampler", "function", "layer", layer,
                            "input_index", 0, "samples", 20000L, "mean", 0.0, "m2", m2,
                            "m4", 3 * m2 * m2 + 3 * vMeasured, "k4", 3 * vMeasured, "v_over_n", vMeasured,
                            "kurtosis_excess", 0.01, "m2_se", 0.01 * m2, "v_over_n_se", 0.3 * v + 1e-12,
                            "theory_kernel", kernel, "theory_v_over_n", v,
                            "theory_kernel_from_measured", kernel * 1.01, "theory_v_over_n_from_measured", v * 1.02));
                }
                id++;
            }
        }
        write(ResultTables.INIT_MOMENTS, rows);
    }

    // ---- sweep tables ----

    /** Median and quartiles of the loss per epoch, for each activation, mode and depth at width 100. */
    /**
     * init_ntk of ReLU and tanh at critical rates, widths and layers 1 .. hidden + 1, first input
     * only: theory {@code coefficient * r}, measured relative variance {@code coefficient * r (1 + r)}
     * with 5 % standard errors; layer 1 exactly 0.
     */
    void ntk(List<Integer> widths, int hiddenLayers, double coefficient) {
        List<Row> rows = new ArrayList<>();
        int id = 0;
        for (String activation : List.of("relu", "tanh")) {
            for (int width : widths) {
                for (int l = 1; l <= hiddenLayers + 1; l++) {
                    double r = (double) l / width;
                    double theory = l == 1 ? 0 : coefficient * r;
                    double relative = theory * (1 + r);
                    rows.add(row(ResultTables.INIT_NTK, "config_id", id, "activation", activation, "c_w",
                            activation.equals("relu") ? 2.0 : 1.0, "width", width, "hidden_layers", hiddenLayers,
                            "sampler", "weight", "rates", "critical", "layer", l, "r", r, "samples", 1000L, "mean", 1.0,
                            "theory", 1.0, "variance", relative, "relative_variance", relative,
                            "relative_variance_se", 0.05 * relative, "relative_fluctuation", Math.sqrt(relative),
                            "variance_theory", theory, "relative_variance_theory", theory));
                }
                id++;
            }
        }
        write(ResultTables.INIT_NTK, rows);
    }

    /** ntk_changes of CICT and NINT runs at the widths, depth 4: the kernel moves by {@code 0.5 r} (CICT) and {@code 2 r} (NINT). */
    void ntkChanges(List<Integer> widths, int runs) {
        List<Row> rows = new ArrayList<>();
        for (String mode : List.of("cict", "nint")) {
            for (int width : widths) {
                for (int run = 0; run < runs; run++) {
                    double r = 4.0 / width;
                    for (int epoch : new int[] {0, 100}) {
                        rows.add(row(ResultTables.NTK_CHANGES, "activation", "relu", "mode", mode, "width", width, "depth", 4,
                                "run", run, "r", r, "epoch", epoch, "reference_nuclides", 30, "frobenius_norm", 1.0,
                                "frobenius_change", epoch == 0 ? 0.0 : (mode.equals("cict") ? 0.5 : 2.0) * r,
                                "largest_eigenvalue", 1.0, "alignment", 0.3));
                    }
                }
            }
        }
        write(ResultTables.NTK_CHANGES, rows);
    }

    /**
     * ensemble_predictions of ReLU CICT at depth 4 and the widths: elements Z = 10..14, measured for
     * N = Z .. Z + 4, estimated for the next five (distance d = 1..5); AME minus the mean is 0.5 MeV for
     * d <= 3, 1.5 for d = 4 and 2.5 for d = 5, with std 1 and the 5-95% band mean +- 2.
     */
    void ensemblePredictions(List<Integer> widths) {
        ensemblePredictions(widths, List.of("default"));
    }

    /** As {@link #ensemblePredictions(List)}, the same rows under each of {@code protocols}. */
    void ensemblePredictions(List<Integer> widths, List<String> protocols) {
        List<Row> rows = new ArrayList<>();
        for (String protocol : protocols) {
            for (int width : widths) {
                for (int z = 10; z <= 14; z++) {
                    for (int n = z; n <= z + 9; n++) {
                        int d = n - (z + 4);
                        double ame = 8.0 * (z + n);
                        double residual = d <= 0 ? 0.1 : d <= 3 ? 0.5 : d == 4 ? 1.5 : 2.5;
                        double mean = ame - residual;
                        rows.add(row(ResultTables.ENSEMBLE_PREDICTIONS, "activation", "relu", "mode", "cict", "protocol", protocol,
                                "width", width,
                                "depth", 4, "z", z, "n", n, "a", z + n, "element", "X", "runs", 10L, "mean_mev", mean,
                                "std_mev", 1.0, "median_mev", mean, "q05_mev", mean - 2, "q95_mev", mean + 2, "ame_mev", ame,
                                "ame_estimated", d > 0, "extrapolation", false, "split", d <= 0 ? "train" : null,
                                "distance", Math.max(d, 0)));
                    }
                }
            }
        }
        write(ResultTables.ENSEMBLE_PREDICTIONS, rows);
    }

    /**
     * A calibration of each width fitted on one group of held-out nuclides at distances 1 and 2:
     * conformal factors 1, 2, 3 and inflated 0.6, 1.0, 1.2 at the levels 68%, 90%, 95%. On the
     * estimates of {@link #ensemblePredictions} (std 1; residuals 0.5 at d = 1 to 3, 1.5 at d = 4, 2.5
     * at d = 5) the conformal intervals cover 3/5, 4/5 and 5/5, the inflated ones 3/5 at every level.
     */
    void calibration(List<Integer> widths) {
        List<Row> rows = new ArrayList<>();
        double[] levels = {0.68, 0.90, 0.95};
        double[][] factors = {{1, 2, 3}, {0.6, 1.0, 1.2}};
        String[] methods = {"conformal", "inflated"};
        for (int width : widths) {
            for (int m = 0; m < methods.length; m++) {
                for (int l = 0; l < levels.length; l++) {
                    rows.add(row(ResultTables.CALIBRATION, "activation", "relu", "mode", "cict", "width", width, "depth", 4,
                            "method", methods[m], "level", levels[l], "distance_from", 1, "distance_to", 2, "nuclides", 40,
                            "factor", factors[m][l], "coverage", levels[l], "applied", m == 0, "fitted_on", "holdout"));
                }
            }
        }
        write(ResultTables.CALIBRATION, rows);
    }

    void lossBands(List<String> activations, List<String> modes, List<Integer> depths) {
        List<Row> rows = new ArrayList<>();
        for (String a : activations) {
            for (int m = 0; m < modes.size(); m++) {
                for (int depth : depths) {
                    double floor = 2 + 3 * m + 10.0 / depth;
                    for (int epoch = 0; epoch <= 20000; epoch += 100) {
                        double median = floor + 300 * Math.exp(-epoch / (300.0 * (m + 1)));
                        rows.add(row(ResultTables.LOSS_BANDS, "activation", a, "mode", modes.get(m), "width", 100,
                                "depth", depth, "epoch", epoch, "runs", 100L, "loss_median", median,
                                "loss_q25", 0.8 * median, "loss_q75", 1.3 * median));
                    }
                }
            }
        }
        write(ResultTables.LOSS_BANDS, rows);
    }

    /** The eight metrics against width at depth 4 and against depth at width 120. */
    void parameterChangeMeans(List<Integer> widths, List<Integer> depths) {
        String[] metrics = {"initial_weight_rms", "weight_change_rmsd", "relative_weight_change_rmsd",
            "scaled_weight_change_rmsd", "bias_change_rmsd", "initial_weight_frobenius", "weight_change_frobenius",
            "relative_weight_change_frobenius"};
        List<int[]> shapes = new ArrayList<>();
        widths.forEach(w -> shapes.add(new int[] {w, 4}));
        depths.stream().filter(d -> d != 4 || !widths.contains(120)).forEach(d -> shapes.add(new int[] {120, d}));
        List<Row> rows = new ArrayList<>();
        for (String mode : List.of("cict", "cint")) {
            for (int[] s : shapes) {
                for (int k = 0; k < metrics.length; k++) {
                    double mean = (k + 1) * Math.pow(s[0], k % 3 - 1.0) * (mode.equals("cict") ? 1 : 1.5) * Math.sqrt(s[1]);
                    rows.add(row(ResultTables.PARAM_CHANGE_MEANS, "activation", "relu", "mode", mode, "width", s[0],
                            "depth", s[1], "r", (double) s[1] / s[0], "metric", metrics[k], "mean", mean,
                            "std", 0.1 * mean, "runs_kept", 95L, "runs_total", 100L));
                }
            }
        }
        write(ResultTables.PARAM_CHANGE_MEANS, rows);
    }

    /** Table I of the paper, with its asterisks where r* < r < 1. */
    void tableOne() {
        List<Row> rows = new ArrayList<>();
        for (double[] p : PAPER_TABLE_ONE) {
            int width = (int) p[0];
            double r = 4.0 / width;
            rows.add(row(ResultTables.TABLE1, "activation", "relu", "mode", "cict", "width", width, "depth", 4,
                    "r", r, "mean_rmsd_mev", p[1], "std_rmsd_mev", p[2], "runs_kept", (long) p[3], "runs_total", 100L,
                    "failed_fraction", 1 - p[3] / 100, "cutoff_mev", 100.0, "r_star", R_STAR,
                    "between_r_star_and_one", r > R_STAR && r < 1));
        }
        write(ResultTables.TABLE1, rows);
    }

    /**
     * {@code kernel_predictions} of ReLU CICT, l_out = 4: in every prediction two fitted nuclides off
     * by +3 and -4 MeV and one held out by -6 MeV (RMSDs sqrt(12.5) and 6).
     */
    void kernelPredictions() {
        List<Row> rows = new ArrayList<>();
        double[][] nuclides = {{20, 20, 342.0, 3.0, 0}, {28, 30, 500.0, -4.0, 0}, {50, 70, 1000.0, -6.0, 1}};
        for (String prediction : List.of("trained", "ntk", "nngp")) {
            for (double[] x : nuclides) {
                rows.add(row(ResultTables.KERNEL_PREDICTIONS, "activation", "relu", "mode", "cict", "depth", 4,
                        "prediction", prediction, "epochs", prediction.equals("trained") ? 3000 : null,
                        "z", (int) x[0], "n", (int) x[1], "a", (int) (x[0] + x[1]), "element", "X",
                        "role", x[4] == 0 ? "train" : "test", "mean_mev", x[2] + x[3], "ame_mev", x[2],
                        "ame_estimated", false, "ridge", 1e-6));
            }
        }
        write(ResultTables.KERNEL_PREDICTIONS, rows);
    }

    /**
     * {@code runs} of a two-protocol scan (ReLU CICT, l_out = 4): per protocol, width and run an RMSD,
     * with a NaN (diverged) run and one above the cutoff, the fit columns, and the outcome by the
     * rules of {@code RunOutcome} (dead at the constant fit's RMSD).
     */
    void protocolRuns(List<Integer> widths, int runs) {
        List<Row> rows = new ArrayList<>();
        Random random = new Random(5);
        for (String protocol : List.of("b32-r0.01", "b32-r0.5")) {
            for (int width : widths) {
                for (int run = 0; run < runs; run++) {
                    double rmsd = 2 + 300.0 / width * random.nextDouble();
                    String status = "ok";
                    if (protocol.equals("b32-r0.5") && run == 0) {
                        rmsd = width < 20 ? 525.8 : Double.NaN;
                        status = width < 20 ? "ok" : "diverged";
                    }
                    String outcome = !Double.isFinite(rmsd) ? "diverged" : rmsd == 525.8 ? "dead"
                            : rmsd >= 0.75 * 40 ? "linear-fit" : rmsd > 10 ? "plateau" : "converged";
                    rows.add(row(ResultTables.RUNS, "activation", "relu", "mode", "cict", "protocol", protocol,
                            "width", width, "depth", 4, "run", run, "status", status, "rmsd_mev", rmsd,
                            "linear_fit_rmsd_mev", 40.0, "constant_fit_rmsd_mev", 525.8, "outcome", outcome));
                }
            }
        }
        write(ResultTables.RUNS, rows);
    }

    /** Residuals on a nuclear chart: {@code residual.apply(n, z, width)} in MeV. */
    void residuals(List<Integer> widths, Residual residual) {
        List<Row> rows = new ArrayList<>();
        for (int width : widths) {
            for (int z = 8; z <= 100; z++) {
                for (int n = z; n <= (int) (1.5 * z) + 8; n++) {
                    double b = 8.0 * (n + z);
                    double res = residual.at(n, z, width);
                    rows.add(row(ResultTables.RESIDUALS, "activation", "relu", "mode", "cict", "width", width,
                            "depth", 4, "z", z, "n", n, "a", n + z, "binding_energy_mev", b,
                            "prediction_mean_mev", b - res, "prediction_std_mev", 0.5, "residual_mev", res,
                            "runs", 20L));
                }
            }
        }
        write(ResultTables.RESIDUALS, rows);
    }

    /**
     * {@code kernel_predictions} of the estimated nuclides of {@link #ensemblePredictions} as nuclides
     * beyond the data set: trained 10 MeV below AME2020, NTK regression 20 MeV below with std 0.001 MeV.
     */
    void kernelPredictionsBeyond() {
        List<Row> rows = new ArrayList<>();
        for (String prediction : List.of("trained", "ntk")) {
            for (int z = 10; z <= 14; z++) {
                for (int n = z + 5; n <= z + 9; n++) {
                    double ame = 8.0 * (z + n);
                    boolean ntk = prediction.equals("ntk");
                    rows.add(row(ResultTables.KERNEL_PREDICTIONS, "activation", "relu", "mode", "cict", "depth", 4,
                            "prediction", prediction, "epochs", ntk ? null : 3000, "z", z, "n", n, "a", z + n, "element", "X",
                            "role", "beyond", "mean_mev", ame - (ntk ? 20 : 10), "std_mev", ntk ? 0.001 : null,
                            "ame_mev", ame, "ame_estimated", true, "ridge", 1e-6));
                }
            }
        }
        write(ResultTables.KERNEL_PREDICTIONS, rows);
    }

    /** Table {@code dataset} over the nuclides of {@link #residuals}, AME2020's value estimated where {@code N > 1.5 Z}. */
    void dataset() {
        List<Row> rows = new ArrayList<>();
        ResultTable dataset = ResultTables.dataset(List.of("z", "n"));
        int index = 0;
        for (int z = 8; z <= 100; z++) {
            for (int n = z; n <= (int) (1.5 * z) + 8; n++) {
                rows.add(row(dataset, "nuclide_index", index++, "z", z, "n", n, "a", n + z, "element", "X",
                        "binding_energy_mev", 8.0 * (n + z), "estimated", n > 1.5 * z, "split", "train"));
            }
        }
        write(dataset, rows);
    }

    /**
     * {@code predictions} and {@code runs} of two runs per width on the nuclides of {@link #residuals}:
     * run 0 converged, predicting B - {@code converged} MeV, run 1 a plateau, predicting B - {@code failed}.
     */
    void predictionsOfTwoRuns(List<Integer> widths, double converged, double failed) {
        List<Row> predictions = new ArrayList<>();
        List<Row> runs = new ArrayList<>();
        for (int width : widths) {
            for (int run = 0; run < 2; run++) {
                runs.add(row(ResultTables.RUNS, "activation", "relu", "mode", "cict", "width", width, "depth", 4, "run", run,
                        "status", "ok", "rmsd_mev", run == 0 ? converged : failed, "outcome", run == 0 ? "converged" : "plateau"));
                int index = 0;
                for (int z = 8; z <= 100; z++) {
                    for (int n = z; n <= (int) (1.5 * z) + 8; n++) {
                        predictions.add(row(ResultTables.PREDICTIONS, "activation", "relu", "mode", "cict", "width", width,
                                "depth", 4, "run", run, "nuclide_index", index++, "z", z, "n", n, "a", n + z, "element", "X",
                                "prediction_mev", 8.0 * (n + z) - (run == 0 ? converged : failed)));
                    }
                }
            }
        }
        write(ResultTables.PREDICTIONS, predictions);
        write(ResultTables.RUNS, runs);
    }

    /** A residual pattern. */
    @FunctionalInterface
    interface Residual {
        double at(int n, int z, int width);
    }

    /** Paper-like residuals: large and structured for narrow networks, small for wide ones. */
    static double paperLikeResidual(int n, int z, int width) {
        double scale = width <= 10 ? 25 : width >= 1000 ? 4 : 2;
        return scale * Math.sin(n / 9.0) * Math.cos(z / 13.0) + (Math.abs(n - 82) < 2 || Math.abs(z - 50) < 2 ? scale : 0);
    }

    static final String SWEEP_CONFIG = "{\"seed\":7,\"data\":{\"subset\":\"all\",\"inputs\":\"zn\",\"test-fraction\":0.0},"
            + "\"train\":{\"batch-size\":32,\"loss\":\"mae\",\"phases\":[{\"epochs\":5000,\"lambda-b\":0.01,\"lambda-w\":0.01},"
            + "{\"epochs\":15000,\"lambda-b\":0.001,\"lambda-w\":0.001}],\"adam\":{\"learning-rate\":1e-4,\"beta1\":0.9,\"beta2\":0.999}}}";
    static final String ENSEMBLE_CONFIG = "{\"seed\":7,\"ensemble\":{\"samples\":20000,\"sampler\":\"function\"}}";
}
