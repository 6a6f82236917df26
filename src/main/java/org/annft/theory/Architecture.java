package org.annft.theory;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;

/**
 * What the infinite-width recursions need to know about a network (docs/theory.md,
 * "Network and initialization"): the activation, {@code L} hidden layers of common width {@code n},
 * and the initialization of every layer {@code l = 1 .. l_out} with {@code l_out = L + 1} the linear
 * output layer. The input width does not appear: inputs enter only through {@code (1/n0) sum_i x_i^2}.
 *
 * @param activation     sigma
 * @param hiddenLayers   L, at least 1
 * @param width          n, at least 1; it only scales the finite-width quantities such as V/n
 * @param initialization (C_W, C_b) of layers 1 .. L+1, in order
 */
public record Architecture(Activation activation, int hiddenLayers, int width, List<Initialization> initialization) implements Serializable {

    public Architecture {
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        if (hiddenLayers < 1) {
            throw new IllegalArgumentException("hiddenLayers (L) must be at least 1, got " + hiddenLayers);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width (n) must be at least 1, got " + width);
        }
        if (initialization == null || initialization.size() != hiddenLayers + 1) {
            throw new IllegalArgumentException("initialization needs one (C_W, C_b) per layer 1 .. L+1 = "
                    + (hiddenLayers + 1) + ", got " + (initialization == null ? "none" : initialization.size()));
        }
        initialization = List.copyOf(initialization);
    }

    /** The same (C_W, C_b) in every layer, the output layer included. */
    public static Architecture uniform(Activation activation, int hiddenLayers, int width,
                                       double weightVariance, double biasVariance) {
        if (hiddenLayers < 1) {
            throw new IllegalArgumentException("hiddenLayers (L) must be at least 1, got " + hiddenLayers);
        }
        return new Architecture(activation, hiddenLayers, width,
                Collections.nCopies(hiddenLayers + 1, new Initialization(weightVariance, biasVariance)));
    }

    /** l_out = L + 1, the index of the output layer. */
    public int outputLayer() {
        return hiddenLayers + 1;
    }

    /** (C_W, C_b) of layer {@code layer}, 1-based, {@code 1 <= layer <= L+1}. */
    public Initialization layer(int layer) {
        if (layer < 1 || layer > outputLayer()) {
            throw new IllegalArgumentException("layer must be in 1.." + outputLayer() + ", got " + layer);
        }
        return initialization.get(layer - 1);
    }
}
