package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.annft.linalg.FloatGemm;
import org.annft.linalg.Gemm;
import org.annft.nn.FloatForwardBackward;
import org.annft.nn.FloatMlp;
import org.annft.nn.FloatParameters;
import org.annft.nn.ForwardBackward;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.nn.SeedStreams;
import org.annft.nn.TestNetworks;
import org.annft.theory.Activation;
import org.annft.theory.Activations;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float32 path: the hand example of {@link OptimizerHandTest} (gradients, SGD and Adam steps) at
 * float precision, and backpropagated float32 gradients against central differences.
 *
 * <p>Gradient check: the network, inputs and targets are rounded to float, so the double network
 * is exactly the float one; its loss is differenced in double (step 1e-6, error below 1e-9
 * relative, as in {@link GradientCheckTest}). The float32 gradient then differs only by float
 * rounding, a few units of 6e-8 per operation through two hidden layers of width 6: criteria
 * {@code |g - fd|_2 <= 1e-4 |g|_2} and per parameter {@code |g_i - fd_i| <= 1e-4 |g|_inf}; a wrong
 * formula misses them by orders of magnitude.
 */
class FloatTrainingTest {

    private static final MlpArchitecture TWO_NEURONS = OptimizerHandTest.TWO_NEURONS;

    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-4;
    private static final MlpArchitecture ARCHITECTURE = new MlpArchitecture(3, 6, 2, 2);

