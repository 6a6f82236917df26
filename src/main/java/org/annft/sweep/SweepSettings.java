package org.annft.sweep;

import java.util.ArrayList;
import java.util.List;
import org.annft.config.AnnftConfig;
import org.annft.config.Seeds;
import org.annft.config.Setting;
import org.annft.nn.InitSpec;
import org.annft.theory.Activations;
import org.annft.train.SweepMode;

/**
 * The {@code sweep.*} and {@code table.*} settings, validated, and the grid of training runs they
 * span: activations x modes x widths x depths x protocols x run index, every run otherwise trained
 * as its protocol's {@code train.*} settings say (one protocol, {@code default}, when
 * {@code sweep.protocols} is empty).
 */
public record SweepSettings(long seed, List<TrainingProtocol> protocols, List<String> activations,
                            List<SweepMode> modes, List<Integer> widths, List<Integer> depths, int runsPerConfiguration,
                            double cutoffMev, double outlierIqrFactor, boolean kernelBaseline, double kernelRidge,
                            double checkpointSeconds, WideRuns wideRuns)
        implements java.io.Serializable {

    public static final Setting.Section SECTION = Setting.section("sweep", """
            Training sweeps (annft sweep; paper Sec. IV, Figs. 8-14, Table I). The grid is
            activations x modes x widths x depths x protocols x runs; each run is trained as train.* with its
            protocol's overrides says (train.activation, width, depth, init, mode, optimizer and run are set
            by the grid).
            """);
    public static final Setting<List<String>> ACTIVATIONS = Setting.names("sweep.activations",
            a -> Activations.parse(a).name(), "relu");
    public static final Setting<List<SweepMode>> MODES = Setting.names("sweep.modes", SweepMode::parse, "cict", "nint")
            .meaning("""
            cict, cint, nint, nict: SGD with critical (ci) or non-critical (ni) initialization and critical
            per-layer (ct) or global averaged (nt) learning rates; adam-cint, adam-nint: Adam.
            """);
    public static final Setting<List<Integer>> WIDTHS = Setting.integers("sweep.widths", 1, 1_000_000, 120).meaning("""
            Hidden widths n and depths l_out = hidden layers + 1 (r = l_out / n).
            """);
    public static final Setting<List<Integer>> DEPTHS = Setting.integers("sweep.depths", 2, 1000, 4);
    public static final Setting<Integer> RUNS = Setting.integer("sweep.runs", 1, 1_000_000, 3).meaning("""
            Trainings per configuration (100 in the paper); they differ only in their seeds.
            """);
    public static final Setting<Double> CHECKPOINT_SECONDS = Setting.number("sweep.checkpoint.every-seconds", 0, 1e9,
            300.0).meaning("""
            A run saves its state (parameters, optimizer state, epoch, loss curve, NTK snapshots) under
            <out>/_sweep_runs/ at the first epoch boundary after each this-many seconds of training, and
            a run restarted (a lost executor, a rerun sweep) continues from its latest state, ending bit for
            bit as it would have uninterrupted. Runs shorter than this save nothing; 0 saves never.
            """);
    public static final Setting<Double> CUTOFF_MEV = Setting.number("table.cutoff-mev", 0, 1e9, 100.0).meaning("""
            Runs with an RMSD above this (MeV) or NaN are failed: left out of Table I's mean and std and
            counted in failed_fraction (100 MeV in Table I, 30 MeV in Fig. 13).
            """);
    public static final Setting<Double> OUTLIER_IQR_FACTOR = Setting.number("table.outlier-iqr-factor", 0, 1e6, 1.5)
            .meaning("""
            Figs. 10-12 average each parameter-change measure over runs without outliers: values outside
            [Q1 - k IQR, Q3 + k IQR] are left out, with k this factor (Tukey's 1.5; 0 keeps only the
            interquartile range itself, the paper's literal wording).
            """);

    public SweepSettings {
        protocols = List.copyOf(protocols);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one protocol");
        }
        activations = List.copyOf(activations);
        modes = List.copyOf(modes);
        widths = List.copyOf(widths);
        depths = List.copyOf(depths);
    }

    public static SweepSettings fromConfig(AnnftConfig c) {
        List<String> activations = ACTIVATIONS.read(c);
        List<SweepMode> modes = MODES.read(c);
        List<Integer> depths = DEPTHS.read(c);
        for (SweepMode mode : modes.stream().filter(SweepMode::criticalInit).toList()) {
            for (String activation : activations) {
                try {
                    InitSpec.critical(Activations.parse(activation), depths.get(0));
                } catch (IllegalArgumentException e) {
                    throw c.problem(MODES.key(), "mode " + mode.configName() + " needs a critical initialization: "
                            + e.getMessage());
                }
            }
        }
        return new SweepSettings(Seeds.MASTER.read(c), TrainingProtocol.sweepProtocols(c), activations, modes,
                WIDTHS.read(c), depths, RUNS.read(c), CUTOFF_MEV.read(c), OUTLIER_IQR_FACTOR.read(c),
                KernelBaselines.ENABLED.read(c), KernelBaselines.RIDGE.read(c), CHECKPOINT_SECONDS.read(c),
                WideRuns.fromConfig(c));
    }

    /** Every run of the grid, in nesting order. */
    public List<TrainingRun> runs() {
        List<TrainingRun> out = new ArrayList<>();
        for (String activation : activations) {
            for (SweepMode mode : modes) {
                for (int width : widths) {
                    for (int depth : depths) {
                        for (TrainingProtocol protocol : protocols) {
                            for (int run = 0; run < runsPerConfiguration; run++) {
                                out.add(new TrainingRun(activation, width, depth, mode, protocol, run));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Configurations in the grid (runs / runs per configuration). */
    public int configurations() {
        return activations.size() * modes.size() * widths.size() * depths.size() * protocols.size();
    }
}
