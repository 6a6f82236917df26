package org.annft.nn;

import org.annft.theory.LearningRates;
import org.ejml.data.DMatrixRMaj;

/**
 * The empirical neural tangent kernel of a network with one output, with the learning-rate tensor
 * (docs/theory.md, "Neural tangent kernel"; paper Eq. 33):
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
     * {@code H} at the rows of {@code inputs} (k x n0), a k x k matrix.
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
        workspace.outputGradient().fill(1.0);
        DMatrixRMaj kernel = new DMatrixRMaj(k, k);
        DMatrixRMaj deltaProducts = new DMatrixRMaj(k, k);
        DMatrixRMaj inputProducts = new DMatrixRMaj(k, k);
        workspace.backpropagate(network, (layer, delta, layerInputs) -> {
            gemm.multiply(false, true, 1.0, delta, delta, 0.0, deltaProducts);
            gemm.multiply(false, true, 1.0, layerInputs, layerInputs, 0.0, inputProducts);
            double biasRate = rates.lambdaB(layer);
            double weightRate = rates.lambdaW(layer) / architecture.width(layer - 1);
            for (int i = 0; i < k * k; i++) {
                kernel.data[i] += deltaProducts.data[i] * (biasRate + weightRate * inputProducts.data[i]);
            }
        });
        return kernel;
    }
}
