package org.annft.ensemble;

import org.annft.theory.Activation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Reference sampler: draws every weight {@code W_ij^(l) ~ N(0, C_W / n_{l-1})} and bias
 * {@code b_i^(l) ~ N(0, C_b)} of the network and runs the forward pass
 * {@code z^(l+1) = b^(l+1) + W^(l+1) sigma(z^(l))} at the k inputs. O(n^2 k) per layer.
 */
final class WeightSpaceSampler implements EnsembleSampler {

    private final Activation activation;
    private final double weightScaleFirst;
    private final double weightScaleHidden;
    private final double biasScale;
    private final int width;
    private final int hiddenLayers;
    private final int k;
    private final double[][] inputs;
    // Row-major (neuron, input) work arrays for the previous and the current layer.
    private double[] previous;
    private double[] current;
    private final double[] weightRow;
    private UniformRandomProvider cachedRng;
    private ZigguratSampler.NormalizedGaussian gaussian;

    WeightSpaceSampler(EnsembleConfiguration c) {
        this.activation = c.activation();
        this.weightScaleFirst = Math.sqrt(c.cW() / c.inputWidth());
        this.weightScaleHidden = Math.sqrt(c.cW() / c.width());
        this.biasScale = Math.sqrt(c.cB());
        this.width = c.width();
        this.hiddenLayers = c.hiddenLayers();
        this.k = c.inputCount();
        this.inputs = c.inputs();
        this.previous = new double[width * k];
        this.current = new double[width * k];
        this.weightRow = new double[Math.max(width, c.inputWidth())];
    }

    @Override
    public long gaussiansPerSample() {
        long n0 = inputs[0].length;
        return width * (n0 + 1) + (long) (hiddenLayers - 1) * width * (width + 1) + (width + 1);
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out) {
        if (rng != cachedRng) {
            cachedRng = rng;
            gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        }
        int n0 = inputs[0].length;
        for (int i = 0; i < width; i++) {
            double bias = biasScale * gaussian.sample();
            for (int j = 0; j < n0; j++) {
                weightRow[j] = weightScaleFirst * gaussian.sample();
            }
            for (int a = 0; a < k; a++) {
                double s = bias;
                for (int j = 0; j < n0; j++) {
                    s += weightRow[j] * inputs[a][j];
                }
                current[i * k + a] = s;
            }
        }
        System.arraycopy(current, 0, out, 0, k);
        for (int l = 1; l <= hiddenLayers; l++) {
            double[] t = previous;
            previous = current;
            current = t;
            activation.applyInPlace(previous, 0, width * k);
            int next = l < hiddenLayers ? width : 1;
            for (int i = 0; i < next; i++) {
                double bias = biasScale * gaussian.sample();
                for (int j = 0; j < width; j++) {
                    weightRow[j] = weightScaleHidden * gaussian.sample();
                }
                for (int a = 0; a < k; a++) {
                    double s = bias;
                    for (int j = 0; j < width; j++) {
                        s += weightRow[j] * previous[j * k + a];
                    }
                    current[i * k + a] = s;
                }
            }
            System.arraycopy(current, 0, out, l * k, k);
        }
    }
}
