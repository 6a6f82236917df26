package org.annft.sweep;

import java.util.List;
import java.util.Locale;
import org.annft.config.AnnftConfig;
import org.annft.config.Seeds;
import org.annft.config.Setting;
import org.annft.data.BaselineFits;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.Target;
import org.annft.linalg.FloatGemm;
import org.annft.linalg.Gemm;
import org.annft.nn.InitSpec;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.NetworkSpec;
import org.annft.nn.SeedStreams;
import org.annft.ntk.NtkTracker;
import org.annft.predict.TrainedModel;
import org.annft.theory.Activation;
import org.annft.theory.Activations;
import org.annft.theory.Initialization;
import org.annft.theory.LearningRates;
import org.annft.train.FailureDiagnostics;
import org.annft.train.OptimizerKind;
import org.annft.train.OptimizerSpec;
import org.annft.train.Samples;
import org.annft.train.SweepMode;
import org.annft.train.Trainer;
import org.annft.train.TrainingCheckpoints;
import org.annft.train.TrainingMode;
import org.annft.train.TrainingResult;
import org.annft.train.TrainingSpec;
import org.ejml.data.DMatrixRMaj;

/**
 * One training run on the binding-energy data, fully specified: the network (activation, width,
 * depth), the mode, the protocol it trains by and the run index. Immutable and serializable, so a
 * sweep can ship it to a Spark task.
 *
 * @param activation activation name ({@link Activations#parse})
 * @param width      hidden width n
 * @param depth      l_out = L + 1 (the paper's depth; 4 = three hidden layers)
 * @param mode       initialization, rates and optimizer (CICT, CINT, NINT, NICT, Adam CINT, Adam NINT)
 * @param protocol   every other training setting
 * @param run        run index within its configuration
 */
