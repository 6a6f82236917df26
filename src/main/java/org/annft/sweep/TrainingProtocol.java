package org.annft.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.annft.config.AnnftConfig;
import org.annft.config.InvalidSettingException;
import org.annft.config.Setting;
import org.annft.data.DataSource;
import org.annft.data.Target;
import org.annft.theory.GlobalRate;
import org.annft.train.Adam;
import org.annft.train.Loss;
import org.annft.train.PhaseSchedule;
import org.annft.train.Precision;
import org.annft.train.SweepMode;
import org.annft.table.TextValues;

/**
 * One named way of training: every {@code train.*} setting except the network and the mode, which
 * a sweep grids over. A sweep's {@code sweep.protocols} make it an axis of the grid, each element
 * the {@code train.*} settings with its overrides applied ({@code sweep.protocols[i].train}).
 *
 * @param name              unique in the sweep (the {@code protocol} column of every table); a label
 *                          only, it does not enter the seed
 * @param phases            SGD phases of raw rates
 * @param globalRate        how the global rates of CINT and NINT, and the averaged Adam rates, are
 *                          averaged from the critical ones
 * @param adam              Adam's settings, rates and epochs
 * @param noncritical       (C_W, C_b) of the non-critical modes (NINT, NICT, Adam NINT)
 * @param batchSize         0 for full batch
 * @param precision         float64 or float32 arithmetic
 * @param loss              MAE or MSE
 * @param target            what the network learns, B or B/A (predictions are total B either way)
 * @param targetScale       targets are trained in their unit / targetScale
 * @param divergenceFactor  loss bound, relative to the initial loss
 * @param logEvery          loss-curve stride in epochs
 * @param ntk               where and when the empirical NTK is recorded
 * @param bootstrap         train on a resample, with replacement, of the training nuclides, drawn from the run's seed
 */
