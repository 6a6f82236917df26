package org.annft.nn;

import java.util.Objects;
import org.annft.theory.Activation;

/**
 * A multilayer perceptron: architecture, activation and parameters. Preactivations follow
 * docs/theory.md, "Network and initialization": {@code z^(1) = b^(1) + W^(1) x},
 * {@code z^(l+1) = b^(l+1) + W^(l+1) sigma(z^(l))}, output {@code f(x) = z^(l_out)} (linear).
 * Forward and backward passes live in {@link ForwardBackward}; initialization in
 * {@link Initializer}.
 */
public final class Mlp {

    private final MlpArchitecture architecture;
    private final Activation activation;
    private final Parameters parameters;

    /** A network with all parameters zero; see {@link Initializer} to sample them. */
    public Mlp(MlpArchitecture architecture, Activation activation) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.activation = Objects.requireNonNull(activation, "activation");
        this.parameters = new Parameters(architecture);
    }

    public MlpArchitecture architecture() {
        return architecture;
    }

    public Activation activation() {
        return activation;
    }

    /** The live parameters (updated in place by training). */
    public Parameters parameters() {
        return parameters;
    }

    /** A network with the same architecture and activation and a copy of the parameters. */
    public Mlp copy() {
        Mlp copy = new Mlp(architecture, activation);
        copy.parameters.copyFrom(parameters);
        return copy;
    }
}
