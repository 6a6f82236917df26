package org.annft.theory;

import java.io.Serializable;

/**
 * The initialization hyperparameters of one layer (docs/theory.md, "Network and initialization"):
 * {@code W_ij ~ N(0, C_W / n_{l-1})}, {@code b_i ~ N(0, C_b)}.
 *
 * @param weightVariance C_W, positive and finite
 * @param biasVariance   C_b, non-negative and finite
 */
public record Initialization(double weightVariance, double biasVariance) implements Serializable {

    public Initialization {
        if (!(weightVariance > 0) || weightVariance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("weightVariance (C_W) must be positive and finite, got " + weightVariance);
        }
        GaussianExpectation.requireVariance("biasVariance (C_b)", biasVariance);
    }
}
