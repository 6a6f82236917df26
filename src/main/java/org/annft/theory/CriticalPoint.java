package org.annft.theory;

import java.io.Serializable;

/**
 * A critical initialization and how well it satisfies the three conditions of docs/theory.md,
 * "Criticality and universality classes":
 * the fixed point {@code K* = C_b + C_W <sigma^2>_{K*}}, {@code chi_par(K*) = 1} and
 * {@code chi_perp(K*) = 1}. Residuals are {@code K* - C_b - C_W <sigma^2>_{K*}},
 * {@code chi_par(K*) - 1} and {@code chi_perp(K*) - 1}.
 *
 * @param activation               the activation's name
 * @param universalityClass        the class
 * @param criticalWeightVariance   critical C_W; NaN for {@link CriticalityClass#NONE}
 * @param criticalBiasVariance     critical C_b; NaN for {@link CriticalityClass#NONE}
 * @param fixedPointKernel         K*; NaN when every K is a fixed point (scale-invariant) or none is
 * @param residualKernel           the fixed-point residual (at K = 1 for scale-invariant); NaN for none
 * @param residualChiParallel      chi_par - 1 there; NaN for none
 * @param residualChiPerpendicular chi_perp - 1 there; NaN for none
 * @param a1                       for {@link CriticalityClass#K_STAR_ZERO}, the coefficient of the flow near
 *                                 K = 0, {@code a1 = sigma'''(0)/sigma'(0) + (3/4)(sigma''(0)/sigma'(0))^2}
 *                                 ({@code K^(l+1) = K + a1 K^2 + ...}, {@code chi_par = 1 + 2 a1 K + ...}); the
 *                                 fixed point attracts only when {@code a1 < 0}. NaN for the other classes.
 * @param message                  why this class, in words (for none: why there is no critical point)
 */
public record CriticalPoint(String activation, CriticalityClass universalityClass,
                            double criticalWeightVariance, double criticalBiasVariance, double fixedPointKernel,
                            double residualKernel, double residualChiParallel, double residualChiPerpendicular,
                            double a1, String message) implements Serializable {

    public CriticalPoint {
        if (activation == null || universalityClass == null || message == null) {
            throw new IllegalArgumentException("activation, universalityClass and message must not be null");
        }
    }

    /** Whether a critical initialization exists. */
    public boolean exists() {
        return universalityClass != CriticalityClass.NONE;
    }

    /**
     * Whether the fixed point repels: a K* = 0 point with {@code a1 >= 0}, where a kernel just above 0
     * grows away from it (shifted softplus). It holds no kernel, so no nu or r* follows from it.
     */
    public boolean fixedPointRepels() {
        return universalityClass == CriticalityClass.K_STAR_ZERO && !(a1 < 0);
    }

    /** The largest absolute residual of the three conditions (NaN if none exists). */
    public double maxResidual() {
        return Math.max(Math.abs(residualKernel),
                Math.max(Math.abs(residualChiParallel), Math.abs(residualChiPerpendicular)));
    }

    /** The critical initialization as (C_W, C_b). */
    public Initialization initialization() {
        if (!exists()) {
            throw new IllegalStateException(activation + " has no critical initialization: " + message);
        }
        return new Initialization(criticalWeightVariance, criticalBiasVariance);
    }
}
