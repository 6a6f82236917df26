package org.annft.linalg;

import java.util.Locale;

/**
 * The BLAS the products run on, as the setting {@code annft.blas} (system property) or
 * {@code ANNFT_BLAS} (environment variable) asks: {@code auto} tries the bundled OpenBLAS, then the
 * system's {@code libblas.so.3}, then pure Java; the other values force one of them.
 */
public enum BlasChoice {
    AUTO, BUNDLED, SYSTEM, JAVA;

    /** The system property that selects the BLAS; it wins over {@link #ENVIRONMENT_VARIABLE}. */
    public static final String PROPERTY = "annft.blas";
    /** The environment variable that selects the BLAS when {@link #PROPERTY} is unset. */
    public static final String ENVIRONMENT_VARIABLE = "ANNFT_BLAS";

    /** The setting's value: {@link #PROPERTY}, else {@link #ENVIRONMENT_VARIABLE}, else auto. */
    public static BlasChoice fromSettings() {
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            return parse(property, "system property " + PROPERTY);
        }
        String variable = System.getenv(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isEmpty()) {
            return parse(variable, "environment variable " + ENVIRONMENT_VARIABLE);
        }
        return AUTO;
    }

    /**
     * @param origin where the value came from, for the message
     * @throws IllegalArgumentException naming the origin if {@code value} is not one of the four
     */
    static BlasChoice parse(String value, String origin) {
        for (BlasChoice choice : values()) {
            if (choice.label().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return choice;
            }
        }
        throw new IllegalArgumentException(origin + " = '" + value + "': expected auto, bundled, system or java");
    }

    /** The setting's spelling: auto, bundled, system, java. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
