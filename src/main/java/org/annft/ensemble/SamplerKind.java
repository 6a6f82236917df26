package org.annft.ensemble;

import java.util.Locale;

/** How an initialization ensemble is drawn. */
public enum SamplerKind {
    /**
     * Each layer's preactivations from their exact conditional Gaussian given the previous layer's
     * activations (docs/theory.md, "Function-space sampling"; paper Eqs. 16, 25-26):
     * O(n k^2) per layer.
     */
    FUNCTION,
    /** Every weight and bias drawn, then the forward pass: O(n^2 k) per layer. The reference. */
    WEIGHT;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SamplerKind parse(String text) {
        for (SamplerKind k : values()) {
            if (k.configName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown sampler '" + text + "'; expected function or weight");
    }
}
