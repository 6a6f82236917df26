package org.annft.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * One array per weight and bias of a network shape: {@code W^(l)} as a row-major
 * {@code n_l x n_{l-1}} matrix (row i holds the weights into neuron i, so {@code W_ij} is
 * {@code weights(l).get(i, j)} as in the paper), {@code b^(l)} as a {@code 1 x n_l} row.
 * The same container holds a network's parameters, their gradients and optimizer moments.
 *
 * <p>Mutable by design: optimizers update these arrays in place.
 */
public final class Parameters {

    private final MlpArchitecture architecture;
    private final DMatrixRMaj[] weights;
    private final DMatrixRMaj[] biases;

    /** Zero-filled parameters of the given shape. */
    public Parameters(MlpArchitecture architecture) {
        this.architecture = architecture;
        int layers = architecture.outputLayer();
        this.weights = new DMatrixRMaj[layers];
        this.biases = new DMatrixRMaj[layers];
        for (int l = 1; l <= layers; l++) {
            weights[l - 1] = new DMatrixRMaj(architecture.width(l), architecture.width(l - 1));
            biases[l - 1] = new DMatrixRMaj(1, architecture.width(l));
        }
    }

    public MlpArchitecture architecture() {
        return architecture;
    }

    /** {@code W^(l)}, {@code n_l x n_{l-1}}, for {@code l = 1 .. l_out}; the live array. */
    public DMatrixRMaj weights(int layer) {
        architecture.checkLayer(layer, 1);
        return weights[layer - 1];
    }

    /** {@code b^(l)}, {@code 1 x n_l}, for {@code l = 1 .. l_out}; the live array. */
    public DMatrixRMaj biases(int layer) {
        architecture.checkLayer(layer, 1);
        return biases[layer - 1];
    }

    /** A deep copy. */
    public Parameters copy() {
        Parameters copy = new Parameters(architecture);
        copy.copyFrom(this);
        return copy;
    }

    /**
     * Overwrites every value with the other container's.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public void copyFrom(Parameters other) {
        requireSameShape(other);
        for (int l = 0; l < weights.length; l++) {
            weights[l].setTo(other.weights[l]);
            biases[l].setTo(other.biases[l]);
        }
    }

    /** Sets every value to zero. */
    public void zero() {
        for (int l = 0; l < weights.length; l++) {
            weights[l].zero();
            biases[l].zero();
        }
    }

    /** True if every weight and bias is finite. */
    public boolean allFinite() {
        for (int l = 0; l < weights.length; l++) {
            if (!allFinite(weights[l]) || !allFinite(biases[l])) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws IllegalArgumentException if the other container has a different architecture
     */
    public void requireSameShape(Parameters other) {
        if (!architecture.equals(other.architecture)) {
            throw new IllegalArgumentException("parameter shapes differ: " + architecture + " vs " + other.architecture);
        }
    }

    private static boolean allFinite(DMatrixRMaj m) {
        int size = m.getNumElements();
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(m.data[i])) {
                return false;
            }
        }
        return true;
    }
}
