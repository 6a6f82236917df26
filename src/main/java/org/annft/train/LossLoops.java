package org.annft.train;

import org.ejml.data.DMatrixRMaj;

/**
 * The element loop of a {@link Loss} on one batch: the mean loss {@code (1/m) sum term(f - y)} and,
 * if a gradient matrix is given, {@code dL/df = term'(f - y) / m}. The sum is accumulated in 64 bits in both
 * precisions, so that it does not depend on the batch size's rounding. The float32 twin
 * {@code FloatLossLoops} is generated from this class at build time.
 */
final class LossLoops {

    private LossLoops() {
    }

    /** The mean loss of {@code prediction} against {@code target} (shapes checked by the caller). */
    static double evaluate(Loss loss, DMatrixRMaj prediction, DMatrixRMaj target, DMatrixRMaj gradient) { // keep double
        int m = prediction.getNumElements();
        double sum = 0; // keep double
        double inverseCount = 1.0 / m;
        for (int i = 0; i < m; i++) {
            double residual = prediction.data[i] - target.data[i];
            sum += loss.term(residual);
            if (gradient != null) {
                gradient.data[i] = (double) loss.termDerivative(residual) * inverseCount;
            }
        }
        return sum * inverseCount; // float32: return sum / m;
    }
}
