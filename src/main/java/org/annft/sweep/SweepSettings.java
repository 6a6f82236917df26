package org.annft.sweep;

import java.util.ArrayList;
import java.util.List;
import org.annft.config.AnnftConfig;
import org.annft.nn.InitSpec;
import org.annft.nn.SweepMode;
import org.annft.theory.Activations;

/**
 * The {@code sweep.*} and {@code table.*} settings, validated, and the grid of training runs they
 * span: activations x modes x widths x depths x protocols x run index, every run otherwise trained
 * as its protocol's {@code train.*} settings say (one protocol, {@code default}, when
 * {@code sweep.protocols} is empty).
 */
public record SweepSettings(long seed, List<TrainingProtocol> protocols, List<String> activations,
                            List<SweepMode> modes, List<Integer> widths, List<Integer> depths, int runsPerConfiguration,
                            double cutoffMev, double outlierIqrFactor) implements java.io.Serializable {

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
        List<String> activations = c.parsedList("sweep.activations", a -> Activations.parse(a).name());
        List<SweepMode> modes = c.parsedList("sweep.modes", SweepMode::parse);
        List<Integer> depths = c.intList("sweep.depths", 2, 1000);
        for (SweepMode mode : modes.stream().filter(SweepMode::criticalInit).toList()) {
            for (String activation : activations) {
                try {
                    InitSpec.critical(Activations.parse(activation), depths.get(0));
                } catch (IllegalArgumentException e) {
                    throw c.problem("sweep.modes", "mode " + mode.configName() + " needs a critical initialization: "
                            + e.getMessage());
                }
            }
        }
        return new SweepSettings(c.longValue("seed"), TrainingProtocol.sweepProtocols(c),
                activations, modes, c.intList("sweep.widths", 1, 1_000_000), depths,
                c.intIn("sweep.runs", 1, 1_000_000), c.doubleIn("table.cutoff-mev", 0, 1e9),
                c.doubleIn("table.outlier-iqr-factor", 0, 1e6));
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
