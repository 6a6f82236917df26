package org.annft.ntk;

import org.annft.linalg.Gemm;
import org.annft.nn.ForwardBackward;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.theory.LearningRates;
import org.ejml.data.DMatrixRMaj;

/**
 * The empirical neural tangent kernel of a network, with the learning-rate tensor
 * (docs/theory.md, "Neural tangent kernel"; paper Eq. 33): for a preactivation {@code z} of the
 * network at inputs a and b,
 * {@code H_ab = sum_l [ lambda_b^(l) sum_j dz_a/db_j dz_b/db_j
 *                      + (lambda_W^(l)/n_{l-1}) sum_jk dz_a/dW_jk dz_b/dW_jk ]}.
 *
 * <p>With {@code Delta^(l)_{a j} = dz_a/dz^(l)_j} from one backward pass seeded with 1 at every
 * input, {@code dz_a/db_j = Delta_{a j}} and {@code dz_a/dW_jk = Delta_{a j} A^(l-1)_{a k}}, so the
 * weight sum factorizes: {@code sum_jk ... = (Delta Delta^T)_ab (A A^T)_ab}. Cost: one batched
 * backward pass and two k x k products per layer, for k inputs.
 */
public final class EmpiricalNtk {

    private EmpiricalNtk() {
    }

    /**
     * {@code H} of the output at the rows of {@code inputs} (k x n0), a k x k matrix.
     *
     * @throws IllegalArgumentException if the network has more than one output or the inputs do not fit
     */
    public static DMatrixRMaj compute(Mlp network, LearningRates rates, DMatrixRMaj inputs, Gemm gemm) {
        MlpArchitecture architecture = network.architecture();
        if (architecture.outputWidth() != 1) {
            throw new IllegalArgumentException("empirical NTK needs one output, network has " + architecture.outputWidth());
        }
        int k = inputs.numRows;
        ForwardBackward workspace = new ForwardBackward(architecture, k, gemm);
        workspace.forward(network, inputs, true);
        double[] kernel = new double[architecture.outputLayer() * k * k];
        new Layers(workspace, gemm).compute(network, rates, kernel);
        DMatrixRMaj out = new DMatrixRMaj(k, k);
        System.arraycopy(kernel, (architecture.outputLayer() - 1) * k * k, out.data, 0, k * k);
        return out;
    }

    /**
     * The NTK of every layer's first neuron, {@code H^(l)_ab} for the preactivation {@code z^(l)_1}
     * with the rates of layers {@code 1 .. l} (the theory's {@code Theta^(l)}, which at infinite width
     * is the same for every neuron and zero between neurons), on a workspace that has run the
     * forward pass: a backward pass from each layer, no allocation per network.
     */
    public static final class Layers {

        private final ForwardBackward workspace;
        private final Gemm gemm;
        private final DMatrixRMaj seed;
        private final DMatrixRMaj deltaProducts;
        private final DMatrixRMaj inputProducts;

        public Layers(ForwardBackward workspace, Gemm gemm) {
            this.workspace = workspace;
            this.gemm = gemm;
            MlpArchitecture a = workspace.architecture();
            int widest = Math.max(a.outputWidth(), a.hiddenLayers() > 0 ? a.hiddenWidth() : 0);
            this.seed = new DMatrixRMaj(workspace.capacity(), widest);
            this.deltaProducts = new DMatrixRMaj(workspace.capacity(), workspace.capacity());
            this.inputProducts = new DMatrixRMaj(workspace.capacity(), workspace.capacity());
        }

        /**
         * Writes {@code H^(l)_ab} into {@code out[(l - 1) k^2 + a k + b]} for {@code l = 1 .. l_out},
         * for the k inputs of the workspace's last forward pass (which must have kept derivatives).
         *
         * @throws IllegalArgumentException if {@code out} is shorter than {@code l_out k^2}
         */
        public void compute(Mlp network, LearningRates rates, double[] out) {
            MlpArchitecture architecture = workspace.architecture();
            int k = workspace.batchSize();
            int layers = architecture.outputLayer();
            if (out.length < layers * k * k) {
                throw new IllegalArgumentException("NTK output needs " + layers * k * k + " values, got " + out.length);
            }
            deltaProducts.reshape(k, k, false);
            inputProducts.reshape(k, k, false);
            for (int top = 1; top <= layers; top++) {
                int width = architecture.width(top);
                seed.reshape(k, width, false);
                seed.zero();
                for (int a = 0; a < k; a++) {
                    seed.data[a * width] = 1.0;
                }
                int offset = (top - 1) * k * k;
                java.util.Arrays.fill(out, offset, offset + k * k, 0.0);
                workspace.backpropagateFrom(network, top, seed, (layer, delta, layerInputs) -> {
                    gemm.multiply(false, true, 1.0, delta, delta, 0.0, deltaProducts);
                    gemm.multiply(false, true, 1.0, layerInputs, layerInputs, 0.0, inputProducts);
                    double biasRate = rates.lambdaB(layer);
                    double weightRate = rates.lambdaW(layer) / architecture.width(layer - 1);
                    for (int i = 0; i < k * k; i++) {
                        out[offset + i] += deltaProducts.data[i] * (biasRate + weightRate * inputProducts.data[i]);
                    }
                });
            }
        }
    }
}
