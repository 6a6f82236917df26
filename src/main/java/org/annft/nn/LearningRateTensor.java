package org.annft.nn;

import java.util.Arrays;

/**
 * The learning-rate tensor of paper Eq. 33 (THEORY.md, "Neural tangent kernel"): in one SGD step a
 * bias {@code b^(l)_i} moves by {@code -lambda_b^(l) dL/db_i} and a weight {@code W^(l)_ij} by
 * {@code -(lambda_W^(l) / n_{l-1}) dL/dW_ij}. Layers are numbered {@code l = 1 .. l_out}.
 * The {@code 1/n_{l-1}} factor is applied by the optimizer, not included in {@link #lambdaW(int)}.
 */
public interface LearningRateTensor {

    /** {@code lambda_b^(l)}. */
    double lambdaB(int layer);

    /** {@code lambda_W^(l)}, before the {@code 1/n_{l-1}} factor. */
    double lambdaW(int layer);

    /**
     * A tensor with explicit per-layer rates, entry {@code l - 1} for layer {@code l}.
     *
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or hold a negative
     *                                  or non-finite rate
     */
    static LearningRateTensor of(double[] biasRates, double[] weightRates) {
        return new PerLayer(biasRates, weightRates);
    }

    /** The same {@code lambda_b} and {@code lambda_W} in every layer. */
    static LearningRateTensor uniform(double biasRate, double weightRate) {
        requireRate("bias rate", biasRate);
        requireRate("weight rate", weightRate);
        return new LearningRateTensor() {
            @Override public double lambdaB(int layer) { return biasRate; }
            @Override public double lambdaW(int layer) { return weightRate; }
            @Override public String toString() { return "uniform(lambda_b=" + biasRate + ", lambda_W=" + weightRate + ")"; }
        };
    }

    /**
     * @throws IllegalArgumentException naming the rate if it is negative or not finite
     */
    static void requireRate(String name, double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + rate);
        }
    }

    /** Immutable explicit per-layer rates. */
    final class PerLayer implements LearningRateTensor {
        private final double[] biasRates;
        private final double[] weightRates;

        private PerLayer(double[] biasRates, double[] weightRates) {
            if (biasRates.length == 0 || biasRates.length != weightRates.length) {
                throw new IllegalArgumentException("per-layer rates need equal, non-zero lengths, got "
                        + biasRates.length + " and " + weightRates.length);
            }
            for (int i = 0; i < biasRates.length; i++) {
                requireRate("bias rate of layer " + (i + 1), biasRates[i]);
                requireRate("weight rate of layer " + (i + 1), weightRates[i]);
            }
            this.biasRates = biasRates.clone();
            this.weightRates = weightRates.clone();
        }

        @Override public double lambdaB(int layer) { return biasRates[layer - 1]; }
        @Override public double lambdaW(int layer) { return weightRates[layer - 1]; }
        @Override public String toString() {
            return "perLayer(lambda_b=" + Arrays.toString(biasRates) + ", lambda_W=" + Arrays.toString(weightRates) + ")";
        }
    }
}
