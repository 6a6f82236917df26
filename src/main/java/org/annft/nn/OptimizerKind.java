package org.annft.nn;

import java.util.Locale;

/**
 * Which optimizer trains: SGD with a learning-rate tensor over phases, or Adam (paper Sec. IV).
 * {@link OptimizerSpec} holds the settings of each.
 */
public enum OptimizerKind {
    SGD, ADAM;

    /** {@code sgd} or {@code adam}, as in the config and the {@code runs} table. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the unknown optimizer
     */
    public static OptimizerKind parse(String name) {
        for (OptimizerKind kind : values()) {
            if (kind.configName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: sgd, adam");
    }
}
