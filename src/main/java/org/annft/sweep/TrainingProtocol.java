package org.annft.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.annft.config.AnnftConfig;
import org.annft.config.InvalidSettingException;
import org.annft.nn.Adam;
import org.annft.nn.Loss;
import org.annft.nn.PhaseSchedule;
import org.annft.nn.Precision;
import org.annft.nn.SweepMode;
import org.annft.theory.GlobalRate;
import org.annft.theory.Initialization;

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
 * @param targetScale       targets are trained in MeV / targetScale
 * @param divergenceFactor  loss bound, relative to the initial loss
 * @param logEvery          loss-curve stride in epochs
 */
public record TrainingProtocol(String name, PhaseSchedule phases, GlobalRate globalRate, AdamSchedule adam,
        Initialization noncritical, int batchSize, Precision precision, Loss loss, double targetScale,
        double divergenceFactor, int logEvery) implements java.io.Serializable {

    /** The name of the protocol made of the {@code train.*} keys alone. */
    public static final String DEFAULT = "default";

    /** The {@code train.*} keys the sweep grid sets, which a protocol therefore must not. */
    static final List<String> GRID_KEYS = List.of("activation", "width", "depth", "init", "mode", "optimizer", "run");

    public TrainingProtocol {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a protocol name must not be empty");
        }
        if (phases == null || globalRate == null || adam == null || noncritical == null || precision == null
                || loss == null) {
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
        List<PhaseSchedule.Phase> phases = new ArrayList<>();
        for (AnnftConfig phase : c.objectList("train.phases")) {
            phases.add(new PhaseSchedule.Phase(phase.positiveInt("epochs"), phase.doubleIn("lambda-b", 0, 1e12),
                    phase.doubleIn("lambda-w", 0, 1e12)));
        }
        if (phases.isEmpty()) {
            throw c.problem("train.phases", "needs at least one phase {epochs, lambda-b, lambda-w}");
        }
        Adam.AdamSettings settings = new Adam.AdamSettings(c.doubleIn("train.adam.learning-rate", Double.MIN_VALUE, 1e3),
                c.doubleIn("train.adam.beta1", 0, 0.999999), c.doubleIn("train.adam.beta2", 0, 0.999999999),
                c.doubleIn("train.adam.epsilon", Double.MIN_VALUE, 1));
        AdamRates rates = c.choice("train.adam.rates", List.of("averaged", "fixed")).equals("fixed") ? AdamRates.fixed()
                : AdamRates.averaged(c.doubleIn("train.adam.raw-rates.lambda-b", 0, 1e12),
                c.doubleIn("train.adam.raw-rates.lambda-w", 0, 1e12));
        Initialization noncritical = new Initialization(c.doubleIn("train.noncritical.c-w", Double.MIN_VALUE, 1e6),
                c.doubleIn("train.noncritical.c-b", 0, 1e6));
        return new TrainingProtocol(name, new PhaseSchedule(phases), c.parsed("train.global-rate", GlobalRate::parse),
                new AdamSchedule(settings, rates, c.positiveInt("train.adam.epochs")), noncritical,
                c.intIn("train.batch-size", 0, Integer.MAX_VALUE), c.parsed("train.precision", Precision::parse),
                c.parsed("train.loss", Loss::parse), c.doubleIn("train.target-scale", Double.MIN_VALUE, 1e9),
                c.doubleIn("train.divergence-factor", 1.000001, 1e300), c.positiveInt("train.log-every"));
    }

    /**
     * The protocols of {@code sweep.protocols}; an empty list gives the one protocol
     * {@link #DEFAULT} made of the {@code train.*} keys.
     *
     * @throws InvalidSettingException naming {@code sweep.protocols[i]...} and where it was set
     */
    public static List<TrainingProtocol> sweepProtocols(AnnftConfig c) {
        List<AnnftConfig> elements = c.objectList("sweep.protocols");
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
                        + c.origin("sweep.protocols") + "): every protocol needs a non-empty name");
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
        return new TrainingProtocol(other, phases, globalRate, adam, noncritical, batchSize, precision, loss, targetScale,
                divergenceFactor, logEvery);
    }

    /** This protocol with the SGD phases {@code schedule} and {@code adamEpochs} Adam epochs; every other setting stays. */
    public TrainingProtocol withSchedule(PhaseSchedule schedule, int adamEpochs) {
        return new TrainingProtocol(name, schedule, globalRate, adam.withEpochs(adamEpochs), noncritical, batchSize,
                precision, loss, targetScale, divergenceFactor, logEvery);
    }

    /** This protocol with batch size {@code size} (0 for full batch); every other setting stays. */
    public TrainingProtocol withBatchSize(int size) {
        return new TrainingProtocol(name, phases, globalRate, adam, noncritical, size, precision, loss, targetScale,
                divergenceFactor, logEvery);
    }

    /** This protocol in {@code arithmetic}; every other setting stays. */
    public TrainingProtocol withPrecision(Precision arithmetic) {
        return new TrainingProtocol(name, phases, globalRate, adam, noncritical, batchSize, arithmetic, loss, targetScale,
                divergenceFactor, logEvery);
    }

    /** The epochs a run of {@code mode} trains: Adam's epochs or the SGD phases' total. */
    public int epochs(SweepMode mode) {
        return mode.optimizer() == org.annft.nn.OptimizerKind.ADAM ? adam.epochs() : phases.totalEpochs();
    }

    /**
     * One line for {@code --plan}: batch size, SGD phases (epochs at raw rates lambda_b, lambda_W),
     * NINT's (C_W, C_b), loss, target scale and Adam's settings.
     */
    public String describe() {
        StringBuilder s = new StringBuilder("batch ").append(batchSize == 0 ? "full" : batchSize).append(", SGD");
        for (PhaseSchedule.Phase p : phases.phases()) {
            s.append(String.format(Locale.ROOT, " %d epochs at (%s, %s)", p.epochs(), p.rawBiasRate(), p.rawWeightRate()));
        }
        Adam.AdamSettings a = adam.settings();
        AdamRates r = adam.rates();
        String rates = r.isAveraged() ? String.format(Locale.ROOT, "the global rates of raw rates (%s, %s)",
                r.rawBiasRate(), r.rawWeightRate()) : "lr " + a.learningRate();
        return s.append(String.format(Locale.ROOT, ", NINT (C_W, C_b) = (%s, %s), %s loss, target scale %s, "
                + "Adam %d epochs at %s, betas (%s, %s), epsilon %s", noncritical.weightVariance(),
                noncritical.biasVariance(), loss.configName(), targetScale,
                adam.epochs(), rates, a.beta1(), a.beta2(), a.epsilon())).toString();
    }
}
