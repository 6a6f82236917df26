package org.annft.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.annft.linalg.Gemm;
import org.annft.theory.Activation;
import org.annft.theory.Activations;
import org.annft.train.Loss;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagated gradients against central finite differences, for every activation and both
 * losses, on a network with two hidden layers, two outputs and a batch of five.
 *
 * <p>Criteria: over all parameters, {@code |g - fd|_2 <= 1e-6 |g|_2}, and per parameter
 * {@code |g_i - fd_i| <= 1e-6 |g|_inf}. Step {@code h = 1e-6}: truncation error O(h^2) and
 * rounding O(1e-16/h) both stay below 1e-9 relative. Kinks are kept out of reach: targets sit at
 * least 0.5 away from the predictions (MAE), and every preactivation is at least 1e-3 away from 0
 * (ReLU-type kinks), which the test asserts so that it stays valid.
 */
class GradientCheckTest {

    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-6;
    private static final MlpArchitecture ARCHITECTURE = new MlpArchitecture(3, 6, 2, 2);

    static Stream<Arguments> activationsAndLosses() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : Activations.NAMES) {
            for (Loss loss : Loss.values()) {
                cases.add(Arguments.of(name, loss));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("activationsAndLosses")
    void backpropagationMatchesCentralDifferences(String activationName, Loss loss) {
        Activation activation = Activations.parse(activationName);
        UniformRandomProvider random = SeedStreams.stream(2024, 5);
        Mlp network = TestNetworks.randomNetwork(ARCHITECTURE, activation, 1.5, 0.1, 31);
        DMatrixRMaj inputs = TestNetworks.uniformMatrix(5, 3, -1, 1, random);
        assertPreactivationsAwayFromZero(network, inputs, 1e-3);

        ForwardBackward workspace = new ForwardBackward(ARCHITECTURE, 5, Gemm.blas());
        DMatrixRMaj predictions = workspace.forward(network, inputs, true).copy();
        DMatrixRMaj targets = new DMatrixRMaj(5, 2);
        for (int i = 0; i < targets.data.length; i++) {
            double sign = random.nextBoolean() ? 1 : -1;
            targets.data[i] = predictions.data[i] + sign * (0.5 + random.nextDouble());
        }
        loss.evaluate(predictions, targets, workspace.outputGradient());
        Parameters gradients = new Parameters(ARCHITECTURE);
        workspace.backward(network, gradients);

        List<double[]> analytic = new ArrayList<>();
        List<double[]> numeric = new ArrayList<>();
        for (int l = 1; l <= ARCHITECTURE.outputLayer(); l++) {
            for (DMatrixRMaj[] pair : new DMatrixRMaj[][] {
                    {network.parameters().weights(l), gradients.weights(l)},
                    {network.parameters().biases(l), gradients.biases(l)}}) {
                analytic.add(pair[1].data.clone());
                numeric.add(TestNetworks.centralDifferences(pair[0],
                        () -> loss.evaluate(workspace.forward(network, inputs, false), targets, null), STEP));
            }
        }
        double differenceSquares = 0;
        double gradientSquares = 0;
        double largest = 0;
        for (int p = 0; p < analytic.size(); p++) {
            for (int i = 0; i < analytic.get(p).length; i++) {
                double g = analytic.get(p)[i];
                differenceSquares += (g - numeric.get(p)[i]) * (g - numeric.get(p)[i]);
                gradientSquares += g * g;
                largest = Math.max(largest, Math.abs(g));
            }
        }
        assertTrue(gradientSquares > 0, "gradient must not vanish identically");
        assertTrue(Math.sqrt(differenceSquares) <= TOLERANCE * Math.sqrt(gradientSquares),
                "relative gradient error " + Math.sqrt(differenceSquares / gradientSquares));
        for (int p = 0; p < analytic.size(); p++) {
            for (int i = 0; i < analytic.get(p).length; i++) {
                assertEquals(numeric.get(p)[i], analytic.get(p)[i], TOLERANCE * largest, "parameter block " + p + " entry " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activationNames")
    void batchedForwardMatchesThePlainFormula(String activationName) {
        Mlp network = TestNetworks.randomNetwork(ARCHITECTURE, Activations.parse(activationName), 1.5, 0.1, 31);
        DMatrixRMaj inputs = TestNetworks.uniformMatrix(5, 3, -1, 1, SeedStreams.stream(2024, 5));
        DMatrixRMaj out = new ForwardBackward(ARCHITECTURE, 5, Gemm.blas()).forward(network, inputs, false);
        for (int a = 0; a < 5; a++) {
            double[] expected = TestNetworks.referencePreactivations(network, TestNetworks.row(inputs, a))[ARCHITECTURE.outputLayer()];
            for (int i = 0; i < 2; i++) {
                assertEquals(expected[i], out.get(a, i), 1e-12);
            }
        }
    }

    static Stream<String> activationNames() {
        return Activations.NAMES.stream();
    }

    private static void assertPreactivationsAwayFromZero(Mlp network, DMatrixRMaj inputs, double margin) {
        for (int a = 0; a < inputs.numRows; a++) {
            double[][] z = TestNetworks.referencePreactivations(network, TestNetworks.row(inputs, a));
            for (int l = 1; l < ARCHITECTURE.outputLayer(); l++) {
                for (double value : z[l]) {
                    assertTrue(Math.abs(value) > margin, "preactivation " + value + " too close to a kink; change the seed");
                }
            }
        }
    }
}
