package org.annft.theory;

/**
 * The parallel and perpendicular susceptibilities (docs/theory.md, "Susceptibilities"; PDLT
 * Eqs. 5.50-5.51):
 * <pre>
 *   chi_perp(K) = C_W &lt;sigma'(z)^2&gt;_K
 *   chi_par(K)  = (C_W / 2K^2) &lt;sigma(z)^2 (z^2 - K)&gt;_K = (C_W / K) &lt;z sigma(z) sigma'(z)&gt;_K
 * </pre>
 * chi_par is the derivative of the kernel map {@code K -> C_b + C_W <sigma^2>_K}; chi_perp governs
 * the off-diagonal kernel and the NTK.
 */
public final class Susceptibilities {

    /** Step of the central difference for sigma''(0) in the K -> 0 limit of chi_par. */
    private static final double STEP = 1e-5;

    private Susceptibilities() {
    }

    /**
     * chi_par(K). At {@code K = 0} the limit {@code K -> 0+}: for a smooth activation
     * {@code C_W (sigma'(0)^2 + sigma(0) sigma''(0))} (from {@code d<g>_K/dK = <g''>_K / 2}), with
     * sigma''(0) by a central difference; for an activation whose slope jumps at 0, from a- on the
     * left to a+ on the right, {@code C_W (a+^2 + a-^2) / 2}, since
     * {@code <z sigma sigma'>_K = K (a+^2 + a-^2) / 2} for a piecewise-linear sigma through 0 (ReLU:
     * C_W / 2 at every K, so 1 at criticality, K = 0 included). A jump is told from curvature by
     * the slope difference across 0 not shrinking with the step.
     */
    public static double chiParallel(Activation sigma, double weightVariance, double kernel) {
        GaussianExpectation.requireVariance("kernel", kernel);
        if (kernel == 0) {
            double right = sigma.derivative(STEP);
            double left = sigma.derivative(-STEP);
            double jump = sigma.derivative(STEP / 100) - sigma.derivative(-STEP / 100);
            if (Math.abs(jump) > 1e-9 && Math.abs(jump) > 0.5 * Math.abs(right - left)) {
                return weightVariance * (right * right + left * left) / 2;
            }
            double slope = sigma.derivative(0.0);
            double value = sigma.value(0.0);
            double curvature = value == 0 ? 0.0 : (right - left) / (2 * STEP);
            return weightVariance * (slope * slope + value * curvature);
        }
        return weightVariance * GaussianMoments.parallelMoment(sigma, kernel) / kernel;
    }

    /** chi_perp(K) = C_W &lt;sigma'(z)^2&gt;_K. */
    public static double chiPerpendicular(Activation sigma, double weightVariance, double kernel) {
        return weightVariance * GaussianMoments.derivativeSecondMoment(sigma, kernel);
    }
}
