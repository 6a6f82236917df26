package org.annft.train;

/**
 * Which optimizer trains: SGD with a learning-rate tensor over phases, or Adam (paper Sec. IV).
 * {@link OptimizerSpec} holds the settings of each.
 */
public enum OptimizerKind {
    SGD, ADAM;

    /** {@code sgd} or {@code adam}, as in the config and the {@code runs} table. */
    public String configName() {
        return org.annft.ConfigNames.of(this);
    }

    /**
     * @throws IllegalArgumentException naming the unknown optimizer
     */
    public static OptimizerKind parse(String name) {
        return org.annft.ConfigNames.parse(OptimizerKind.class, name, "optimizer");
    }
}
