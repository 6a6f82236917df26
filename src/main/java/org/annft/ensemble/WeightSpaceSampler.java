package org.annft.ensemble;

import org.annft.linalg.Gemm;
import org.annft.nn.ForwardBackward;
import org.annft.nn.Mlp;
import org.annft.nn.NetworkSpec;
import org.annft.ntk.EmpiricalNtk;
import org.annft.theory.LearningRates;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * Reference sampler, built on the networks annft trains: the configuration's {@link NetworkSpec},
 * whose {@link Initializer} (the trainer's) draws
 * every weight {@code W_ij^(l) ~ N(0, C_W / n_{l-1})} and bias {@code b_i^(l) ~ N(0, C_b)}, and the
 * trainer's forward pass ({@link ForwardBackward}) evaluates the k inputs as one batch,
 * {@code z^(l+1) = b^(l+1) + W^(l+1) sigma(z^(l))}; the first neuron's preactivation of every layer
 * is recorded. O(n^2 k) per layer. Because the samplers must agree ({@code SamplerAgreementTest}),
 * that test also checks the initialization and forward pass of every trained network.
 */
final class WeightSpaceSampler implements EnsembleSampler {

    private final NetworkSpec spec;
    private final Mlp network;
    private final ForwardBackward forward;
    private final DMatrixRMaj inputs;
    private final int k;
    private double[] out;
    private final ForwardBackward.PreactivationVisitor firstNeuron;
    private final LearningRates ntkRates;
    private final EmpiricalNtk.Layers ntk;

    WeightSpaceSampler(EnsembleConfiguration c) {
        this(c, null);
    }

    /** A sampler that can also measure each drawn network's NTK with {@code ntkRates} (null: it cannot). */
    WeightSpaceSampler(EnsembleConfiguration c, LearningRates ntkRates) {
        this.spec = c.network();
        this.network = spec.newNetwork();
        this.forward = new ForwardBackward(spec.architecture(), c.inputCount(), Gemm.blas());
        this.k = c.inputCount();
        this.inputs = new DMatrixRMaj(c.inputs());
        this.firstNeuron = (layer, row, z, offset) -> out[(layer - 1) * k + row] = z[offset];
        this.ntkRates = ntkRates;
        this.ntk = ntkRates == null ? null : new EmpiricalNtk.Layers(forward, Gemm.blas());
    }

    /**
     * The NTK of the network the last {@link #sample} drew: {@code out[(l - 1) k^2 + a k + b]} for
     * the first neuron of layer {@code l = 1 .. l_out} ({@link EmpiricalNtk.Layers}).
     *
     * @throws IllegalStateException if this sampler was built without NTK rates
     */
    void ntk(double[] out) {
        if (ntk == null) {
            throw new IllegalStateException("this sampler measures no NTK");
        }
        ntk.compute(network, ntkRates, out);
    }

    @Override
    public long gaussiansPerSample() {
        return network.architecture().parameterCount();
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out) {
        spec.initialize(network, rng);
        this.out = out;
        forward.forward(network, inputs, ntk != null, firstNeuron);
        this.out = null;
    }
}
