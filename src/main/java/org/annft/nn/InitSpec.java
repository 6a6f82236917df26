package org.annft.nn;

import java.util.Collections;
import java.util.List;

/**
 * Initialization hyperparameters per layer: {@code W^(l)_ij ~ N(0, C_W^(l) / n_{l-1})},
 * {@code b^(l)_i ~ N(0, C_b^(l))} (THEORY.md, "Network and initialization"), entry
 * {@code l - 1} of {@link #layers()} for layer {@code l = 1 .. l_out}.
 */
public record InitSpec(List<LayerVariances> layers) {

    /**
     * {@code (C_W, C_b)} of one layer.
     *
     * @param weightVariance C_W, finite and non-negative
     * @param biasVariance   C_b, finite and non-negative
     */
    public record LayerVariances(double weightVariance, double biasVariance) {
        public LayerVariances {
            requireVariance("weight variance C_W", weightVariance);
            requireVariance("bias variance C_b", biasVariance);
        }
    }

    public InitSpec {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("init spec needs at least one layer");
        }
        layers = List.copyOf(layers);
    }

    /** The same {@code (C_W, C_b)} in all {@code layerCount} layers. */
    public static InitSpec uniform(double weightVariance, double biasVariance, int layerCount) {
        if (layerCount < 1) {
            throw new IllegalArgumentException("layer count must be >= 1, got " + layerCount);
        }
        return new InitSpec(Collections.nCopies(layerCount, new LayerVariances(weightVariance, biasVariance)));
    }

    /** {@code (C_W, C_b)} of layer {@code l = 1 .. size}. */
    public LayerVariances layer(int layer) {
        if (layer < 1 || layer > layers.size()) {
            throw new IllegalArgumentException("layer " + layer + " outside 1 .. " + layers.size());
        }
        return layers.get(layer - 1);
    }

    private static void requireVariance(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }
}
