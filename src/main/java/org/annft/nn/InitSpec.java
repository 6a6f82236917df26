package org.annft.nn;

import java.util.Collections;
import java.util.List;
import org.annft.theory.Activation;
import org.annft.theory.CriticalPoint;
import org.annft.theory.Criticality;
import org.annft.theory.Initialization;

/**
 * Initialization hyperparameters per layer: {@code W^(l)_ij ~ N(0, C_W^(l) / n_{l-1})},
 * {@code b^(l)_i ~ N(0, C_b^(l))} (docs/theory.md, "Network and initialization"), entry
 * {@code l - 1} of {@link #layers()} for layer {@code l = 1 .. l_out}.
 */
public record InitSpec(List<Initialization> layers) {

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
        return new InitSpec(Collections.nCopies(layerCount, new Initialization(weightVariance, biasVariance)));
    }

    /**
     * The critical {@code (C_W, C_b)} of the activation (docs/theory.md,
     * "Criticality and universality classes"; found by {@link Criticality#of(Activation)}) in all
     * {@code layerCount} layers.
     *
     * @throws IllegalArgumentException if the activation has no critical point (softplus)
     */
    public static InitSpec critical(Activation activation, int layerCount) {
        CriticalPoint point = Criticality.of(activation);
        if (!point.exists()) {
            throw new IllegalArgumentException(activation.name() + " has no critical initialization: " + point.message());
        }
        Initialization critical = point.initialization();
        return uniform(critical.weightVariance(), critical.biasVariance(), layerCount);
    }

    /** {@code (C_W, C_b)} of layer {@code l = 1 .. size}. */
    public Initialization layer(int layer) {
        if (layer < 1 || layer > layers.size()) {
            throw new IllegalArgumentException("layer " + layer + " outside 1 .. " + layers.size());
        }
        return layers.get(layer - 1);
    }
}
