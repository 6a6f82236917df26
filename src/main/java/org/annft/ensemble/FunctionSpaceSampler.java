package org.annft.ensemble;

import org.annft.theory.Activation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Exact function-space sampler (THEORY.md, last section; paper Eqs. 16, 25-26). Given the previous
 * layer's activations {@code sigma_{j;a}} at the k inputs, the next layer's preactivations are
 * independent across neurons i and Gaussian with k x k covariance
 * <pre>G^(l+1)_ab = C_b + (C_W / n_l) sum_j sigma_{j;a} sigma_{j;b}</pre>
 * (for the first layer {@code G^(1)_ab = C_b + (C_W / n0) sum_i x_{i;a} x_{i;b}}, a constant).
 * Drawing layer by layer from these conditionals samples exactly the distribution of an explicitly
 * initialized network, at O(n k^2) per layer instead of O(n^2 k).
 */
final class FunctionSpaceSampler implements EnsembleSampler {

    private final Activation activation;
    private final double cW;
    private final double cB;
    private final int width;
    private final int hiddenLayers;
    private final int k;
    private final CovarianceFactor firstLayer;
    private final CovarianceFactor factor;
    // Work arrays, row-major (neuron, input).
    private final double[] z;
    private final double[] g;
    private final double[] u;
    private UniformRandomProvider cachedRng;
    private ZigguratSampler.NormalizedGaussian gaussian;

    FunctionSpaceSampler(EnsembleConfiguration c) {
        this.activation = c.activation();
        this.cW = c.cW();
        this.cB = c.cB();
        this.width = c.width();
        this.hiddenLayers = c.hiddenLayers();
        this.k = c.inputCount();
        this.z = new double[width * k];
        this.g = new double[k * k];
        this.u = new double[k];
        this.factor = new CovarianceFactor(k);
        this.firstLayer = new CovarianceFactor(k);
        double[][] x = c.inputs();
        double[] g1 = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double dot = 0;
                for (int i = 0; i < x[a].length; i++) {
                    dot += x[a][i] * x[b][i];
                }
                g1[a * k + b] = cB + cW * dot / x[a].length;
            }
        }
        firstLayer.factorize(g1);
    }

    @Override
    public long gaussiansPerSample() {
        return ((long) width * hiddenLayers + 1) * k;
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out) {
        if (rng != cachedRng) {
            cachedRng = rng;
            gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        }
        if (k == 1) {
            sampleSingleInput(out);
            return;
        }
        draw(firstLayer, width);
        System.arraycopy(z, 0, out, 0, k);
        for (int l = 1; l <= hiddenLayers; l++) {
            activation.applyInPlace(z, 0, width * k);
            conditionalCovariance();
            factor.factorize(g);
            draw(factor, l < hiddenLayers ? width : 1);
            System.arraycopy(z, 0, out, l * k, k);
        }
    }

    /**
     * k = 1: the covariance is a scalar and its factor a square root. The three loops (draw,
     * activation, sum of squares) are separate methods so that each is compiled on its own profile,
     * whatever mix of activations a JVM has seen.
     */
    private void sampleSingleInput(double[] out) {
        drawScaled(width, firstLayer.entry(0, 0));
        out[0] = z[0];
        for (int l = 1; l <= hiddenLayers; l++) {
            activation.applyInPlace(z, 0, width);
            double s = Math.sqrt(Math.max(cB + cW * sumOfSquares(z, width) / width, 0.0));
            drawScaled(l < hiddenLayers ? width : 1, s);
            out[l] = z[0];
        }
    }

    /** z_i = scale u_i, i &lt; count, with u_i standard normal. */
    private void drawScaled(int count, double scale) {
        ZigguratSampler.NormalizedGaussian g = gaussian;
        for (int i = 0; i < count; i++) {
            z[i] = scale * g.sample();
        }
    }

    /**
     * sum_i v_i^2 over four interleaved partial sums: a single running sum would wait for each
     * addition to finish before the next. The order is fixed, so the result is reproducible.
     */
    static double sumOfSquares(double[] v, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += v[i] * v[i];
            s1 += v[i + 1] * v[i + 1];
            s2 += v[i + 2] * v[i + 2];
            s3 += v[i + 3] * v[i + 3];
        }
        for (; i < length; i++) {
            s0 += v[i] * v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** G_ab = C_b + (C_W / n) sum_j sigma_{j;a} sigma_{j;b}, with the activations in z. */
    private void conditionalCovariance() {
        java.util.Arrays.fill(g, 0.0);
        for (int j = 0; j < width; j++) {
            int row = j * k;
            for (int a = 0; a < k; a++) {
                double sa = z[row + a];
                for (int b = 0; b <= a; b++) {
                    g[a * k + b] += sa * z[row + b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double v = cB + cW * g[a * k + b] / width;
                g[a * k + b] = v;
                g[b * k + a] = v;
            }
        }
    }

    /** z_i = L u_i for neurons i < count. */
    private void draw(CovarianceFactor l, int count) {
        for (int i = 0; i < count; i++) {
            for (int a = 0; a < k; a++) {
                u[a] = gaussian.sample();
            }
            l.apply(u, z, i * k);
        }
    }
}
