package org.annft.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The network inputs built from a nuclide: (Z, N), or (Z, N, Z0, N0) with the pairing flags of the
 * paper (Sec. V: Z0 = Z mod 2, N0 = N mod 2; 0 for even, 1 for odd). Only Z and N are MinMax
 * scaled; the flags enter unscaled.
 */
public enum InputFeatures {
    ZN("zn", List.of("z", "n")),
    ZN_PAIRING("zn-pairing", List.of("z", "n", "z0", "n0"));

    /** Number of leading columns that are MinMax scaled (Z and N). */
    public static final int SCALED_COLUMNS = 2;

    private final String configName;
    private final List<String> columnNames;

    InputFeatures(String configName, List<String> columnNames) {
        this.configName = configName;
        this.columnNames = columnNames;
    }

    public String configName() {
        return configName;
    }

    /** Input width n0. */
    public int width() {
        return columnNames.size();
    }

    /** Names of the input columns, in order. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** The unscaled input vector of a nuclide. */
    public double[] rawInputs(Nuclide nuclide) {
        return rawInputs(nuclide.z(), nuclide.n());
    }

    /**
     * The network's input vector of the nuclide (Z, N): Z and N MinMax scaled with {@code scaler},
     * the pairing flags as they are.
     */
    public double[] scaledInputs(int z, int n, MinMaxScaler scaler) {
        double[] x = rawInputs(z, n);
        for (int j = 0; j < SCALED_COLUMNS; j++) {
            x[j] = scaler.scale(j, x[j]);
        }
        return x;
    }

    /** The unscaled input vector of the nuclide (Z, N), which need not be in any table. */
    public double[] rawInputs(int z, int n) {
        double[] x = new double[width()];
        x[0] = z;
        x[1] = n;
        if (this == ZN_PAIRING) {
            x[2] = z % 2;
            x[3] = n % 2;
        }
        return x;
    }

    /** Parses {@code zn} or {@code zn-pairing}. */
    public static InputFeatures parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        for (InputFeatures f : values()) {
            if (f.configName.equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown inputs '" + text + "'; expected one of "
                + Arrays.stream(values()).map(InputFeatures::configName).collect(Collectors.joining(", ")));
    }
}