public record TrainingRun(String activation, int width, int depth, SweepMode mode, TrainingProtocol protocol, int run)
        implements java.io.Serializable {

    /**
     * Everything that determines this run, as config keys and JSON values in a fixed order: the grid
     * keys, the protocol's name and every {@code train.*} setting of its protocol
     * ({@link TrainingProtocol#settings()}). Its checkpoint's identity is a hash of these.
     */
    public java.util.LinkedHashMap<String, String> settings() {
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        out.put("train.activation", org.annft.table.TextValues.jsonString(activation));
        out.put("train.mode", org.annft.table.TextValues.jsonString(mode.configName()));
        out.put("train.width", Integer.toString(width));
        out.put("train.depth", Integer.toString(depth));
        out.put("train.run", Integer.toString(run));
        out.put("sweep.protocol", org.annft.table.TextValues.jsonString(protocol.name()));
        out.putAll(protocol.settings());
        return out;
    }

    /**
     * What one run produced, with the sizes of the sets it was trained and tested on and the trained
     * network's predictions in MeV for every nuclide of the data set, in data-set order, the dead
     * fraction of every hidden layer on the training nuclides ({@link FailureDiagnostics}) and the
     * data set's linear and constant fits to compare the RMSD with, and the NTK snapshots at
     * {@code ntkNuclides} reference nuclides (none when no reference nuclide is in the data set), and
     * the trained network itself.
     */
    public record Outcome(TrainingRun run, long seed, int trainSize, int testSize, TrainingResult result,
                          double[] predictionsMev, double[] deadUnitFractions, BaselineFits baselines,
                          int ntkNuclides, List<NtkTracker.Snapshot> ntk, TrainedModel model) {
    }

    public static final Setting.Section SECTION = Setting.section("train", """
            Training one network (annft train; paper Sec. IV, Figs. 8-14). The same keys describe each
            point of a training sweep. The run's seed is derived from `seed`, the network (activation, width,
            depth, C_W, C_b) and `run`: runs that differ only in how they train (mode, optimizer, rates)
            start from the same network and shuffle in the same order.
            """);
    public static final Setting<String> ACTIVATION = Setting.named("train.activation", s -> Activations.parse(s).name(),
            "relu").meaning("""
            Activation name (see ensemble.activations).
            """);
    public static final Setting<Integer> WIDTH = Setting.integer("train.width", 1, Integer.MAX_VALUE, 120).meaning("""
            Hidden width n.
            """);
    public static final Setting<Integer> DEPTH = Setting.integer("train.depth", 1, 1000, 4).meaning("""
            Depth l_out = L + 1: hidden layers plus the linear output layer (the paper's depth 4 = three
            hidden layers). r = depth / width.
            """);
    /** How a single training initializes (config {@code train.init}). */
    public enum Init {
        CRITICAL, NONCRITICAL
    }

    public static final Setting<Init> INIT = Setting.choice("train.init", Init.class, Init.CRITICAL).meaning("""
            critical: the activation's critical (C_W, C_b) (ReLU 2, 0; tanh 1, 0) in every layer;
            noncritical: noncritical.c-w and noncritical.c-b in every layer.
            """);
    public static final Setting<TrainingMode> MODE = Setting.named("train.mode", TrainingMode::parse, "critical")
            .meaning("""
            SGD learning rates per layer from the raw rates of each phase: critical = paper Eqs. 38-39
            (CICT with critical init), a weight moving by (lambda_W^(l) / n_{l-1}) dL/dW, a bias by
            lambda_b^(l) dL/db; global = one weight rate and one bias rate for every layer, averaged from
            the critical ones as global-rate says (CINT, NINT).
            """);
    public static final Setting<OptimizerKind> OPTIMIZER = Setting.named("train.optimizer", OptimizerKind::parse, "sgd")
            .meaning("""
            sgd (with phases) or adam (with adam.*).
            """);
    public static final Setting<Integer> RUN = Setting.integer("train.run", 0, Integer.MAX_VALUE, 0).meaning("""
            Run index: repeated runs of one configuration differ only in this.
            """);

    public TrainingRun {
        Activation sigma = Activations.parse(activation);
        if (mode == null || protocol == null) {
            throw new IllegalArgumentException("a run needs a mode and a protocol");
        }
        MlpArchitecture.ofDepth(1, width, depth, 1);
        if (mode.criticalInit()) {
            InitSpec.critical(sigma, depth);
        } else {
            protocol.noncritical().resolve(sigma);
        }
        if (run < 0) {
            throw new IllegalArgumentException("run index must be >= 0, got " + run);
        }
    }

    /** The run {@code index} of this network, mode and protocol. */
    public TrainingRun withRun(int index) {
        return new TrainingRun(activation, width, depth, mode, protocol, index);
    }

    /** This run trained by {@code other}; network, mode and run index stay. */
    public TrainingRun withProtocol(TrainingProtocol other) {
        return new TrainingRun(activation, width, depth, mode, other, run);
    }

    /**
     * Reads and validates the {@code train.*} keys: one run of the protocol {@link TrainingProtocol#DEFAULT}.
     *
     * @throws org.annft.config.InvalidSettingException naming the key and where it was set
     */
    public static TrainingRun fromConfig(AnnftConfig c) {
        String activation = ACTIVATION.read(c);
        int width = WIDTH.read(c);
        int depth = DEPTH.read(c);
        boolean critical = INIT.read(c) == Init.CRITICAL;
        if (critical) {
            c.parsed(INIT.key(), s -> InitSpec.critical(Activations.parse(activation), depth));
        }
        SweepMode mode = SweepMode.of(critical, MODE.read(c), OPTIMIZER.read(c));
        return new TrainingRun(activation, width, depth, mode, TrainingProtocol.fromConfig(TrainingProtocol.DEFAULT, c),
                RUN.read(c));
    }

    /**
     * (C_W, C_b) of every layer: the activation's critical point for the critical modes, the
     * protocol's non-critical values otherwise.
     */
    public Initialization initialization() {
        return mode.criticalInit() ? InitSpec.critical(Activations.parse(activation), depth).layer(1)
                : protocol.noncritical().resolve(Activations.parse(activation));
    }

    /** C_W of every layer. */
    public double weightVariance() {
        return initialization().weightVariance();
    }

    /** C_b of every layer. */
    public double biasVariance() {
        return initialization().biasVariance();
    }

    /** The epochs this run trains. */
    public int epochs() {
        return protocol.epochs(mode);
    }

    /** The unit of this run's losses: the loss on its target ({@code MeV}, {@code MeV per nucleon}, squared for MSE). */
    public String lossUnit() {
        return protocol.loss().unit(protocol.target().unit());
    }

    /** The depth-to-width ratio {@code r = l_out / n}. */
    public double aspectRatio() {
        return (double) depth / width;
    }

    /**
     * The run's seed, from the master seed, the network (activation, width, depth, initialization)
     * and the run index only: runs that differ only in how they train (mode, optimizer, protocol) start from the same
     * network, so CICT, CINT, Adam and the protocols of a scan are compared on identical initial conditions.
     */
    public long seed(long masterSeed) {
        Initialization init = initialization();
        String network = String.format(Locale.ROOT, "train/%s/n=%d/depth=%d/cw=%s/cb=%s", activation, width, depth,
                Double.toString(init.weightVariance()), Double.toString(init.biasVariance()));
        return Seeds.derive(masterSeed, network, run);
    }

    /** The network this run trains, on inputs of width {@code inputWidth}: l_out = depth, one output. */
    public NetworkSpec network(int inputWidth) {
        Initialization init = initialization();
        return NetworkSpec.uniform(Activations.parse(activation), inputWidth, width, depth - 1, init.weightVariance(),
                init.biasVariance());
    }

    /** The network this run trains, initialized from {@code seed}. */
    public Mlp initialNetwork(int inputWidth, long seed) {
        NetworkSpec spec = network(inputWidth);
        Mlp network = spec.newNetwork();
        spec.initialize(network, SeedStreams.stream(seed, SeedStreams.INITIALIZATION));
        return network;
    }

    /**
     * The optimizer of this run on inputs of width {@code inputWidth}. Averaged Adam rates are the
     * global rates of the protocol's Adam raw rates (paper Sec. IV).
     */
    public OptimizerSpec optimizerSpec(int inputWidth) {
        NetworkSpec network = network(inputWidth);
        MlpArchitecture architecture = network.architecture();
        Activation sigma = network.activation();
        if (mode.optimizer() == OptimizerKind.ADAM) {
            AdamSchedule adam = protocol.adam();
            if (!adam.rates().isAveraged()) {
                return new OptimizerSpec.AdamSpec(adam.settings(), adam.epochs());
            }
            return new OptimizerSpec.AdamSpec(adam.settings(), adam.epochs(), TrainingMode.GLOBAL.prescription(sigma,
                    architecture, protocol.globalRate()).tensor(adam.rates().rawBiasRate(), adam.rates().rawWeightRate()));
        }
        return new OptimizerSpec.SgdSpec(protocol.phases(), mode.trainingMode().prescription(sigma, architecture,
                protocol.globalRate()));
    }

    /**
     * The averaging rule in effect ({@code practice} or {@code raw-average}), or null when the run
     * uses no averaged rate (critical SGD, Adam with a fixed rate).
     */
    public String globalRateInEffect() {
        boolean averaged = mode.optimizer() == OptimizerKind.ADAM ? protocol.adam().rates().isAveraged() : mode.globalRates();
        return averaged ? protocol.globalRate().configName() : null;
    }

    /**
     * About how much memory one training of this run takes on {@code samples} nuclides of
     * {@code inputWidth} inputs: six copies of its P parameters (parameters, gradients, the initial
     * network for the parameter changes, Adam's two moments or SGD's work arrays, a float32 copy)
     * and two activations per unit and nuclide for full-set evaluations, in doubles.
     */
    public long memoryBytes(int inputWidth, int samples) {
        double parameters = (double) inputWidth * width + width + (depth - 2) * ((double) width * width + width) + width + 1;
        return (long) Math.min(Long.MAX_VALUE, 8 * (6 * parameters + 2.0 * samples * width * depth));
    }

    private TrainingSpec trainingSpec(long seed) {
        return new TrainingSpec(protocol.loss(), protocol.batchSize(), protocol.logEvery(), seed, protocol.targetScale(),
                protocol.divergenceFactor());
    }

    /** Trains on the data set's training nuclides and evaluates on all of them (train and test). */
    public Outcome execute(BindingEnergyDataSet data, long masterSeed, Gemm gemm) {
        return execute(data, masterSeed, gemm, epoch -> { });
    }

    /** As {@link #execute(BindingEnergyDataSet, long, Gemm)}, telling {@code afterEpoch} each epoch done. */
    public Outcome execute(BindingEnergyDataSet data, long masterSeed, Gemm gemm, java.util.function.IntConsumer afterEpoch) {
        return execute(data, masterSeed, gemm, afterEpoch, TrainingCheckpoints.NONE);
    }

    /**
     * As {@link #execute(BindingEnergyDataSet, long, Gemm, java.util.function.IntConsumer)}, continuing
     * from the state {@code checkpoints} resumes and saving states as it asks: the outcome is the
     * uninterrupted run's, bit for bit, but for the wall seconds.
     */
    public Outcome execute(BindingEnergyDataSet data, long masterSeed, Gemm gemm, java.util.function.IntConsumer afterEpoch,
                           TrainingCheckpoints checkpoints) {
        return execute(data, masterSeed, gemm, FloatGemm.blas(), afterEpoch, checkpoints);
    }

    /**
     * As {@link #execute(BindingEnergyDataSet, long, Gemm, java.util.function.IntConsumer, TrainingCheckpoints)},
     * float32 products on {@code floatGemm} (e.g. both split over a wide run's threads).
     */
    public Outcome execute(BindingEnergyDataSet data, long masterSeed, Gemm gemm, FloatGemm floatGemm,
                           java.util.function.IntConsumer afterEpoch, TrainingCheckpoints checkpoints) {
        long seed = seed(masterSeed);
        Mlp network = initialNetwork(data.inputWidth(), seed);
        TrainingSpec spec = trainingSpec(seed);
        Samples train = split(data, false, seed);
        Samples test = split(data, true, seed);
        Trainer trainer = new Trainer(gemm, floatGemm, protocol.precision());
        NtkTracker ntk = ntkTracker(data, network, gemm);
        TrainingResult result = trainer.train(network, train, test, spec, optimizerSpec(data.inputWidth()), ntk, afterEpoch,
                checkpoints);
        double[] predictions = trainer.predictMev(network, all(data), protocol.targetScale());
        double[] dead = FailureDiagnostics.deadUnitFractions(network, train.inputs(), gemm);
        return new Outcome(this, seed, train.size(), test.size(), result, predictions, dead,
                data.baselineFits(protocol.target()), ntk == null ? 0 : ntk.references(),
                ntk == null ? List.of() : ntk.snapshots(), TrainedModel.of(network, data.spec().inputs(), data.scaler(),
                        protocol.target(), protocol.targetScale(), protocol.precision()));
    }

    /**
     * The NTK tracker of this run: the protocol's reference nuclides found in the data set, their
     * scaled inputs and targets in training units, and the mode's learning-rate tensor at raw rates 1;
     * null when no reference nuclide is in the data set.
     */
    NtkTracker ntkTracker(BindingEnergyDataSet data, Mlp network, Gemm gemm) {
        List<Integer> found = new java.util.ArrayList<>();
        for (List<Integer> zn : protocol.ntk().nuclides()) {
            for (int i = 0; i < data.size(); i++) {
                if (data.nuclides().get(i).z() == zn.get(0) && data.nuclides().get(i).n() == zn.get(1)) {
                    found.add(i);
                    break;
                }
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        DMatrixRMaj inputs = new DMatrixRMaj(found.size(), data.inputWidth());
        double[] targets = new double[found.size()];
        for (int r = 0; r < found.size(); r++) {
            double[] x = data.scaledInputs(data.nuclides().get(found.get(r)));
            System.arraycopy(x, 0, inputs.data, r * x.length, x.length);
            targets[r] = data.target(protocol.target(), found.get(r)) / protocol.targetScale();
        }
        LearningRates rates = mode.trainingMode().prescription(network.activation(), network.architecture(),
                protocol.globalRate()).tensor(1.0, 1.0);
        return new NtkTracker(inputs, targets, rates, gemm, protocol.ntk().every());
    }

    /**
     * Wall seconds of each of the first {@code epochs} epochs of this run (see
     * {@link Trainer#epochSeconds}), for cost estimates.
     */
    public double[] epochSeconds(BindingEnergyDataSet data, long masterSeed, Gemm gemm, FloatGemm floatGemm, int epochs) {
        long seed = seed(masterSeed);
        Mlp network = initialNetwork(data.inputWidth(), seed);
        TrainingSpec spec = trainingSpec(seed);
        return new Trainer(gemm, floatGemm, protocol.precision()).epochSeconds(network, split(data, false, seed), spec,
                optimizerSpec(data.inputWidth()), epochs);
    }

    /**
     * The training ({@code test = false}) or test nuclides as samples: scaled inputs, the protocol's
     * target in MeV (per nucleon for B/A), reported as total B; the training nuclides resampled from
     * {@code seed} when the protocol bootstraps.
     */
    Samples split(BindingEnergyDataSet data, boolean test, long seed) {
        Samples out = samples(data, protocol.target(), i -> data.isTest(i) == test);
        return !test && protocol.bootstrap() ? out.resample(SeedStreams.stream(seed, SeedStreams.BOOTSTRAP)) : out;
    }

    /** Every nuclide of the data set as samples of the protocol's target. */
    Samples all(BindingEnergyDataSet data) {
        return samples(data, protocol.target(), i -> true);
    }

    private static Samples samples(BindingEnergyDataSet data, Target target, java.util.function.IntPredicate keep) {
        int width = data.inputWidth();
        int count = 0;
        for (int i = 0; i < data.size(); i++) {
            count += keep.test(i) ? 1 : 0;
        }
        DMatrixRMaj inputs = new DMatrixRMaj(count, width);
        DMatrixRMaj targets = new DMatrixRMaj(count, 1);
        double[] reportScales = new double[count];
        int row = 0;
        for (int i = 0; i < data.size(); i++) {
            if (keep.test(i)) {
                for (int j = 0; j < width; j++) {
                    inputs.set(row, j, data.input(i, j));
                }
                targets.set(row, 0, data.target(target, i));
                reportScales[row] = data.nucleonsPerTarget(target, i);
                row++;
            }
        }
        return new Samples(inputs, targets, reportScales);
    }
}
