package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.annft.linalg.Gemm;
import org.annft.nn.ForwardBackward;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.theory.Activations;
import org.annft.theory.LearningRates;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SGD and Adam on a two-neuron ReLU network (inputs n0 = 2, one hidden neuron, one output), against
 * values worked out by hand.
 *
 * <pre>
 * x = (1, -2), y = 0.5, W1 = (0.3, -0.2), b1 = 0.1, W2 = 0.7, b2 = -0.4
 * z1 = 0.1 + 0.3*1 + (-0.2)*(-2) = 0.8, relu(z1) = 0.8, f = -0.4 + 0.7*0.8 = 0.16
 * MSE: L = (0.16 - 0.5)^2 = 0.1156, dL/df = 2 (0.16 - 0.5) = -0.68
 * dL/db2 = -0.68, dL/dW2 = -0.68*0.8 = -0.544
 * dL/dz1 = -0.68*0.7*relu'(0.8) = -0.476: dL/db1 = -0.476, dL/dW1 = (-0.476*1, -0.476*(-2)) = (-0.476, 0.952)
 * </pre>
 */
class OptimizerHandTest {

    static final MlpArchitecture TWO_NEURONS = new MlpArchitecture(2, 1, 1, 1);

    // The hand example's numbers, each in the order W1_1, W1_2, b1, W2, b2 (FloatTrainingTest checks
    // the float32 path against the same numbers).
    static final double[] INITIAL = {0.3, -0.2, 0.1, 0.7, -0.4};
    static final double[] HAND_GRADIENTS = {-0.476, 0.952, -0.476, -0.544, -0.68};
    static final double[] AFTER_SGD = {0.3476, -0.2952, 0.1476, 0.9176, -0.366};
    static final double[] AFTER_ADAM = {0.30999999978991594, -0.209999999894958, 0.10999999978991598,
        0.7099999998161765, -0.3900000001470588};
    static final double[] SECOND_GRADIENTS = {0.2, -0.1, 0.3, 0.5, -0.05};
    static final double[] AFTER_SECOND_ADAM = {0.3132932369164684, -0.21588611845547584, 0.11169876862459378,
        0.7098952307672475, -0.3827715183708216};

    /** SGD rates lambda_b = (0.1, 0.05), lambda_W = (0.2, 0.4) for layers 1, 2. */
    static LearningRates handRates() {
        return LearningRates.of(new double[] {0.1, 0.05}, new double[] {0.2, 0.4});
    }

    /** The five values of {@code p} in the order above. */
    static double[] values(Parameters p) {
        return new double[] {p.weights(1).get(0, 0), p.weights(1).get(0, 1), p.biases(1).get(0, 0),
            p.weights(2).get(0, 0), p.biases(2).get(0, 0)};
    }

    /** Parameters of the two-neuron network holding {@code v} in the order above. */
    static Parameters parameters(double[] v) {
        Parameters p = new Parameters(TWO_NEURONS);
        p.weights(1).set(0, 0, v[0]);
        p.weights(1).set(0, 1, v[1]);
        p.biases(1).set(0, 0, v[2]);
        p.weights(2).set(0, 0, v[3]);
        p.biases(2).set(0, 0, v[4]);
        return p;
    }

    private Mlp network;
    private Parameters gradients;
    private double loss;

    @BeforeEach
    void gradientsOfTheHandExample() {
        network = new Mlp(TWO_NEURONS, Activations.parse("relu"));
        network.parameters().copyFrom(parameters(INITIAL));
        ForwardBackward workspace = new ForwardBackward(TWO_NEURONS, 1, Gemm.blas());
        DMatrixRMaj prediction = workspace.forward(network, new DMatrixRMaj(new double[][] {{1, -2}}), true);
        loss = Loss.MSE.evaluate(prediction, new DMatrixRMaj(new double[][] {{0.5}}), workspace.outputGradient());
        gradients = new Parameters(TWO_NEURONS);
        workspace.backward(network, gradients);
    }

    @Test
    void backwardGivesTheHandGradients() {
        assertEquals(0.1156, loss, 1e-15);
        assertArrayEquals(HAND_GRADIENTS, values(gradients), 1e-15);
    }

    /**
     * Rates lambda_b = (0.1, 0.05), lambda_W = (0.2, 0.4) for layers 1, 2; weights step by
     * lambda_W / n_{l-1} with n0 = 2, n1 = 1:
     * W1 = (0.3 - 0.1*(-0.476), -0.2 - 0.1*0.952) = (0.3476, -0.2952), b1 = 0.1 + 0.1*0.476 = 0.1476,
     * W2 = 0.7 + 0.4*0.544 = 0.9176, b2 = -0.4 + 0.05*0.68 = -0.366.
     */
    @Test
    void sgdStepsByTheLearningRateTensor() {
        Sgd.step(network.parameters(), gradients, handRates());
        assertArrayEquals(AFTER_SGD, values(network.parameters()), 1e-15);
    }

    @Test
    void sgdSwitchesRatesAtPhaseBoundaries() {
        PhaseSchedule schedule = new PhaseSchedule(java.util.List.of(
                new PhaseSchedule.Phase(2, 1.0, 2.0), new PhaseSchedule.Phase(3, 0.5, 0.25)));
        Sgd sgd = new Sgd(TWO_NEURONS, schedule, LearningRatePrescription.uniform(2));
        sgd.beginEpoch(2);
        assertEquals(2.0, sgd.currentTensor().lambdaW(1));
        sgd.beginEpoch(3);
        assertEquals(0.5, sgd.currentTensor().lambdaB(2));
        assertEquals(0.25, sgd.currentTensor().lambdaW(2));
        assertEquals(5, schedule.totalEpochs());
        assertEquals(1, schedule.phaseIndexAt(5));
    }

    /**
     * Adam, lr 0.01, betas 0.9 and 0.999, epsilon 1e-8. Step 1 with the gradients g above:
     * m = 0.1 g, v = 0.001 g^2, corrected m = g, v = g^2, theta -= 0.01 g / (|g| + 1e-8), e.g.
     * W1_1 = 0.3 + 0.01*0.476/(0.476 + 1e-8) = 0.30999999978991594.
     * Step 2 with given gradients g' (W1 = (0.2, -0.1), b1 = 0.3, W2 = 0.5, b2 = -0.05):
     * m = 0.9 m + 0.1 g', v = 0.999 v + 0.001 g'^2, corrections 1 - 0.9^2 = 0.19 and 1 - 0.999^2 = 0.001999;
     * for W1_1: m = -0.02284, v = 2.66349...e-4, step = -0.01 (m/0.19) / (sqrt(v/0.001999) + 1e-8) = 0.0032932...
     */
    @Test
    void adamMatchesTheHandComputationOverTwoSteps() {
        Adam adam = new Adam(TWO_NEURONS, new Adam.AdamSettings(0.01, 0.9, 0.999, 1e-8));
        Parameters p = network.parameters();
        adam.step(p, gradients);
        assertArrayEquals(AFTER_ADAM, values(p), 1e-15);
        adam.step(p, parameters(SECOND_GRADIENTS));
        assertEquals(2, adam.steps());
        assertArrayEquals(AFTER_SECOND_ADAM, values(p), 1e-14);
    }
}