    static List<String> activationNames() {
        return Activations.NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activationNames")
    void float32BackpropagationMatchesCentralDifferences(String activationName) {
        for (Loss loss : Loss.values()) {
            checkGradient(Activations.parse(activationName), loss);
        }
    }

    private static void checkGradient(Activation activation, Loss loss) {
        UniformRandomProvider random = SeedStreams.stream(2024, 5);
        Mlp network = TestNetworks.randomNetwork(ARCHITECTURE, activation, 1.5, 0.1, 31);
        FloatMlp floatNetwork = Float32Conversion.rounded(network);
        Float32Conversion.widenInto(floatNetwork.parameters(), network.parameters());
        DMatrixRMaj inputs = TestNetworks.uniformMatrix(5, 3, -1, 1, random);
        roundToFloat(inputs);

        FloatForwardBackward workspace = new FloatForwardBackward(ARCHITECTURE, 5, FloatGemm.blas());
        FMatrixRMaj floatInputs = Float32Conversion.rounded(inputs);
        FMatrixRMaj predictions = workspace.forward(floatNetwork, floatInputs, true);
        DMatrixRMaj targets = new DMatrixRMaj(5, 2);
        for (int i = 0; i < targets.data.length; i++) {
            double sign = random.nextBoolean() ? 1 : -1;
            targets.data[i] = (float) (predictions.data[i] + sign * (0.5 + random.nextDouble()));
        }
        loss.evaluate(predictions, Float32Conversion.rounded(targets), workspace.outputGradient());
        FloatParameters gradients = new FloatParameters(ARCHITECTURE);
        workspace.backward(floatNetwork, gradients);

        ForwardBackward reference = new ForwardBackward(ARCHITECTURE, 5, Gemm.blas());
        double differenceSquares = 0;
        double gradientSquares = 0;
        double largest = 0;
        List<double[]> pairs = new ArrayList<>();
        for (int l = 1; l <= ARCHITECTURE.outputLayer(); l++) {
            DMatrixRMaj[] blocks = {network.parameters().weights(l), network.parameters().biases(l)};
            FMatrixRMaj[] analytic = {gradients.weights(l), gradients.biases(l)};
            for (int b = 0; b < 2; b++) {
                double[] numeric = TestNetworks.centralDifferences(blocks[b],
                        () -> loss.evaluate(reference.forward(network, inputs, false), targets, null), STEP);
                for (int i = 0; i < numeric.length; i++) {
                    double fd = numeric[i];
                    double g = analytic[b].data[i];
                    differenceSquares += (g - fd) * (g - fd);
                    gradientSquares += g * g;
                    largest = Math.max(largest, Math.abs(g));
                    pairs.add(new double[] {g, fd});
                }
            }
        }
        String name = activation.name() + " " + loss;
        assertTrue(gradientSquares > 0, name + ": gradient must not vanish identically");
        assertTrue(Math.sqrt(differenceSquares) <= TOLERANCE * Math.sqrt(gradientSquares),
                name + ": relative gradient error " + Math.sqrt(differenceSquares / gradientSquares));
        for (double[] pair : pairs) {
            assertEquals(pair[1], pair[0], TOLERANCE * largest, name);
        }
    }

    /**
     * The hand example of {@link OptimizerHandTest} in float32: f = 0.16, MSE 0.1156, its gradients,
     * an SGD step and two Adam steps reach the hand values within float rounding.
     */
    @Test
    void handExampleGradientsSgdAndAdamInFloat32() {
        FloatParameters p = rounded(OptimizerHandTest.INITIAL);
        FloatParameters g = handGradients(p);
        assertArrayEquals(OptimizerHandTest.HAND_GRADIENTS, values(g), 1e-6);

        PhaseSchedule schedule = new PhaseSchedule(List.of(new PhaseSchedule.Phase(1, 1.0, 1.0)));
        Sgd sgd = new Sgd(TWO_NEURONS, schedule, (rawBias, rawWeight) -> OptimizerHandTest.handRates());
        sgd.beginEpoch(1);
        sgd.step(p, g);
        assertArrayEquals(OptimizerHandTest.AFTER_SGD, values(p), 1e-6);

        FloatParameters q = rounded(OptimizerHandTest.INITIAL);
        Adam adam = new Adam(TWO_NEURONS, new Adam.AdamSettings(0.01, 0.9, 0.999, 1e-8));
        adam.step(q, handGradients(q));
        assertArrayEquals(OptimizerHandTest.AFTER_ADAM, values(q), 1e-6);
        adam.step(q, rounded(OptimizerHandTest.SECOND_GRADIENTS));
        assertArrayEquals(OptimizerHandTest.AFTER_SECOND_ADAM, values(q), 2e-6);
    }

    /** The hand example's five values, rounded to float, as the network's parameters. */
    private static FloatParameters rounded(double[] values) {
        Mlp network = new Mlp(TWO_NEURONS, Activations.parse("relu"));
        network.parameters().copyFrom(OptimizerHandTest.parameters(values));
        return Float32Conversion.rounded(network).parameters();
    }

    /** The five values of {@code p}, widened, in the hand example's order. */
    private static double[] values(FloatParameters p) {
        Parameters wide = new Parameters(TWO_NEURONS);
        Float32Conversion.widenInto(p, wide);
        return OptimizerHandTest.values(wide);
    }

    /** MSE gradients of the hand example at y = 0.5; checks f = 0.16 and the loss 0.1156 on the way. */
    private static FloatParameters handGradients(FloatParameters p) {
        FloatMlp network = new FloatMlp(TWO_NEURONS, Activations.parse("relu"));
        network.parameters().copyFrom(p);
        FloatForwardBackward workspace = new FloatForwardBackward(TWO_NEURONS, 1, FloatGemm.blas());
        FMatrixRMaj prediction = workspace.forward(network, new FMatrixRMaj(new float[][] {{1, -2}}), true);
        assertEquals(0.16, prediction.get(0, 0), 1e-6);
        double loss = Loss.MSE.evaluate(prediction, new FMatrixRMaj(new float[][] {{0.5f}}), workspace.outputGradient());
        assertEquals(0.1156, loss, 1e-6);
        FloatParameters gradients = new FloatParameters(TWO_NEURONS);
        workspace.backward(network, gradients);
        return gradients;
    }

    private static void roundToFloat(DMatrixRMaj m) {
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = (float) m.data[i];
        }
    }
}
