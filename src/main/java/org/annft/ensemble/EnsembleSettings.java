package org.annft.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.annft.config.AnnftConfig;
import org.annft.config.Seeds;
import org.annft.config.Setting;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.DataSource;
import org.annft.data.Nuclide;
import org.annft.nn.InitSpec;
import org.annft.theory.Activations;
import org.annft.theory.GlobalRate;
import org.annft.theory.Initialization;
import org.annft.train.TrainingMode;

/**
 * The {@code ensemble.*} settings, validated, and the grid of configurations they span:
 * activations x C_W x C_b x widths x hidden layers, in that nesting order.
 */
public record EnsembleSettings(long seed, long samples, SamplerKind sampler, int chunkSize, List<String> activations,
                               List<Double> cW, List<Double> cB, List<Integer> widths, List<Integer> hiddenLayers,
                               List<double[]> inputs, List<String> inputLabels, int bins, double rangeSigmas,
                               long keepSamples, boolean criticalInit, NtkSettings ntk) implements java.io.Serializable {

    public static final Setting.Section SECTION = Setting.section("ensemble", """
            Initialization ensembles (annft init-ensemble; paper Sec. III, Figs. 4-7). The grid is
            activations x c-w x c-b x widths x hidden-layers, every point sampled `samples` times.
            """);
    public static final Setting<Integer> SAMPLES = Setting.integer("ensemble.samples", 1, Integer.MAX_VALUE, 500000)
            .meaning("""
            Networks per configuration (500000 in the paper).
            """);
    public static final Setting<SamplerKind> SAMPLER = Setting.named("ensemble.sampler", SamplerKind::parse, "function")
            .meaning("""
            function: exact layer-by-layer conditional Gaussians, O(n k^2) per layer (default);
            weight: the trainer's initialization and forward pass, every weight and bias drawn,
            O(n^2 k) per layer (the reference).
            """);
    public static final Setting<Integer> CHUNK_SIZE = Setting.integer("ensemble.chunk-size", 1, Integer.MAX_VALUE, 10000)
            .meaning("""
            Samples per Spark task. Chunks are fixed by this setting alone, so results do not depend on
            partitioning; each chunk has its own random stream. Each chunk's 16 contiguous sub-batches
            are the batches of the batch-means standard errors of V/n and the excess kurtosis.
            """);
    public static final Setting<List<String>> ACTIVATIONS = Setting.<String>names("ensemble.activations", a -> {
        Activations.parse(a); // checks the name; the ensemble keeps it as written
        return a;
    }, "relu").meaning("""
            Activation names: relu, leaky-relu[:slope], linear, tanh, sin, softplus, shifted-softplus, gelu, swish.
            """);
    public static final Setting<List<Double>> C_W = Setting.numbers("ensemble.c-w", Double.MIN_VALUE, 1e6, 2.0)
            .meaning("""
            Weight and bias variances C_W > 0 and C_b >= 0, the same in every layer.
            """);
    public static final Setting<List<Double>> C_B = Setting.numbers("ensemble.c-b", 0, 1e6, 0.0);
    public static final Setting<List<Integer>> WIDTHS = Setting.integers("ensemble.widths", 1, 1_000_000, 120)
            .meaning("""
            Hidden widths n and numbers of hidden layers L; the output layer L + 1 has one neuron.
            """);
    public static final Setting<List<Integer>> HIDDEN_LAYERS = Setting.integers("ensemble.hidden-layers", 1, 10_000, 2);
    /** (Z, N) of each nuclide input. */
    public static final Setting<List<int[]>> INPUTS = Setting.objects("ensemble.inputs", "[{z = 26, n = 30}]",
            e -> new int[] {DataSource.Z.read(e), DataSource.N.read(e)})
            .meaning("""
            Inputs given as nuclides, scaled with the data set's MinMax scaler (data.*).
            """);
    public static final Setting<List<double[]>> RAW_INPUTS = Setting.custom("ensemble.raw-inputs", "[]",
            AnnftConfig::numberMatrix).meaning("""
            Inputs given as vectors used as they are, e.g. [[-1.5], [-0.5], [0.5], [1.5]] (paper Fig. 5);
            when not empty they replace `inputs`.
            """);
    public static final Setting<Integer> BINS = Setting.integer("ensemble.histogram.bins", 1, 100_000, 100).meaning("""
            Bins per histogram (paper Fig. 4), over [-range-sigmas, +range-sigmas] x sqrt(theory kernel).
            """);
    public static final Setting<Double> RANGE_SIGMAS = Setting.number("ensemble.histogram.range-sigmas", 1e-3, 1e3, 6.0);
    public static final Setting<Integer> KEEP_SAMPLES = Setting.integer("ensemble.keep-samples", 0, 10_000_000, 0)
            .meaning("""
            Keep the first this-many raw samples of every configuration as table init_samples (0: none).
            """);

    public static final Setting<Boolean> CRITICAL_INIT = Setting.bool("ensemble.critical-init", false).meaning("""
            true: every activation at its own critical (C_W, C_b) (ReLU 2, 0; tanh 1, 0), and c-w, c-b are
            not used; false: the grid's c-w x c-b.
            """);
    public static final Setting<Boolean> NTK = Setting.bool("ensemble.ntk", false).meaning("""
            Measure the empirical NTK of every network (table init_ntk): the NTK of the first neuron of each
            layer at every pair of inputs, with the learning rates ntk-rates at raw rates 1. Needs the
            explicit networks: sampler = weight.
            """);
    public static final Setting<TrainingMode> NTK_RATES = Setting.named("ensemble.ntk-rates", TrainingMode::parse,
            "critical").meaning("""
            critical: per-layer critical rates (paper Eqs. 38-39); global: one weight and one bias rate for every
            layer, averaged as ntk-global-rate says (see train.global-rate).
            """);
    public static final Setting<GlobalRate> NTK_GLOBAL_RATE = Setting.named("ensemble.ntk-global-rate",
            GlobalRate::parse, "practice");

    /** A grid over c-w x c-b that measures no NTK. */
    public EnsembleSettings(long seed, long samples, SamplerKind sampler, int chunkSize, List<String> activations,
                            List<Double> cW, List<Double> cB, List<Integer> widths, List<Integer> hiddenLayers,
                            List<double[]> inputs, List<String> inputLabels, int bins, double rangeSigmas,
                            long keepSamples) {
        this(seed, samples, sampler, chunkSize, activations, cW, cB, widths, hiddenLayers, inputs, inputLabels, bins,
                rangeSigmas, keepSamples, false, null);
    }

    /** These settings measuring the NTK as {@code settings} says (null: no NTK). */
    public EnsembleSettings withNtk(NtkSettings settings) {
        return new EnsembleSettings(seed, samples, sampler, chunkSize, activations, cW, cB, widths, hiddenLayers, inputs,
                inputLabels, bins, rangeSigmas, keepSamples, criticalInit, settings);
    }

    /** These settings with every activation at its critical point ({@code true}) or over the c-w x c-b grid. */
    public EnsembleSettings withCriticalInit(boolean critical) {
        return new EnsembleSettings(seed, samples, sampler, chunkSize, activations, cW, cB, widths, hiddenLayers, inputs,
                inputLabels, bins, rangeSigmas, keepSamples, critical, ntk);
    }

    public EnsembleSettings {
        if (ntk != null && sampler != SamplerKind.WEIGHT) {
            throw new IllegalArgumentException("the NTK needs the explicit networks of the weight sampler");
        }
        activations = List.copyOf(activations);
        inputs = inputs.stream().map(double[]::clone).toList();
        inputLabels = List.copyOf(inputLabels);
    }

    /**
     * Reads and validates the settings. Nuclide inputs are looked up in the AME2020 table and
     * scaled with the data set's MinMax scaler; raw inputs need no table.
     */
    public static EnsembleSettings fromConfig(AnnftConfig c, java.util.function.Consumer<String> warnings) {
        List<String> activations = ACTIVATIONS.read(c);
        SamplerKind sampler = SAMPLER.read(c);
        List<double[]> inputs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<double[]> raw = RAW_INPUTS.read(c);
        if (!raw.isEmpty()) {
            for (double[] x : raw) {
                if (x.length != raw.get(0).length) {
                    throw c.problem(RAW_INPUTS.key(), "all inputs must have the same width");
                }
                inputs.add(x);
                labels.add(java.util.Arrays.toString(x));
            }
        } else {
            List<int[]> nuclides = INPUTS.read(c);
            if (nuclides.isEmpty()) {
                throw c.problem(INPUTS.key(), "give at least one nuclide {z = .., n = ..} or set ensemble.raw-inputs");
            }
            BindingEnergyDataSet data = DataSource.fromConfig(c).load(warnings);
            for (int[] nuclide : nuclides) {
                int z = nuclide[0];
                int n = nuclide[1];
                Nuclide x = data.nuclides().stream().filter(m -> m.z() == z && m.n() == n).findFirst()
                        .orElseThrow(() -> c.problem(INPUTS.key(), "no nuclide Z=" + z + " N=" + n + " in the data set"));
                inputs.add(data.scaledInputs(x));
                labels.add(x.label());
            }
        }
        boolean critical = CRITICAL_INIT.read(c);
        if (critical) {
            for (String a : activations) {
                c.parsed(CRITICAL_INIT.key(), x -> InitSpec.critical(Activations.parse(a), 1));
            }
        }
        NtkSettings ntk = null;
        if (NTK.read(c)) {
            if (sampler != SamplerKind.WEIGHT) {
                throw c.problem(NTK.key(), "the NTK needs the explicit networks: set ensemble.sampler = weight");
            }
            ntk = new NtkSettings(NTK_RATES.read(c), NTK_GLOBAL_RATE.read(c));
        }
        return new EnsembleSettings(Seeds.MASTER.read(c), SAMPLES.read(c), sampler, CHUNK_SIZE.read(c), activations,
                C_W.read(c), C_B.read(c), WIDTHS.read(c), HIDDEN_LAYERS.read(c), inputs, labels, BINS.read(c),
                RANGE_SIGMAS.read(c), KEEP_SAMPLES.read(c), critical, ntk);
    }

    /** The grid, with ids in nesting order. */
    public List<EnsembleConfiguration> configurations() {
        double[][] x = inputs.toArray(double[][]::new);
        List<EnsembleConfiguration> out = new ArrayList<>();
        for (String a : activations) {
            List<double[]> initializations = new ArrayList<>();
            if (criticalInit) {
                Initialization critical = InitSpec.critical(Activations.parse(a), 1).layer(1);
                initializations.add(new double[] {critical.weightVariance(), critical.biasVariance()});
            } else {
                for (double w : cW) {
                    for (double b : cB) {
                        initializations.add(new double[] {w, b});
                    }
                }
            }
            for (double[] init : initializations) {
                for (int n : widths) {
                    for (int l : hiddenLayers) {
                        out.add(new EnsembleConfiguration(out.size(), a, init[0], init[1], n, l, x, sampler));
                    }
                }
            }
        }
        return out;
    }

    /** Chunks per configuration: {@code ceil(samples / chunk-size)}. */
    public long chunks() {
        return (samples + chunkSize - 1) / chunkSize;
    }

    /**
     * The chunk tasks, chunk-major (all configurations' chunk 0, then chunk 1, ...) so that any
     * contiguous slice mixes cheap and expensive configurations.
     */
    public List<ChunkTask> tasks(List<EnsembleConfiguration> configurations) {
        long chunks = chunks();
        List<ChunkTask> out = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            long first = (long) chunk * chunkSize;
            int size = (int) Math.min(chunkSize, samples - first);
            for (EnsembleConfiguration c : configurations) {
                out.add(new ChunkTask(c.id(), chunk, first, size,
                        org.annft.config.Seeds.derive(seed, c.key(), chunk)));
            }
        }
        return out;
    }
}
