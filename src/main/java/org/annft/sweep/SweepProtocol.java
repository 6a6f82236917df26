package org.annft.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.annft.config.AnnftConfig;
import org.annft.config.InvalidSettingException;
import org.annft.nn.Adam;
import org.annft.nn.PhaseSchedule;
import org.annft.theory.Initialization;

/**
 * One named way of training, an axis of a sweep grid: the {@code train.*} settings with a
 * protocol's overrides applied ({@code sweep.protocols[i].train}), e.g. the batch size, the SGD
 * phases' epochs and raw rates, NINT's (C_W, C_b), the loss, the target scale or Adam's settings.
 *
 * @param name         the protocol's name, unique in the sweep (the {@code protocol} column of every table)
 * @param base         the training settings; the grid sets activation, width, depth, mode and run
 * @param noncritical  (C_W, C_b) of the sweep's non-critical (NINT, NICT, Adam-NINT) runs
 */
public record SweepProtocol(String name, TrainingRun base, Initialization noncritical) implements java.io.Serializable {

    /** The {@code train.*} keys the sweep grid sets, which a protocol therefore must not. */
    static final List<String> GRID_KEYS = List.of("activation", "width", "depth", "init", "mode", "optimizer", "run");

    /**
     * The protocols of {@code sweep.protocols}; an empty list gives the one protocol
     * {@code default} made of the {@code train.*} keys.
     *
     * @throws IllegalArgumentException naming {@code sweep.protocols[i]...} and where it was set
     */
    public static List<SweepProtocol> fromConfig(AnnftConfig c) {
        List<AnnftConfig> elements = c.objectList("sweep.protocols");
        if (elements.isEmpty()) {
            return List.of(of(TrainingRun.DEFAULT_PROTOCOL, c));
        }
        List<SweepProtocol> out = new ArrayList<>();
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
            out.add(of(name, overlaid));
        }
        return List.copyOf(out);
    }

    /**
     * One line for {@code --plan}: batch size, SGD phases (epochs at raw rates lambda_b, lambda_W),
     * NINT's (C_W, C_b), loss, target scale and Adam's settings.
     */
    public String describe() {
        StringBuilder s = new StringBuilder("batch ").append(base.batchSize() == 0 ? "full" : base.batchSize())
                .append(", SGD");
        for (PhaseSchedule.Phase p : base.phases().phases()) {
            s.append(String.format(Locale.ROOT, " %d epochs at (%s, %s)", p.epochs(), p.rawBiasRate(), p.rawWeightRate()));
        }
        Adam.AdamSettings a = base.adam();
        AdamRates r = base.adamRates();
        String rates = r.isAveraged() ? String.format(Locale.ROOT, "the global rates of raw rates (%s, %s)",
                r.rawBiasRate(), r.rawWeightRate()) : "lr " + a.learningRate();
        return s.append(String.format(Locale.ROOT, ", NINT (C_W, C_b) = (%s, %s), %s loss, target scale %s, "
                + "Adam %d epochs at %s, betas (%s, %s), epsilon %s", noncritical.weightVariance(),
                noncritical.biasVariance(), base.loss().configName(), base.targetScale(),
                base.adamEpochs(), rates, a.beta1(), a.beta2(), a.epsilon())).toString();
    }

    private static SweepProtocol of(String name, AnnftConfig c) {
        TrainingRun t = TrainingRun.fromConfig(c);
        return new SweepProtocol(name, t.withProtocol(name), TrainingRun.noncriticalInitialization(c));
    }
}
