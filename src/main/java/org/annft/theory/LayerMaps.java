package org.annft.theory;

/**
 * One step of the infinite-width recursions, from layer l to layer l+1, with {@code next} the
 * initialization (C_W, C_b) of layer l+1 and K the kernel of layer l (docs/theory.md,
 * "Kernel recursion", "Four-point vertex" and "Neural tangent kernel"):
 * <pre>
 *   K^(l+1)_ab = C_b + C_W &lt;sigma(z_a) sigma(z_b)&gt;_{K^(l)}
 *   V^(l+1)    = chi_par(K^(l))^2 V^(l) + C_W^2 [ &lt;sigma^4&gt;_{K^(l)} - &lt;sigma^2&gt;_{K^(l)}^2 ]
 *   Theta^(l+1)_ab = lambda_b^(l+1) + lambda_W^(l+1) &lt;sigma(z_a) sigma(z_b)&gt;_{K^(l)}
 *                    + C_W &lt;sigma'(z_a) sigma'(z_b)&gt;_{K^(l)} Theta^(l)_ab
 * </pre>
 * The vertex recursion carries chi_par <em>squared</em> (docs/theory.md, "Four-point vertex"; the
 * paper's Eq. 47 prints a single power). On the diagonal the NTK factor is chi_perp(K^(l)).
 */
public final class LayerMaps {

    private LayerMaps() {
    }

    /** K^(l+1) = C_b + C_W &lt;sigma^2&gt;_K for a single input. */
    public static double nextKernel(Activation sigma, Initialization next, double kernel) {
        return next.biasVariance() + next.weightVariance() * GaussianMoments.secondMoment(sigma, kernel);
    }

    /** K^(l+1)_ab = C_b + C_W &lt;sigma(z_a) sigma(z_b)&gt; over [[kaa, kab], [kab, kbb]]. */
    public static double nextKernel(Activation sigma, Initialization next, double kaa, double kab, double kbb) {
        return next.biasVariance() + next.weightVariance() * GaussianMoments.twoPoint(sigma, kaa, kab, kbb);
    }

    /** The source of the vertex recursion, C_W^2 [&lt;sigma^4&gt;_K - &lt;sigma^2&gt;_K^2]. */
    public static double vertexSource(Activation sigma, Initialization next, double kernel) {
        double second = GaussianMoments.secondMoment(sigma, kernel);
        double cw = next.weightVariance();
        return cw * cw * (GaussianMoments.fourthMoment(sigma, kernel) - second * second);
    }

    /** V^(l+1) = chi_par(K)^2 V + C_W^2 [&lt;sigma^4&gt;_K - &lt;sigma^2&gt;_K^2]. */
    public static double nextFourPointVertex(Activation sigma, Initialization next, double kernel, double vertex) {
        double chi = Susceptibilities.chiParallel(sigma, next.weightVariance(), kernel);
        return chi * chi * vertex + vertexSource(sigma, next, kernel);
    }

    /** Theta^(l+1) = lambda_b + lambda_W &lt;sigma^2&gt;_K + chi_perp(K) Theta for a single input. */
    public static double nextNtk(Activation sigma, Initialization next, double lambdaB, double lambdaW,
                                 double kernel, double ntk) {
        return lambdaB + lambdaW * GaussianMoments.secondMoment(sigma, kernel)
                + Susceptibilities.chiPerpendicular(sigma, next.weightVariance(), kernel) * ntk;
    }

    /** Theta^(l+1)_ab for two inputs over [[kaa, kab], [kab, kbb]]. */
    public static double nextNtk(Activation sigma, Initialization next, double lambdaB, double lambdaW,
                                 double kaa, double kab, double kbb, double ntk) {
        return lambdaB + lambdaW * GaussianMoments.twoPoint(sigma, kaa, kab, kbb)
                + next.weightVariance() * GaussianMoments.derivativeTwoPoint(sigma, kaa, kab, kbb) * ntk;
    }

    /**
     * The first-layer kernel K^(1)_ab = C_b + C_W (1/n0) sum_i x_{i;a} x_{i;b}.
     *
     * @throws IllegalArgumentException if the inputs are empty or of different widths
     */
    public static double firstLayerKernel(Initialization first, double[] xa, double[] xb) {
        return first.biasVariance() + first.weightVariance() * meanProduct(xa, xb);
    }

    /** Theta^(1)_ab = lambda_b^(1) + lambda_W^(1) (1/n0) sum_i x_{i;a} x_{i;b} (paper Eq. 37). */
    public static double firstLayerNtk(double lambdaB, double lambdaW, double[] xa, double[] xb) {
        return lambdaB + lambdaW * meanProduct(xa, xb);
    }

    /** (1/n0) sum_i x_{i;a} x_{i;b}. */
    static double meanProduct(double[] xa, double[] xb) {
        if (xa.length == 0 || xa.length != xb.length) {
            throw new IllegalArgumentException("inputs must be non-empty and of equal width, got widths "
                    + xa.length + " and " + xb.length);
        }
        double sum = 0;
        for (int i = 0; i < xa.length; i++) {
            sum += xa[i] * xb[i];
        }
        return sum / xa.length;
    }
}
