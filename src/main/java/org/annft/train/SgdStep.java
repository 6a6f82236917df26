package org.annft.train;

import org.annft.linalg.Gemm;
import org.annft.nn.ForwardBackward;
import org.annft.nn.Parameters;
import org.ejml.data.DMatrixRMaj;

/**
 * The SGD update fused into the backward pass, layer by layer as the error signal arrives:
 * {@code W^(l) <- W^(l) - eta_W^(l) Delta^(l)T A^(l-1)} as one product into {@code W^(l)} itself
 * ({@code alpha = -eta_W^(l)}, {@code beta = 1}), and {@code b^(l) -= eta_b^(l) 1^T Delta^(l)}.
 *
 * <p>Why: at batch 32 a wide layer's step is bound by memory traffic, not arithmetic. Writing the
 * gradient matrix and then updating from it streams the weights eight times per batch (zeroing,
 * accumulating and writing the gradient, reading it and the weights, writing the weights); the
 * fused product reads and writes the weights once. The forward and backward passes read them once
 * each. {@link ForwardBackward} computes {@code Delta^(l-1)} from {@code W^(l)} before the visit,
 * so the update does not change the error signal it follows. The rounding differs from the two-step
 * form ({@code w - fl(eta g)}) in the last bit: the product adds {@code alpha} times its sum to
 * {@code w} in the BLAS's own way. The float32 twin {@code FloatSgdStep} is generated at build time.
 */
final class SgdStep implements ForwardBackward.LayerVisitor {

    private final Sgd sgd;
    private final Parameters parameters;
    private final Gemm gemm;
    /** {@code 1^T Delta^(l)}, reused. */
    private final double[] biasGradient;

    SgdStep(Sgd sgd, Parameters parameters, Gemm gemm) {
        this.sgd = sgd;
        this.parameters = parameters;
        this.gemm = gemm;
        int widest = 0;
        for (int l = 1; l <= parameters.architecture().outputLayer(); l++) {
            widest = Math.max(widest, parameters.architecture().width(l));
        }
        this.biasGradient = new double[widest];
    }

    @Override
    public void visit(int layer, DMatrixRMaj delta, DMatrixRMaj inputs) {
        double weightRate = sgd.currentWeightRate(layer); // float32: float weightRate = sgd.currentWeightRate32(layer);
        double biasRate = sgd.currentBiasRate(layer); // float32: float biasRate = sgd.currentBiasRate32(layer);
        gemm.multiply(true, false, -weightRate, delta, inputs, 1.0, parameters.weights(layer));
        ForwardBackward.sumRowsInto(delta, biasGradient);
        double[] bias = parameters.biases(layer).data;
        for (int j = 0; j < delta.numCols; j++) {
            bias[j] -= biasRate * biasGradient[j];
        }
    }
}
