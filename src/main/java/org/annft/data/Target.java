package org.annft.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a network learns: the total binding energy {@code B} or the binding energy per nucleon
 * {@code B/A}. Whatever the target, predictions, RMSDs and tables are in total binding energy:
 * {@code B = nucleonsPerTarget(nuclide) x target}.
 */
public enum Target {
    /** Total binding energy B in MeV (about 1000 MeV for heavy nuclei). */
    BINDING_ENERGY("binding-energy", "B", "MeV"),
    /** Binding energy per nucleon B/A in MeV (about 8 MeV); predictions are multiplied back by A. */
    BINDING_ENERGY_PER_NUCLEON("binding-energy-per-nucleon", "B/A", "MeV per nucleon");

    private final String configName;
    private final String symbol;
    private final String unit;

    Target(String configName, String symbol, String unit) {
        this.configName = configName;
        this.symbol = symbol;
        this.unit = unit;
    }

    /** The name used in configs and tables. */
    public String configName() {
        return configName;
    }

    /** The quantity's symbol, {@code B} or {@code B/A}. */
    public String symbol() {
        return symbol;
    }

    /** The unit of the target and of an MAE loss on it. */
    public String unit() {
        return unit;
    }

    /** The target value of a nuclide in MeV (per nucleon for {@code B/A}), as the table gives it. */
    public double value(Nuclide nuclide) {
        return this == BINDING_ENERGY ? nuclide.bindingEnergyMev() : nuclide.bindingEnergyPerNucleonKev() / 1000.0;
    }

    /** The factor that turns this target into total binding energy: 1 for B, A for B/A. */
    public double nucleonsPerTarget(int z, int n) {
        return this == BINDING_ENERGY ? 1.0 : z + n;
    }

    /** Parses a target's config name; the error lists the accepted names. */
    public static Target parse(String text) {
        for (Target t : values()) {
            if (t.configName.equalsIgnoreCase(text.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Target::configName).collect(Collectors.joining(", ")));
    }
}
