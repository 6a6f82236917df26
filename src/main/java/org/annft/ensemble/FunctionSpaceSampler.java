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

    /** k = 1: the covariance is a scalar and its factor a square root. */
    private void sampleSingleInput(double[] out) {
        double scale = firstLayer.entry(0, 0);
        for (int i = 0; i < width; i++) {
            z[i] = scale * gaussian.sample();
        }
        out[0] = z[0];
        for (int l = 1; l <= hiddenLayers; l++) {
            activation.applyInPlace(z, 0, width);
            double sumOfSquares = 0;
            for (int i = 0; i < width; i++) {
                sumOfSquares += z[i] * z[i];
            }
            double s = Math.sqrt(Math.max(cB + cW * sumOfSquares / width, 0.0));
            int next = l < hiddenLayers ? width : 1;
            for (int i = 0; i < next; i++) {
                z[i] = s * gaussian.sample();
            }
            out[l] = z[0];
        }
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
