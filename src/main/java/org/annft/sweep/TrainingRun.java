package org.annft.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.annft.config.AnnftConfig;
import org.annft.config.Seeds;
import org.annft.data.BaselineFits;
import org.annft.data.BindingEnergyDataSet;
import org.annft.nn.Adam;
import org.annft.nn.FailureDiagnostics;
import org.annft.nn.Gemm;
import org.annft.nn.InitSpec;
import org.annft.nn.Initializer;
import org.annft.nn.Loss;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.OptimizerSpec;
import org.annft.nn.OptimizerKind;
import org.annft.nn.PhaseSchedule;
import org.annft.nn.Precision;
import org.annft.nn.FloatGemm;
import org.annft.nn.Samples;
import org.annft.nn.SeedStreams;
import org.annft.nn.Trainer;
import org.annft.nn.TrainingMode;
import org.annft.nn.TrainingResult;
import org.annft.nn.TrainingSpec;
import org.annft.theory.Activation;
import org.annft.theory.Activations;
import org.annft.theory.GlobalRate;
import org.annft.theory.Initialization;
import org.ejml.data.DMatrixRMaj;

/**
 * One training run on the binding-energy data, fully specified: the {@code train.*} settings (the
 * axes a sweep grids over) plus the run index. Immutable and serializable, so a sweep can ship it
 * to a Spark task.
 *
 * @param activation        activation name ({@link Activations#parse})
 * @param width             hidden width n
 * @param depth             l_out = L + 1 (the paper's depth; 4 = three hidden layers)
 * @param criticalInit      critical (C_W, C_b) of the activation, else {@code weightVariance}, {@code biasVariance}
 * @param weightVariance    C_W of every layer (resolved for critical initialization)
 * @param biasVariance      C_b of every layer (resolved for critical initialization)
 * @param trainingMode      critical or global learning rates (SGD only)
 * @param globalRate        how the global rates of {@code global} SGD and of averaged Adam rates are
 *                          averaged from the critical ones
 * @param optimizer         SGD or Adam
 * @param phases            SGD phases of raw rates
 * @param adam              Adam settings
 * @param adamRates         {@code averaged}: Adam's rates are the global rates ({@code globalRate}) of
 *                          the given raw rates (paper Sec. IV); {@code fixed}: the learning rate of
 *                          {@code adam} for every parameter
 * @param adamEpochs        epochs of an Adam run
 * @param batchSize         0 for full batch
 * @param precision         float64 or float32 arithmetic of the training
 * @param logEvery          loss-curve stride in epochs
 * @param loss              MAE or MSE
 * @param targetScale       targets are trained in MeV / targetScale
 * @param divergenceFactor  loss bound, relative to the initial loss
 * @param run               run index within its configuration
 * @param protocol          name of the sweep protocol these settings come from ({@code default} outside one);
 *                          a label only: it does not enter the seed
 */
