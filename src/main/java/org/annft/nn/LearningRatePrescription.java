package org.annft.nn;

/**
 * Turns a phase's raw rates {@code (lambda~_b, lambda~_W)} into the per-layer tensor of one
 * network, e.g. the critical rates of paper Eqs. 38-39 or their layer average (global rates for
 * CINT and NINT). Implementations capture what they need of the network (activation, depth).
 */
@FunctionalInterface
public interface LearningRatePrescription {

    /** The tensor for raw rates {@code rawBiasRate = lambda~_b}, {@code rawWeightRate = lambda~_W}. */
    LearningRateTensor tensor(double rawBiasRate, double rawWeightRate);

    /** Every layer gets the raw rates unchanged. */
    static LearningRatePrescription uniform() {
        return LearningRateTensor::uniform;
    }
}
