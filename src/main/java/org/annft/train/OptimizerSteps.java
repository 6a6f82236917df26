package org.annft.train;

import org.annft.nn.Parameters;
import org.ejml.data.DMatrixRMaj;

/**
 * The element loops of {@link Sgd} and {@link Adam} on one precision's parameters. The optimizers
 * keep their schedules and rates; these loops do the arithmetic. The float32 twin
 * {@code FloatOptimizerSteps} is generated from this class at build time.
 */
final class OptimizerSteps {

    private OptimizerSteps() {
    }

    /**
     * One SGD step, {@code W^(l) -= weightRates[l-1] dL/dW^(l)} and
     * {@code b^(l) -= biasRates[l-1] dL/db^(l)}, the rates those used in practice (for the tensor of
     * Eq. 33, {@code lambda_W^(l) / n_{l-1}} and {@code lambda_b^(l)}).
     */
    static void sgd(Parameters parameters, Parameters gradients, double[] weightRates, double[] biasRates) {
        parameters.requireSameShape(gradients);
        for (int l = 1; l <= parameters.architecture().outputLayer(); l++) {
            subtractScaled(parameters.weights(l), weightRates[l - 1], gradients.weights(l));
            subtractScaled(parameters.biases(l), biasRates[l - 1], gradients.biases(l));
        }
    }

    /**
     * One Adam step (Kingma and Ba, Algorithm 1) of every weight and bias, with moments {@code m},
     * {@code v} updated in place and the bias corrections {@code 1 - beta^t} given.
     */
    static void adam(Parameters parameters, Parameters gradients, Parameters m, Parameters v, double[] weightRates,
            double[] biasRates, double beta1, double beta2, double epsilon, double correction1, double correction2) {
        parameters.requireSameShape(gradients);
        parameters.requireSameShape(m);
        for (int l = 1; l <= parameters.architecture().outputLayer(); l++) {
            adam(parameters.weights(l), gradients.weights(l), m.weights(l), v.weights(l), weightRates[l - 1],
                    beta1, beta2, epsilon, correction1, correction2);
            adam(parameters.biases(l), gradients.biases(l), m.biases(l), v.biases(l), biasRates[l - 1],
                    beta1, beta2, epsilon, correction1, correction2);
        }
    }

    private static void subtractScaled(DMatrixRMaj target, double scale, DMatrixRMaj gradient) {
        int size = target.getNumElements();
        double[] t = target.data;
        double[] g = gradient.data;
        for (int i = 0; i < size; i++) {
            t[i] -= scale * g[i];
        }
    }

    private static void adam(DMatrixRMaj theta, DMatrixRMaj gradient, DMatrixRMaj m, DMatrixRMaj v, double rate,
            double beta1, double beta2, double epsilon, double correction1, double correction2) {
        int size = theta.getNumElements();
        for (int i = 0; i < size; i++) {
            double g = gradient.data[i];
            double mi = beta1 * m.data[i] + (1 - beta1) * g;
            double vi = beta2 * v.data[i] + (1 - beta2) * g * g;
            m.data[i] = mi;
            v.data[i] = vi;
            theta.data[i] -= rate * (mi / correction1) / (Math.sqrt(vi / correction2) + epsilon);
        }
    }
}