public record TrainingRun(String activation, int width, int depth, boolean criticalInit, double weightVariance,
        double biasVariance,
        TrainingMode trainingMode, GlobalRate globalRate, OptimizerKind optimizer, PhaseSchedule phases,
        Adam.AdamSettings adam, AdamRates adamRates, int adamEpochs,
        int batchSize, Precision precision, int logEvery, Loss loss, double targetScale, double divergenceFactor, int run,
        String protocol)
        implements java.io.Serializable {

    /** The protocol name of runs that are not part of a protocol scan. */
    public static final String DEFAULT_PROTOCOL = "default";

    /**
     * What one run produced, with the sizes of the sets it was trained and tested on and the trained
     * network's predictions in MeV for every nuclide of the data set, in data-set order, the dead
     * fraction of every hidden layer on the training nuclides ({@link FailureDiagnostics}) and the
     * data set's linear and constant fits to compare the RMSD with.
     */
    public record Outcome(TrainingRun run, long seed, int trainSize, int testSize, TrainingResult result,
                          double[] predictionsMev, double[] deadUnitFractions, BaselineFits baselines) {
    }

    public TrainingRun {
        Activations.parse(activation);
        new Initialization(weightVariance, biasVariance);
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must be given");
        }
        if (adamRates == null) {
            throw new IllegalArgumentException("adam rates must be given");
        }
        if (globalRate == null) {
            throw new IllegalArgumentException("global rate rule must be given");
        }
        MlpArchitecture.ofDepth(1, width, depth, 1);
        if (precision == null) {
            throw new IllegalArgumentException("precision must be given");
        }
        if (protocol == null || protocol.isBlank()) {
            throw new IllegalArgumentException("a protocol name must not be empty");
        }
    }

    /** This run under the protocol name {@code name}; every setting stays. */
    public TrainingRun withProtocol(String name) {
        return new TrainingRun(activation, width, depth, criticalInit, weightVariance, biasVariance, trainingMode,
                globalRate, optimizer, phases, adam, adamRates, adamEpochs, batchSize, precision, logEvery, loss,
                targetScale, divergenceFactor, run, name);
    }

    /**
     * These training settings at one point of a sweep's grid: the network (activation, width,
     * depth), the mode's initialization, training mode and optimizer with the initialization's
     * (C_W, C_b), and the run index; the schedule, batch, precision and loss stay.
     */
    public TrainingRun at(String activation, int width, int depth, SweepMode mode, Initialization init, int run) {
        return new TrainingRun(activation, width, depth, mode.criticalInit(), init.weightVariance(), init.biasVariance(),
                mode.trainingMode(), globalRate, mode.optimizer(), phases, adam, adamRates, adamEpochs, batchSize,
                precision, logEvery, loss, targetScale, divergenceFactor, run, protocol);
    }

    /** This run with the SGD phases {@code schedule} and {@code epochs} Adam epochs; every other setting stays. */
    public TrainingRun withSchedule(PhaseSchedule schedule, int epochs) {
        return new TrainingRun(activation, width, depth, criticalInit, weightVariance, biasVariance, trainingMode,
                globalRate, optimizer, schedule, adam, adamRates, epochs, batchSize, precision, logEvery, loss,
                targetScale, divergenceFactor, run, protocol);
    }

    /** This run with batch size {@code size} (0 for full batch); every other setting stays. */
    public TrainingRun withBatchSize(int size) {
        return new TrainingRun(activation, width, depth, criticalInit, weightVariance, biasVariance, trainingMode,
                globalRate, optimizer, phases, adam, adamRates, adamEpochs, size, precision, logEvery, loss,
                targetScale, divergenceFactor, run, protocol);
    }

    /** A run of the {@link #DEFAULT_PROTOCOL}. */
    public TrainingRun(String activation, int width, int depth, boolean criticalInit, double weightVariance,
            double biasVariance, TrainingMode trainingMode, GlobalRate globalRate, OptimizerKind optimizer, PhaseSchedule phases,
            Adam.AdamSettings adam, AdamRates adamRates, int adamEpochs, int batchSize, Precision precision, int logEvery,
            Loss loss, double targetScale, double divergenceFactor, int run) {
        this(activation, width, depth, criticalInit, weightVariance, biasVariance, trainingMode, globalRate, optimizer,
                phases, adam, adamRates, adamEpochs, batchSize, precision, logEvery, loss, targetScale, divergenceFactor,
                run, DEFAULT_PROTOCOL);
    }

    /**
     * Reads and validates the {@code train.*} keys.
     *
     * @throws IllegalArgumentException naming the key and where it was set
     */
    public static TrainingRun fromConfig(AnnftConfig c) {
        String activation = c.parsed("train.activation", s -> Activations.parse(s).name());
        int width = c.positiveInt("train.width");
        int depth = c.intIn("train.depth", 1, 1000);
        boolean critical = c.choice("train.init", List.of("critical", "noncritical")).equals("critical");
        int outputLayer = depth;
        Initialization init = critical
                ? c.parsed("train.init", s -> InitSpec.critical(Activations.parse(activation), outputLayer).layer(1))
                : noncriticalInitialization(c);
        TrainingMode mode = c.parsed("train.mode", TrainingMode::parse);
        GlobalRate globalRate = c.parsed("train.global-rate", GlobalRate::parse);
        OptimizerKind optimizer = c.parsed("train.optimizer", OptimizerKind::parse);
        List<PhaseSchedule.Phase> phases = new ArrayList<>();
        for (AnnftConfig phase : c.objectList("train.phases")) {
            phases.add(new PhaseSchedule.Phase(phase.positiveInt("epochs"), phase.doubleIn("lambda-b", 0, 1e12),
                    phase.doubleIn("lambda-w", 0, 1e12)));
        }
        if (phases.isEmpty()) {
            throw c.problem("train.phases", "needs at least one phase {epochs, lambda-b, lambda-w}");
        }
        Adam.AdamSettings adam = new Adam.AdamSettings(c.doubleIn("train.adam.learning-rate", Double.MIN_VALUE, 1e3),
                c.doubleIn("train.adam.beta1", 0, 0.999999), c.doubleIn("train.adam.beta2", 0, 0.999999999),
                c.doubleIn("train.adam.epsilon", Double.MIN_VALUE, 1));
        return new TrainingRun(activation, width, depth, critical, init.weightVariance(), init.biasVariance(), mode,
                globalRate, optimizer, new PhaseSchedule(phases), adam,
                adamRates(c), c.positiveInt("train.adam.epochs"), c.intIn("train.batch-size", 0, Integer.MAX_VALUE),
                c.parsed("train.precision", Precision::parse),
                c.positiveInt("train.log-every"), c.parsed("train.loss", Loss::parse),
                c.doubleIn("train.target-scale", Double.MIN_VALUE, 1e9), c.doubleIn("train.divergence-factor", 1.000001, 1e300),
                c.intIn("train.run", 0, Integer.MAX_VALUE));
    }

    private static AdamRates adamRates(AnnftConfig c) {
        return c.choice("train.adam.rates", List.of("averaged", "fixed")).equals("fixed") ? AdamRates.fixed()
                : AdamRates.averaged(c.doubleIn("train.adam.raw-rates.lambda-b", 0, 1e12),
                        c.doubleIn("train.adam.raw-rates.lambda-w", 0, 1e12));
    }

    /** The (C_W, C_b) of non-critical initialization, from {@code train.noncritical.*}. */
    public static Initialization noncriticalInitialization(AnnftConfig c) {
        return new Initialization(c.doubleIn("train.noncritical.c-w", Double.MIN_VALUE, 1e6),
                c.doubleIn("train.noncritical.c-b", 0, 1e6));
    }

    /**
     * The paper's label: {@code cict}, {@code cint}, {@code nint} (and {@code nict}) for SGD from
     * (critical or non-critical initialization, critical or global training); {@code adam-cint} and
     * {@code adam-nint} for Adam, which has no critical training prescription (paper Sec. IV).
     */
    public String label() {
        String init = criticalInit ? "ci" : "ni";
        if (optimizer == OptimizerKind.ADAM) {
            return "adam-" + init + "nt";
        }
        return init + (trainingMode == TrainingMode.CRITICAL ? "ct" : "nt");
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
        String network = String.format(Locale.ROOT, "train/%s/n=%d/depth=%d/cw=%s/cb=%s", activation, width, depth,
                Double.toString(weightVariance), Double.toString(biasVariance));
        return Seeds.derive(masterSeed, network, run);
    }

    /** The network this run trains, initialized from {@code seed}. */
    public Mlp initialNetwork(int inputWidth, long seed) {
        Mlp network = new Mlp(architecture(inputWidth), Activations.parse(activation));
        Initializer.initialize(network, InitSpec.uniform(weightVariance, biasVariance, depth),
                SeedStreams.stream(seed, SeedStreams.INITIALIZATION));
        return network;
    }

    /** The network's architecture for inputs of width {@code inputWidth}. */
    public MlpArchitecture architecture(int inputWidth) {
        return MlpArchitecture.ofDepth(inputWidth, width, depth, 1);
    }

    /**
     * The optimizer of this run on inputs of width {@code inputWidth}. Averaged Adam rates are the
     * global rates of {@code adamRates}' raw rates (paper Sec. IV).
     */
    public OptimizerSpec optimizerSpec(int inputWidth) {
        MlpArchitecture architecture = architecture(inputWidth);
        Activation sigma = Activations.parse(activation);
        if (optimizer == OptimizerKind.ADAM) {
            if (!adamRates.isAveraged()) {
                return new OptimizerSpec.AdamSpec(adam, adamEpochs);
            }
            return new OptimizerSpec.AdamSpec(adam, adamEpochs, TrainingMode.GLOBAL.prescription(sigma, architecture,
                    globalRate).tensor(adamRates.rawBiasRate(), adamRates.rawWeightRate()));
        }
        return new OptimizerSpec.SgdSpec(phases, trainingMode.prescription(sigma, architecture, globalRate));
    }

    /**
     * The averaging rule in effect ({@code practice} or {@code raw-average}), or null when the run
     * uses no averaged rate (critical SGD, Adam with a fixed rate).
     */
    public String globalRateInEffect() {
        boolean averaged = optimizer == OptimizerKind.ADAM ? adamRates.isAveraged() : trainingMode == TrainingMode.GLOBAL;
        return averaged ? globalRate.configName() : null;
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

    /** Trains on the data set's training nuclides and evaluates on all of them (train and test). */
    public Outcome execute(BindingEnergyDataSet data, long masterSeed, Gemm gemm) {
        long seed = seed(masterSeed);
        Mlp network = initialNetwork(data.inputWidth(), seed);
        TrainingSpec spec = new TrainingSpec(loss, batchSize, logEvery, seed, targetScale, divergenceFactor);
        Samples train = split(data, false);
        Samples test = split(data, true);
        Trainer trainer = new Trainer(gemm, FloatGemm.blas(), precision);
        TrainingResult result = trainer.train(network, train, test, spec, optimizerSpec(data.inputWidth()));
        double[] predictions = trainer.predictMev(network, all(data), targetScale);
        double[] dead = FailureDiagnostics.deadUnitFractions(network, train.inputs(), gemm);
        return new Outcome(this, seed, train.size(), test.size(), result, predictions, dead, data.baselineFits());
    }

    /**
     * Wall seconds of each of the first {@code epochs} epochs of this run (see
     * {@link Trainer#epochSeconds}), for cost estimates.
     */
    public double[] epochSeconds(BindingEnergyDataSet data, long masterSeed, Gemm gemm, int epochs) {
        long seed = seed(masterSeed);
        Mlp network = initialNetwork(data.inputWidth(), seed);
        TrainingSpec spec = new TrainingSpec(loss, batchSize, logEvery, seed, targetScale, divergenceFactor);
        return new Trainer(gemm, FloatGemm.blas(), precision).epochSeconds(network, split(data, false), spec,
                optimizerSpec(data.inputWidth()), epochs);
    }

    /** The training ({@code test = false}) or test nuclides as samples: scaled inputs, binding energies in MeV. */
    static Samples split(BindingEnergyDataSet data, boolean test) {
        return samples(data, i -> data.isTest(i) == test);
    }

    /** Every nuclide of the data set as samples. */
    static Samples all(BindingEnergyDataSet data) {
        return samples(data, i -> true);
    }

    private static Samples samples(BindingEnergyDataSet data, java.util.function.IntPredicate keep) {
        int width = data.inputWidth();
        int count = 0;
        for (int i = 0; i < data.size(); i++) {
            count += keep.test(i) ? 1 : 0;
        }
        DMatrixRMaj inputs = new DMatrixRMaj(count, width);
        DMatrixRMaj targets = new DMatrixRMaj(count, 1);
        int row = 0;
        for (int i = 0; i < data.size(); i++) {
            if (keep.test(i)) {
                for (int j = 0; j < width; j++) {
                    inputs.set(row, j, data.input(i, j));
                }
                targets.set(row, 0, data.targetMev(i));
                row++;
            }
        }
        return new Samples(inputs, targets);
    }
}
