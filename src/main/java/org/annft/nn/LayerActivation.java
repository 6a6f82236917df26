package org.annft.nn;

import org.annft.theory.Activation;
import org.annft.theory.Activations;

/**
 * Applies an activation to a stretch of preactivations, optionally keeping sigma'(z) for the
 * backward pass. Values are exactly those of {@link Activation#value} and
 * {@link Activation#derivative} (for ReLU at every preactivation but NaN; see {@code HUGE}).
 */
final class LayerActivation {

    private LayerActivation() {
    }

    /**
     * ReLU's derivative from its value m = max(z, 0) >= 0 as {@code min(m * HUGE * HUGE, 1)}: 1 for
     * every positive m (the smallest subnormal times HUGE^2 still exceeds 1), 0 for m = 0, written
     * without a comparison so that the loop vectorizes (a compare-and-select per element does not,
     * and as a branch on random signs it mispredicts). A NaN preactivation gets derivative NaN, not
     * 0; its value is NaN either way.
     */
    private static final double HUGE = Double.MAX_VALUE;
    private static final float HUGE_FLOAT = Float.MAX_VALUE;

    /**
     * Replaces {@code values[offset .. offset+length)} (preactivations z) by sigma(z) and, if
     * {@code derivatives} is not null, writes sigma'(z) into the same positions of it.
     */
    static void activate(Activation activation, double[] values, double[] derivatives, int offset, int length) {
        if (derivatives == null) {
            activation.applyInPlace(values, offset, length);
        } else if (activation instanceof Activations.Relu) {
            // One pass for value and derivative (see HUGE).
            for (int i = offset, end = offset + length; i < end; i++) {
                double m = Math.max(values[i], 0.0);
                values[i] = m;
                derivatives[i] = Math.min(m * HUGE * HUGE, 1.0);
            }
        } else if (activation instanceof Activations.Tanh) {
            // tanh' = 1 - tanh^2 from the value already computed: one tanh per element instead of two,
            // the dominant cost of a tanh layer at moderate width.
            for (int i = offset, end = offset + length; i < end; i++) {
                double t = Math.tanh(values[i]);
                values[i] = t;
                derivatives[i] = 1.0 - t * t;
            }
        } else {
            activation.derivativeInto(values, derivatives, offset, length);
            activation.applyInPlace(values, offset, length);
        }
    }

    /**
     * The float32 version: replaces {@code values[offset .. offset+length)} by sigma(z) and, if
     * {@code derivatives} is not null, writes sigma'(z) there. ReLU and tanh run on floats; other
     * activations evaluate each element in double and round it.
     */
    static void activate(Activation activation, float[] values, float[] derivatives, int offset, int length) {
        int end = offset + length;
        if (activation instanceof Activations.Relu) {
            if (derivatives == null) {
                for (int i = offset; i < end; i++) {
                    values[i] = Math.max(values[i], 0f);
                }
            } else {
                for (int i = offset; i < end; i++) {
                    float m = Math.max(values[i], 0f);
                    values[i] = m;
                    derivatives[i] = Math.min(m * HUGE_FLOAT * HUGE_FLOAT, 1f);
                }
            }
        } else if (activation instanceof Activations.Tanh) {
            for (int i = offset; i < end; i++) {
                float t = (float) Math.tanh(values[i]);
                values[i] = t;
                if (derivatives != null) {
                    derivatives[i] = 1f - t * t;
                }
            }
        } else {
            for (int i = offset; i < end; i++) {
                double z = values[i];
                if (derivatives != null) {
                    derivatives[i] = (float) activation.derivative(z);
                }
                values[i] = (float) activation.value(z);
            }
        }
    }
}