public record TrainingProtocol(String name, PhaseSchedule phases, GlobalRate globalRate, AdamSchedule adam,
        NoncriticalInit noncritical, int batchSize, Precision precision, Loss loss, Target target, double targetScale,
        double divergenceFactor, int logEvery, NtkRecording ntk, boolean bootstrap) implements java.io.Serializable {

    /** The name of the protocol made of the {@code train.*} keys alone. */
    public static final String DEFAULT = "default";

    /** The {@code train.*} keys the sweep grid sets, which a protocol therefore must not. */
    static final List<String> GRID_KEYS = List.of("activation", "width", "depth", "init", "mode", "optimizer", "run");

    public static final Setting<java.util.OptionalDouble> NONCRITICAL_C_W = Setting.named("train.noncritical.c-w",
            NoncriticalInit::parseWeightVariance, NoncriticalInit.HALF_CRITICAL).meaning("""
            (C_W, C_b) of non-critical initialization (NINT, NICT, Adam NINT), in every layer; the paper
            does not state them. Default: half the activation's critical C_W with its critical C_b (ReLU
            (1, 0), tanh (0.5, 0)), so each activation's kernel decays with depth instead of staying at its
            fixed point (a C_W of 1 would be tanh's critical point). Numbers set them for every
            activation; an activation without a critical point (softplus) needs numbers. runs.c_w and
            runs.c_b record what each run used.
            """);
    public static final Setting<java.util.OptionalDouble> NONCRITICAL_C_B = Setting.named("train.noncritical.c-b",
            NoncriticalInit::parseBiasVariance, NoncriticalInit.CRITICAL);
    public static final Setting<GlobalRate> GLOBAL_RATE = Setting.named("train.global-rate", GlobalRate::parse, "practice")
            .meaning("""
            How the global rates (mode = global, and adam.rates = averaged) are averaged over the layers:
            practice = the paper's (Sec. IV, after Eq. 39): the mean of the rates used in practice,
            lambda_W^(l) / n_{l-1} for weights and lambda_b^(l) for biases, applied to every parameter with
            no further width factor; raw-average = the mean of lambda_W^(l) before the width factor, each
            layer then dividing it by its n_{l-1} (for ReLU this equals the critical rates: CINT = CICT).
            """);
    /** The fields of a phase of {@link #PHASES}: its epochs and raw rates. */
    static final Setting.Field<Integer> PHASE_EPOCHS = Setting.Field.integer("epochs", 1, Integer.MAX_VALUE);
    static final Setting.Field<Double> PHASE_LAMBDA_B = Setting.Field.number("lambda-b", 0, 1e12);
    static final Setting.Field<Double> PHASE_LAMBDA_W = Setting.Field.number("lambda-w", 0, 1e12);

    public static final Setting<PhaseSchedule> PHASES = Setting.custom("train.phases", """
            [
              {epochs = 5000, lambda-b = 0.3, lambda-w = 0.3},
              {epochs = 15000, lambda-b = 1e-4, lambda-w = 1e-4}
            ]""", TrainingProtocol::phases).meaning("""
            SGD phases, run in order: epochs and raw rates lambda~_b, lambda~_W. The paper trains 20000
            epochs and lowers the rates after 5000, to the order 1e-4 of Adam's rate; it states neither the
            first rates nor the batch size. The first-phase raw rate 0.3 (batch 32) is chosen by the protocol
            study (docs/reproduction.md, "Numbers behind the defaults"): the large first phase is what lets
            networks leave the plateau of a smooth fit, and what kills narrow networks.
            """);
    public static final Setting<AdamRates.Rule> ADAM_RATES = Setting.choice("train.adam.rates", AdamRates.Rule.class,
            AdamRates.Rule.AVERAGED).meaning("""
            The paper's Adam: lr 1e-4, betas 0.9 and 0.999; epsilon is not stated there (Keras default).
            averaged = the paper's Adam-CINT/NINT (Sec. IV): per parameter kind the global rate
            (global-rate) of the raw rates raw-rates, as CINT/NINT average them; fixed = learning-rate for
            every parameter.
            """);
    public static final Setting<Double> ADAM_RAW_LAMBDA_B = Setting.number("train.adam.raw-rates.lambda-b", 0, 1e12, 0.003)
            .meaning("""
            The raw rates behind averaged Adam rates; the paper does not state them. 0.003 makes the
            averaged weight rate of a depth-4 ReLU network at n* about 1e-4 (9.8e-5 at width 120:
            (0.003 / 16)(1/2 + 3/n)), the rate of the reference network's Adam that the paper's second
            SGD phase also aims at (measurements in docs/reproduction.md, "Numbers behind the defaults").
            """);
    public static final Setting<Double> ADAM_RAW_LAMBDA_W = Setting.number("train.adam.raw-rates.lambda-w", 0, 1e12, 0.003);
    public static final Setting<Double> ADAM_LEARNING_RATE = Setting.number("train.adam.learning-rate", Double.MIN_VALUE,
            1e3, 1e-4).meaning("""
            Adam's rate with rates = fixed.
            """);
    public static final Setting<Double> ADAM_BETA1 = Setting.number("train.adam.beta1", 0, 0.999999, 0.9);
    public static final Setting<Double> ADAM_BETA2 = Setting.number("train.adam.beta2", 0, 0.999999999, 0.999);
    public static final Setting<Double> ADAM_EPSILON = Setting.number("train.adam.epsilon", Double.MIN_VALUE, 1, 1e-7);
    public static final Setting<Integer> ADAM_EPOCHS = Setting.integer("train.adam.epochs", 1, Integer.MAX_VALUE, 20000);
    public static final Setting<Integer> BATCH_SIZE = Setting.integer("train.batch-size", 0, Integer.MAX_VALUE, 32)
            .meaning("""
            Samples per SGD/Adam step; 0 = full batch. Mini-batches come from a seeded shuffle each epoch;
            the last batch of an epoch may be smaller.
            """);
    public static final Setting<Precision> PRECISION = Setting.named("train.precision", Precision::parse, "float64")
            .meaning("""
            Arithmetic of the training: float64, or float32 (sgemm and float arrays throughout: forward,
            backward, loss gradient, SGD and Adam updates, predictions; about twice the speed). Parameters
            and predictions are widened to double only for the result tables. Recorded in runs.precision.
            """);
    public static final Setting<Integer> LOG_EVERY = Setting.integer("train.log-every", 1, Integer.MAX_VALUE, 100)
            .meaning("""
            Record the training loss every this-many epochs (and at epoch 0 and the last epoch).
            """);
    public static final Setting<Loss> LOSS = Setting.named("train.loss", Loss::parse, "mae").meaning("""
            mae (the paper's) or mse, on total binding energies.
            """);
    public static final Setting<Target> TARGET = Setting.named("train.target", Target::parse, "binding-energy-per-nucleon")
            .meaning("""
            What the network learns: binding-energy (total B, MeV) or binding-energy-per-nucleon (B/A,
            MeV per nucleon; the prediction times A is B). The loss is on the target (loss columns carry
            its unit); RMSDs, predictions and every table but the losses are in total B. The paper does not
            state its target; B/A is chosen by the protocol study (docs/reproduction.md, "The protocol study, second round"): a network
            that dies on B/A ends at A times the median B/A, 73.6 MeV over AME2020, the paper's failed
            state of 71.95 MeV, where one that dies on B ends at the median B, 525.8 MeV.
            """);
    public static final Setting<Double> TARGET_SCALE = Setting.number("train.target-scale", Double.MIN_VALUE, 1e9, 1.0)
            .meaning("""
            Targets are trained in units of (their unit) / target-scale (reported losses are in the target's
            unit, RMSDs in MeV of total B).
            """);
    public static final Setting<Double> DIVERGENCE_FACTOR = Setting.number("train.divergence-factor", 1.000001, 1e300,
            1000.0).meaning("""
            A loss that is NaN, infinite or above this factor times the initial loss ends the run as
            diverged (status in table runs).
            """);

    public static final Setting<Boolean> BOOTSTRAP = Setting.bool("train.bootstrap", false).meaning("""
            Train on a bootstrap resample of the training nuclides: as many draws, with replacement, as there
            are training nuclides, drawn from the run's seed (its own random stream), so the runs of an ensemble
            differ in their data as well as in their initialization and batches. runs.rmsd_train_mev is then
            over the resample.
            """);

    public static final Setting<List<AnnftConfig>> SWEEP_PROTOCOLS = Setting.custom("sweep.protocols", "[]",
            AnnftConfig::objectList).meaning("""
            Training protocols, a grid axis: each a unique non-empty `name` (the `protocol` column of every
            sweep table) and a section `train { ... }` of train.* keys that override train.* for its runs,
            validated as train.* keys are (errors name sweep.protocols[i].train.KEY), e.g.
              protocols = [
                {name = "b32-r0.01", train {batch-size = 32, phases = [{epochs = 1500, lambda-b = 0.01, lambda-w = 0.01},
                                                                       {epochs = 300, lambda-b = 1e-3, lambda-w = 1e-3}]}},
                {name = "b32-r0.1", train {batch-size = 32, noncritical {c-w = 1.5}, phases = [...]}}
              ]
            Any train.* key but those the grid sets (activation, width, depth, init, mode, optimizer, run):
            phases, batch-size, noncritical, adam, loss, target, target-scale, log-every, divergence-factor,
            bootstrap. A run's
            seed does not depend on its protocol: runs that differ only in protocol start from the same
            network. Empty: one protocol named "default", train.* as it stands.
            """);

    public static final Setting<List<List<Integer>>> NTK_NUCLIDES = Setting.objects("train.ntk.nuclides", """
            [{z = 2, n = 2}, {z = 3, n = 8}, {z = 8, n = 8}, {z = 8, n = 16}, {z = 10, n = 10}, {z = 14, n = 20},
             {z = 20, n = 20}, {z = 20, n = 28}, {z = 26, n = 30}, {z = 28, n = 28}, {z = 28, n = 50}, {z = 30, n = 50},
             {z = 36, n = 60}, {z = 38, n = 50}, {z = 40, n = 50}, {z = 45, n = 58}, {z = 50, n = 50}, {z = 50, n = 82},
             {z = 48, n = 82}, {z = 55, n = 78}, {z = 60, n = 82}, {z = 65, n = 94}, {z = 70, n = 104}, {z = 75, n = 110},
             {z = 80, n = 122}, {z = 82, n = 126}, {z = 88, n = 138}, {z = 90, n = 142}, {z = 92, n = 146}, {z = 100, n = 152}]""",
            e -> List.of(DataSource.Z.read(e), DataSource.N.read(e)))
            .meaning("""
            Reference nuclides of the empirical NTK recorded during training (table ntk_changes): the kernel
            matrix at these nuclides before the first epoch and after the last, with the learning-rate tensor
            of the run's mode at raw rates 1. Default: 30 nuclides over the chart, from 4He, 11Li and 16O over
            56Fe, 78Ni, 100Sn and 132Sn to 208Pb, 238U and 252Fm, stable and exotic. Nuclides outside the data
            set are left out; an empty list records no NTK.
            """);
    public static final Setting<Integer> NTK_EVERY = Setting.integer("train.ntk.every", 0, Integer.MAX_VALUE, 0)
            .meaning("""
            Also record the NTK every this-many epochs (0: only before the first and after the last).
            """);

    public TrainingProtocol {
        if (ntk == null) {
            throw new IllegalArgumentException("protocol '" + name + "': the NTK recording must be given");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a protocol name must not be empty");
        }
        if (phases == null || globalRate == null || adam == null || noncritical == null || precision == null
                || loss == null || target == null) {
            throw new IllegalArgumentException("protocol '" + name + "': every setting must be given");
        }
        if (batchSize < 0 || logEvery < 1 || !(targetScale > 0) || !(divergenceFactor > 1)) {
            throw new IllegalArgumentException("protocol '" + name + "': batch size >= 0, log stride >= 1, target scale > 0 "
                    + "and divergence factor > 1, got " + batchSize + ", " + logEvery + ", " + targetScale + ", "
                    + divergenceFactor);
        }
    }

    /**
     * The {@code train.*} settings as the protocol {@code name}.
     *
     * @throws InvalidSettingException naming the key and where it was set
     */
    public static TrainingProtocol fromConfig(String name, AnnftConfig c) {
        Adam.AdamSettings settings = new Adam.AdamSettings(ADAM_LEARNING_RATE.read(c), ADAM_BETA1.read(c),
                ADAM_BETA2.read(c), ADAM_EPSILON.read(c));
        AdamRates rates = ADAM_RATES.read(c) == AdamRates.Rule.FIXED ? AdamRates.fixed()
                : AdamRates.averaged(ADAM_RAW_LAMBDA_B.read(c), ADAM_RAW_LAMBDA_W.read(c));
        NoncriticalInit noncritical = new NoncriticalInit(NONCRITICAL_C_W.read(c), NONCRITICAL_C_B.read(c));
        return new TrainingProtocol(name, PHASES.read(c), GLOBAL_RATE.read(c),
                new AdamSchedule(settings, rates, ADAM_EPOCHS.read(c)), noncritical, BATCH_SIZE.read(c),
                PRECISION.read(c), LOSS.read(c), TARGET.read(c), TARGET_SCALE.read(c), DIVERGENCE_FACTOR.read(c), LOG_EVERY.read(c),
                new NtkRecording(NTK_NUCLIDES.read(c), NTK_EVERY.read(c)), BOOTSTRAP.read(c));
    }

    /** The SGD phases of {@code key}: a non-empty list of {epochs >= 1, lambda-b >= 0, lambda-w >= 0}. */
    private static PhaseSchedule phases(AnnftConfig c, String key) {
        List<PhaseSchedule.Phase> phases = new ArrayList<>();
        for (AnnftConfig phase : c.objectList(key)) {
            phases.add(new PhaseSchedule.Phase(PHASE_EPOCHS.read(phase), PHASE_LAMBDA_B.read(phase),
                    PHASE_LAMBDA_W.read(phase)));
        }
        if (phases.isEmpty()) {
            throw c.problem(key, "needs at least one phase {epochs, lambda-b, lambda-w}");
        }
        return new PhaseSchedule(phases);
    }

    /**
     * The protocols of {@code sweep.protocols}; an empty list gives the one protocol
     * {@link #DEFAULT} made of the {@code train.*} keys.
     *
     * @throws InvalidSettingException naming {@code sweep.protocols[i]...} and where it was set
     */
    public static List<TrainingProtocol> sweepProtocols(AnnftConfig c) {
        List<AnnftConfig> elements = SWEEP_PROTOCOLS.read(c);
        if (elements.isEmpty()) {
            return List.of(fromConfig(DEFAULT, c));
        }
        List<TrainingProtocol> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (AnnftConfig element : elements) {
            for (String key : element.keys()) {
                if (!key.equals("name") && !key.equals("train")) {
                    throw new InvalidSettingException("unknown config key '" + element.displayKey(key) + "' ("
                            + element.origin(key) + "); a protocol has the keys name and train");
                }
            }
            if (!element.keys().contains("name") || element.string("name").isBlank()) {
                throw new InvalidSettingException("config key '" + element.displayKey("name") + "' ("
                        + c.origin(SWEEP_PROTOCOLS.key()) + "): every protocol needs a non-empty name");
            }
            String name = element.string("name").strip();
            if (!names.add(name)) {
                throw new InvalidSettingException("config key '" + element.displayKey("name") + "' ("
                        + element.origin("name") + "): protocol names must be unique, '" + name + "' is repeated");
            }
            AnnftConfig overlaid = c.overlay("train", element, "train");
            for (String key : GRID_KEYS) {
                String full = "train." + key;
                if (!overlaid.displayKey(full).equals(full)) {
                    throw new InvalidSettingException("config key '" + overlaid.displayKey(full) + "' ("
                            + overlaid.origin(full) + "): set by the sweep grid (sweep.activations, modes, widths, depths, "
                            + "runs), not by a protocol");
                }
            }
            out.add(fromConfig(name, overlaid));
        }
        return List.copyOf(out);
    }

    /** This protocol under the name {@code other}; every setting stays. */
    public TrainingProtocol withName(String other) {
        return new TrainingProtocol(other, phases, globalRate, adam, noncritical, batchSize, precision, loss, target, targetScale,
                divergenceFactor, logEvery, ntk, bootstrap);
    }

    /** This protocol with the SGD phases {@code schedule} and {@code adamEpochs} Adam epochs; every other setting stays. */
    public TrainingProtocol withSchedule(PhaseSchedule schedule, int adamEpochs) {
        return new TrainingProtocol(name, schedule, globalRate, adam.withEpochs(adamEpochs), noncritical, batchSize,
                precision, loss, target, targetScale, divergenceFactor, logEvery, ntk, bootstrap);
    }

    /** This protocol with batch size {@code size} (0 for full batch); every other setting stays. */
    public TrainingProtocol withBatchSize(int size) {
        return new TrainingProtocol(name, phases, globalRate, adam, noncritical, size, precision, loss, target, targetScale,
                divergenceFactor, logEvery, ntk, bootstrap);
    }

    /** This protocol recording the NTK as {@code recording} says; every other setting stays. */
    public TrainingProtocol withNtk(NtkRecording recording) {
        return new TrainingProtocol(name, phases, globalRate, adam, noncritical, batchSize, precision, loss, target, targetScale,
                divergenceFactor, logEvery, recording, bootstrap);
    }

    /** This protocol in {@code arithmetic}; every other setting stays. */
    public TrainingProtocol withPrecision(Precision arithmetic) {
        return new TrainingProtocol(name, phases, globalRate, adam, noncritical, batchSize, arithmetic, loss, target, targetScale,
                divergenceFactor, logEvery, ntk, bootstrap);
    }

    /** This protocol training on {@code other}; every other setting stays. */
    public TrainingProtocol withTarget(Target other) {
        return new TrainingProtocol(name, phases, globalRate, adam, noncritical, batchSize, precision, loss, other, targetScale,
                divergenceFactor, logEvery, ntk, bootstrap);
    }

    /**
     * Every {@code train.*} setting this protocol runs with (all but the grid keys, which the runs
     * table records per run), each as its config key and its value as JSON, in declaration order:
     * the rows of table {@code protocols}, from which captions state a protocol. Adam's raw rates
     * appear only when its rates are averaged from them.
     */
    public java.util.LinkedHashMap<String, String> settings() {
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        StringBuilder list = new StringBuilder("[");
        for (PhaseSchedule.Phase p : phases.phases()) {
            list.append(list.length() > 1 ? "," : "").append("{\"epochs\":").append(p.epochs()).append(",\"lambda-b\":")
                    .append(json(p.rawBiasRate())).append(",\"lambda-w\":").append(json(p.rawWeightRate())).append('}');
        }
        out.put(NONCRITICAL_C_W.key(), noncritical.weightVariance().isPresent()
                ? json(noncritical.weightVariance().getAsDouble()) : TextValues.jsonString(NoncriticalInit.HALF_CRITICAL));
        out.put(NONCRITICAL_C_B.key(), noncritical.biasVariance().isPresent()
                ? json(noncritical.biasVariance().getAsDouble()) : TextValues.jsonString(NoncriticalInit.CRITICAL));
        out.put(GLOBAL_RATE.key(), TextValues.jsonString(globalRate.configName()));
        out.put(PHASES.key(), list.append(']').toString());
        out.put(ADAM_RATES.key(), TextValues.jsonString(adam.rates().rule().configName()));
        if (adam.rates().isAveraged()) {
            out.put(ADAM_RAW_LAMBDA_B.key(), json(adam.rates().rawBiasRate()));
            out.put(ADAM_RAW_LAMBDA_W.key(), json(adam.rates().rawWeightRate()));
        }
        out.put(ADAM_LEARNING_RATE.key(), json(adam.settings().learningRate()));
        out.put(ADAM_BETA1.key(), json(adam.settings().beta1()));
        out.put(ADAM_BETA2.key(), json(adam.settings().beta2()));
        out.put(ADAM_EPSILON.key(), json(adam.settings().epsilon()));
        out.put(ADAM_EPOCHS.key(), Integer.toString(adam.epochs()));
        out.put(BATCH_SIZE.key(), Integer.toString(batchSize));
        out.put(PRECISION.key(), TextValues.jsonString(precision.configName()));
        out.put(LOG_EVERY.key(), Integer.toString(logEvery));
        out.put(LOSS.key(), TextValues.jsonString(loss.configName()));
        out.put(TARGET.key(), TextValues.jsonString(target.configName()));
        out.put(TARGET_SCALE.key(), json(targetScale));
        out.put(DIVERGENCE_FACTOR.key(), json(divergenceFactor));
        out.put(NTK_NUCLIDES.key(), ntk.nuclides().stream().map(zn -> "{\"z\":" + zn.get(0) + ",\"n\":" + zn.get(1) + "}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]")));
        out.put(NTK_EVERY.key(), Integer.toString(ntk.every()));
        out.put(BOOTSTRAP.key(), Boolean.toString(bootstrap));
        return out;
    }

    /** A finite number as JSON: integral values without a fraction, others as Java prints them (round-trip exact). */
    private static String json(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }


    /** The epochs a run of {@code mode} trains: Adam's epochs or the SGD phases' total. */
    public int epochs(SweepMode mode) {
        return mode.optimizer() == org.annft.train.OptimizerKind.ADAM ? adam.epochs() : phases.totalEpochs();
    }

    /**
     * One line for {@code --plan}: batch size, SGD phases (epochs at raw rates lambda_b, lambda_W),
     * NINT's (C_W, C_b), loss and target, target scale and Adam's settings.
     */
    public String describe() {
        return describe(true, true);
    }

    /**
     * {@link #describe()} with the SGD phases only if {@code sgd} and Adam's settings only if
     * {@code adam}: a sweep names the optimizers its modes use.
     */
    public String describe(boolean sgd, boolean adamUsed) {
        StringBuilder s = new StringBuilder("batch ").append(batchSize == 0 ? "full" : batchSize);
        if (sgd) {
            s.append(", SGD");
            for (PhaseSchedule.Phase p : phases.phases()) {
                s.append(String.format(Locale.ROOT, " %d epochs at (%s, %s)", p.epochs(), p.rawBiasRate(), p.rawWeightRate()));
            }
        }
        Adam.AdamSettings a = adam.settings();
        AdamRates r = adam.rates();
        String rates = r.isAveraged() ? String.format(Locale.ROOT, "the global rates of raw rates (%s, %s)",
                r.rawBiasRate(), r.rawWeightRate()) : "lr " + a.learningRate();
        s.append(String.format(Locale.ROOT, ", NINT (C_W, C_b) = %s, %s loss on %s, target scale %s", noncritical,
                loss.configName(), target.symbol(), targetScale));
        if (bootstrap) {
            s.append(", on a bootstrap resample of the training nuclides");
        }
        if (adamUsed) {
            s.append(String.format(Locale.ROOT, ", Adam %d epochs at %s, betas (%s, %s), epsilon %s", adam.epochs(), rates,
                    a.beta1(), a.beta2(), a.epsilon()));
        }
        return s.toString();
    }
}
