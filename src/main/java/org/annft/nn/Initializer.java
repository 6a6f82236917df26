package org.annft.nn;

import org.annft.theory.Initialization;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * Samples the parameters of a network: {@code W^(l)_ij = sqrt(C_W^(l) / n_{l-1}) g},
 * {@code b^(l)_i = sqrt(C_b^(l)) g} with independent standard normal {@code g} (docs/theory.md,
 * "Network and initialization").
 * Draw order is fixed (layer 1 to l_out; weights row-major, then biases), so a seed fixes the
 * network.
 */
public final class Initializer {

    private Initializer() {
    }

    /**
     * Overwrites the parameters of {@code network} with a fresh draw.
     *
     * @throws IllegalArgumentException if the spec's layer count is not {@code l_out}
     */
    public static void initialize(Mlp network, InitSpec spec, UniformRandomProvider random) {
        initialize(network.parameters(), spec, random);
    }

    /** As {@link #initialize(Mlp, InitSpec, UniformRandomProvider)} on a parameter container. */
    public static void initialize(Parameters parameters, InitSpec spec, UniformRandomProvider random) {
        MlpArchitecture architecture = parameters.architecture();
        if (spec.layers().size() != architecture.outputLayer()) {
            throw new IllegalArgumentException("init spec has " + spec.layers().size() + " layers, network has "
                    + architecture.outputLayer());
        }
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        for (int l = 1; l <= architecture.outputLayer(); l++) {
            Initialization variances = spec.layer(l);
            fill(parameters.weights(l), Math.sqrt(variances.weightVariance() / architecture.width(l - 1)), gaussian);
            fill(parameters.biases(l), Math.sqrt(variances.biasVariance()), gaussian);
        }
    }

    private static void fill(DMatrixRMaj matrix, double standardDeviation, NormalizedGaussianSampler gaussian) {
        int size = matrix.getNumElements();
        for (int i = 0; i < size; i++) {
            matrix.data[i] = standardDeviation * gaussian.sample();
        }
    }
}
