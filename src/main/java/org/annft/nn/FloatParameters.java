package org.annft.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * The float32 counterpart of {@link Parameters}: {@code W^(l)} as a row-major
 * {@code n_l x n_{l-1}} matrix, {@code b^(l)} as a {@code 1 x n_l} row. Holds a float32 training's
 * parameters, gradients and optimizer moments; converts from and to {@link Parameters} only at the
 * start and end of a training.
 */
public final class FloatParameters {

    private final MlpArchitecture architecture;
    private final FMatrixRMaj[] weights;
    private final FMatrixRMaj[] biases;

    /** Zero-filled parameters of the given shape. */
    public FloatParameters(MlpArchitecture architecture) {
        this.architecture = architecture;
        int layers = architecture.outputLayer();
        this.weights = new FMatrixRMaj[layers];
        this.biases = new FMatrixRMaj[layers];
        for (int l = 1; l <= layers; l++) {
            weights[l - 1] = new FMatrixRMaj(architecture.width(l), architecture.width(l - 1));
            biases[l - 1] = new FMatrixRMaj(1, architecture.width(l));
        }
    }

    /** The parameters rounded to float. */
    public static FloatParameters rounded(Parameters source) {
        FloatParameters out = new FloatParameters(source.architecture());
        for (int l = 1; l <= out.weights.length; l++) {
            round(source.weights(l), out.weights[l - 1]);
            round(source.biases(l), out.biases[l - 1]);
        }
        return out;
    }

    /** Writes these values, widened to double, into {@code target} (same shape). */
    public void widenInto(Parameters target) {
        requireSameShape(target.architecture());
        for (int l = 1; l <= weights.length; l++) {
            widen(weights[l - 1], target.weights(l));
            widen(biases[l - 1], target.biases(l));
        }
    }

    public MlpArchitecture architecture() {
        return architecture;
    }

    /** {@code W^(l)}, {@code n_l x n_{l-1}}, for {@code l = 1 .. l_out}; the live array. */
    public FMatrixRMaj weights(int layer) {
        architecture.checkLayer(layer, 1);
        return weights[layer - 1];
    }

    /** {@code b^(l)}, {@code 1 x n_l}, for {@code l = 1 .. l_out}; the live array. */
    public FMatrixRMaj biases(int layer) {
        architecture.checkLayer(layer, 1);
        return biases[layer - 1];
    }

    /**
     * @throws IllegalArgumentException if the other container has a different architecture
     */
    public void requireSameShape(FloatParameters other) {
        requireSameShape(other.architecture);
    }

    private void requireSameShape(MlpArchitecture other) {
        if (!architecture.equals(other)) {
            throw new IllegalArgumentException("parameter shapes differ: " + architecture + " vs " + other);
        }
    }

    private static void round(DMatrixRMaj from, FMatrixRMaj to) {
        int size = from.getNumElements();
        for (int i = 0; i < size; i++) {
            to.data[i] = (float) from.data[i];
        }
    }

    private static void widen(FMatrixRMaj from, DMatrixRMaj to) {
        int size = from.getNumElements();
        for (int i = 0; i < size; i++) {
            to.data[i] = from.data[i];
        }
    }
}
