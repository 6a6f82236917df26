package org.annft.nn;

import org.annft.theory.Activation;
import org.annft.theory.Architecture;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One network as annft describes it everywhere: the activation, the shape (input width n0, L
 * hidden layers of width n, a linear output) and the initialization (C_W, C_b) of every layer
 * {@code l = 1 .. l_out}. The trainer builds and initializes its networks from it, the weight
 * sampler of the initialization ensembles draws the same networks, and {@link #theory()} is what
 * the infinite-width recursions and the function-space sampler see of it.
 *
 * @param activation     sigma of the hidden layers
 * @param architecture   the widths
 * @param initialization (C_W, C_b) of layers 1 .. l_out, one per layer
 */
public record NetworkSpec(Activation activation, MlpArchitecture architecture, InitSpec initialization) {

    public NetworkSpec {
        if (activation == null || architecture == null || initialization == null) {
            throw new IllegalArgumentException("a network needs an activation, an architecture and an initialization");
        }
        if (initialization.layers().size() != architecture.outputLayer()) {
            throw new IllegalArgumentException("init spec has " + initialization.layers().size() + " layers, network has "
                    + architecture.outputLayer());
        }
    }

    /**
     * A network with one output and the same (C_W, C_b) in every layer, as the paper's experiments use.
     *
     * @param hiddenLayers L; the paper's depth is {@code l_out = L + 1}
     */
    public static NetworkSpec uniform(Activation activation, int inputWidth, int width, int hiddenLayers,
            double weightVariance, double biasVariance) {
        return new NetworkSpec(activation, new MlpArchitecture(inputWidth, width, hiddenLayers, 1),
                InitSpec.uniform(weightVariance, biasVariance, hiddenLayers + 1));
    }

    /** A network of these shape and activation with all parameters zero. */
    public Mlp newNetwork() {
        return new Mlp(architecture, activation);
    }

    /** Overwrites {@code network}'s parameters with a draw of this initialization ({@link Initializer}). */
    public void initialize(Mlp network, UniformRandomProvider random) {
        if (!network.architecture().equals(architecture)) {
            throw new IllegalArgumentException("network " + network.architecture() + " is not " + architecture);
        }
        Initializer.initialize(network, initialization, random);
    }

    /**
     * What the infinite-width theory sees: activation, L, n and (C_W, C_b) per layer; the input
     * enters the recursions only through its own kernel.
     *
     * @throws IllegalArgumentException without hidden layers (the recursions need L >= 1)
     */
    public Architecture theory() {
        return new Architecture(activation, architecture.hiddenLayers(), architecture.hiddenWidth(),
                initialization.layers());
    }
}
