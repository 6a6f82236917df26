package org.annft.nn;

import org.annft.theory.Activation;
import org.annft.theory.Activations;

/**
 * Applies an activation to a stretch of preactivations, optionally keeping sigma'(z) for the
 * backward pass. Values are exactly those of {@link Activation#value} and
 * {@link Activation#derivative}.
 */
final class LayerActivation {

    private LayerActivation() {
    }

    /**
     * Replaces {@code values[offset .. offset+length)} (preactivations z) by sigma(z) and, if
     * {@code derivatives} is not null, writes sigma'(z) into the same positions of it.
     */
    static void activate(Activation activation, double[] values, double[] derivatives, int offset, int length) {
        if (derivatives == null) {
            activation.applyInPlace(values, offset, length);
        } else if (activation instanceof Activations.Relu) {
            // One pass for value and derivative: the batch-32 epochs of narrow networks spend a
            // visible share of their time here.
            for (int i = offset, end = offset + length; i < end; i++) {
                double z = values[i];
                derivatives[i] = z > 0 ? 1.0 : 0.0;
                values[i] = Math.max(z, 0.0);
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
                    float z = values[i];
                    derivatives[i] = z > 0f ? 1f : 0f;
                    values[i] = Math.max(z, 0f);
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
