package org.annft.train;

import org.annft.nn.MlpArchitecture;
import org.annft.theory.Activation;
import org.annft.theory.GlobalRate;

/**
 * How SGD distributes the raw rates over layers: {@code critical} (per-layer rates of paper
 * Eqs. 38-39; with critical initialization the paper's CICT) or {@code global} (one weight and one
 * bias rate for every layer, averaged from them by a {@link GlobalRate} rule; CINT with critical,
 * NINT with non-critical initialization).
 */
public enum TrainingMode {
    CRITICAL, GLOBAL;

    /** The prescription of this mode for a network; {@code rule} says how {@code global} averages. */
    public LearningRatePrescription prescription(Activation activation, MlpArchitecture architecture, GlobalRate rule) {
        return this == CRITICAL ? LearningRatePrescription.critical(activation, architecture.outputLayer())
                : LearningRatePrescription.averagedCritical(activation, architecture, rule);
    }

    /** {@code critical} or {@code global}. */
    public String configName() {
        return org.annft.ConfigNames.of(this);
    }

    /**
     * @throws IllegalArgumentException naming the unknown mode
     */
    public static TrainingMode parse(String name) {
        return org.annft.ConfigNames.parse(TrainingMode.class, name, "training mode");
    }
}
