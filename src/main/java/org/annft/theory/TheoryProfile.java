package org.annft.theory;

import java.io.Serializable;
import java.util.List;

/**
 * The single-input theory of layers 1 .. l_out, in order.
 *
 * @param layers element {@code l-1} describes layer l
 */
public record TheoryProfile(List<LayerTheory> layers) implements Serializable {

    public TheoryProfile {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("layers must not be empty");
        }
        layers = List.copyOf(layers);
    }

    /** Layer l, 1-based. */
    public LayerTheory layer(int layer) {
        if (layer < 1 || layer > layers.size()) {
            throw new IllegalArgumentException("layer must be in 1.." + layers.size() + ", got " + layer);
        }
        return layers.get(layer - 1);
    }

    /** The output layer l_out. */
    public LayerTheory output() {
        return layers.get(layers.size() - 1);
    }
}
