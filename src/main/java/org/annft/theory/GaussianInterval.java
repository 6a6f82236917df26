package org.annft.theory;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The central interval of a Gaussian: mean +- z_p std holds the fraction p, with
 * {@code z_p = Phi^-1((1 + p) / 2)} (1.645 for 90%, 1.960 for 95%).
 */
public final class GaussianInterval {

    private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

    private GaussianInterval() {
    }

    /**
     * {@code z_p}, the half-width in standard deviations of the central interval of probability p.
     *
     * @throws IllegalArgumentException if p is outside (0, 1)
     */
    public static double halfWidth(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("coverage level must be in (0, 1), got " + level);
        }
        return STANDARD.inverseCumulativeProbability((1 + level) / 2);
    }
}
