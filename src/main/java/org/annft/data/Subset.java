package org.annft.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which nuclides of the mass table a data set takes. */
public enum Subset {
    /** Every nuclide of the table (3558 in AME2020). */
    ALL,
    /** Nuclides whose binding energy is experimental, not estimated (2550 in AME2020). */
    EXPERIMENTAL;

    /** The name used in configs and on the command line. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code all} or {@code experimental}; the error lists the accepted names. */
    public static Subset parse(String text) {
        for (Subset s : values()) {
            if (s.configName().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown data subset '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Subset::configName).collect(Collectors.joining(", ")));
    }
}
