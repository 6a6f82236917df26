package org.annft.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.annft.linalg.Gemm;
import org.annft.nn.ForwardBackward;
import org.annft.nn.InitSpec;
import org.annft.nn.Initializer;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.nn.SeedStreams;
import org.annft.nn.TestNetworks;
import org.annft.theory.Activation;
import org.annft.theory.Activations;
import org.annft.theory.Architecture;
import org.annft.theory.DepthRecursion;
import org.annft.theory.GlobalRate;
import org.annft.theory.LearningRates;
import org.annft.train.TrainingMode;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmpiricalNtkTest {

    /**
     * The factorized kernel against the definition: per-sample parameter gradients dz_a/dtheta from
     * separate backward passes, contracted with the learning-rate tensor.
     */
    @Test
    void factorizedKernelMatchesPerSampleGradients() {
        MlpArchitecture architecture = new MlpArchitecture(3, 5, 2, 1);
        Mlp network = TestNetworks.randomNetwork(architecture, Activations.parse("tanh"), 1.3, 0.2, 8);
        DMatrixRMaj inputs = TestNetworks.uniformMatrix(4, 3, -1, 1, SeedStreams.stream(8, 3));
        LearningRates rates = LearningRates.of(new double[] {0.3, 0.2, 0.7}, new double[] {1.1, 0.4, 0.9});
        DMatrixRMaj kernel = EmpiricalNtk.compute(network, rates, inputs, Gemm.blas());

        Parameters[] perSample = new Parameters[4];
        ForwardBackward workspace = new ForwardBackward(architecture, 1, Gemm.blas());
        for (int a = 0; a < 4; a++) {
            workspace.forward(network, new DMatrixRMaj(1, 3, true, TestNetworks.row(inputs, a)), true);
            workspace.outputGradient().set(0, 0, 1.0);
            perSample[a] = new Parameters(architecture);
            workspace.backward(network, perSample[a]);
        }
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                double expected = 0;
                for (int l = 1; l <= 3; l++) {
                    expected += rates.lambdaB(l) * dot(perSample[a].biases(l), perSample[b].biases(l))
                            + rates.lambdaW(l) / architecture.width(l - 1) * dot(perSample[a].weights(l), perSample[b].weights(l));
                }
                assertEquals(expected, kernel.get(a, b), 1e-12 * Math.abs(expected));
            }
        }
    }

    /**
     * The NTK of every layer's first neuron against finite differences: each parameter of layers
     * 1 .. l perturbed by +-h in the plain-loop forward pass ({@link TestNetworks#referencePreactivations}),
     * {@code H^(l)_ab = sum_theta rate(theta) dz_a/dtheta dz_b/dtheta} with the bias rate lambda_b and
     * the weight rate lambda_W / n_{l-1} of the parameter's layer.
     */
    @Test
    void everyLayersKernelMatchesFiniteDifferences() {
        MlpArchitecture architecture = new MlpArchitecture(2, 4, 3, 1);
        Mlp network = TestNetworks.randomNetwork(architecture, Activations.parse("tanh"), 1.5, 0.3, 21);
        DMatrixRMaj inputs = TestNetworks.uniformMatrix(3, 2, -1, 1, SeedStreams.stream(21, 5));
        LearningRates rates = LearningRates.of(new double[] {0.3, 0.2, 0.7, 0.5}, new double[] {1.1, 0.4, 0.9, 0.6});
        int k = 3;
        int layers = architecture.outputLayer();
        ForwardBackward workspace = new ForwardBackward(architecture, k, Gemm.blas());
        workspace.forward(network, inputs, true);
        double[] kernels = new double[layers * k * k];
        new EmpiricalNtk.Layers(workspace, Gemm.blas()).compute(network, rates, kernels);

        double h = 1e-6;
        // gradient[top][a][parameter]: dz^(top)_1(x_a) / dtheta for the parameters of layers 1 .. top, in a fixed order.
        for (int top = 1; top <= layers; top++) {
            double[][] expected = new double[k][k];
            for (int l = 1; l <= top; l++) {
                for (DMatrixRMaj p : new DMatrixRMaj[] {network.parameters().weights(l), network.parameters().biases(l)}) {
                    boolean bias = p == network.parameters().biases(l);
                    double rate = bias ? rates.lambdaB(l) : rates.lambdaW(l) / architecture.width(l - 1);
                    for (int i = 0; i < p.getNumElements(); i++) {
                        double keep = p.data[i];
                        double[] derivative = new double[k];
                        for (int a = 0; a < k; a++) {
                            p.data[i] = keep + h;
                            double up = TestNetworks.referencePreactivations(network, TestNetworks.row(inputs, a))[top][0];
                            p.data[i] = keep - h;
                            double down = TestNetworks.referencePreactivations(network, TestNetworks.row(inputs, a))[top][0];
                            derivative[a] = (up - down) / (2 * h);
                        }
                        p.data[i] = keep;
                        for (int a = 0; a < k; a++) {
                            for (int b = 0; b < k; b++) {
                                expected[a][b] += rate * derivative[a] * derivative[b];
                            }
                        }
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    assertEquals(expected[a][b], kernels[(top - 1) * k * k + a * k + b], 1e-7 * Math.abs(expected[a][b]) + 1e-9,
                            "layer " + top + " inputs " + a + "," + b);
                }
            }
        }
        DMatrixRMaj output = EmpiricalNtk.compute(network, rates, inputs, Gemm.blas());
        for (int i = 0; i < k * k; i++) {
            assertEquals(kernels[(layers - 1) * k * k + i], output.data[i], 0, "the output's NTK is the last layer's");
        }
    }

    private static double dot(DMatrixRMaj x, DMatrixRMaj y) {
        double sum = 0;
        for (int i = 0; i < x.getNumElements(); i++) {
            sum += x.data[i] * y.data[i];
        }
        return sum;
    }

    // ---- ensemble mean against the infinite-width NTK ------------------------------------------

    /** Width 512, depth 3, 200 networks per case, one input; tolerance 3 % of the theory value. */
    private static final int WIDTH = 512;
    private static final int DEPTH = 3;
    private static final int ENSEMBLE = 200;
    private static final double[] INPUT = {0.6, -0.8};

    static Stream<Arguments> ensembleCases() {
        return Stream.of(
                Arguments.of("relu", 2.0, 0.0, TrainingMode.CRITICAL),
                Arguments.of("relu", 2.0, 0.0, TrainingMode.GLOBAL),
                Arguments.of("tanh", 1.0, 0.0, TrainingMode.CRITICAL),
                Arguments.of("tanh", 1.0, 0.0, TrainingMode.GLOBAL),
                Arguments.of("relu", 1.5, 0.05, TrainingMode.GLOBAL));
    }

    /**
     * Mean of the empirical NTK over an ensemble of initializations against the infinite-width
     * recursion of the theory engine (docs/theory.md, "Neural tangent kernel":
     * {@code Theta^(1) = lambda_b^(1) + lambda_W^(1) |x|^2/n0},
     * {@code Theta^(l+1) = lambda_b^(l+1) + lambda_W^(l+1) <sigma^2>_{K^(l)} + chi_perp(K^(l)) Theta^(l)}),
     * with the rates of the training mode for raw rates (1, 1). For tanh the critical and global
     * rates differ by 11 % at this depth, so a mix-up of the tensor shows.
     */
    @ParameterizedTest(name = "{0} C_W={1} C_b={2} {3} rates")
    @MethodSource("ensembleCases")
    void ensembleMeanMatchesInfiniteWidthNtk(String activationName, double cW, double cB, TrainingMode mode) {
        Activation activation = Activations.parse(activationName);
        MlpArchitecture architecture = MlpArchitecture.ofDepth(2, WIDTH, DEPTH, 1);
        LearningRates rates = mode.prescription(activation, architecture, GlobalRate.PRACTICE).tensor(1.0, 1.0);
        DMatrixRMaj input = new DMatrixRMaj(1, 2, true, INPUT);
        double sum = 0;
        double sumSquares = 0;
        Mlp network = new Mlp(architecture, activation);
        InitSpec init = InitSpec.uniform(cW, cB, DEPTH);
        for (int member = 0; member < ENSEMBLE; member++) {
            Initializer.initialize(network, init, SeedStreams.stream(1000 + member, SeedStreams.INITIALIZATION));
            double h = EmpiricalNtk.compute(network, rates, input, Gemm.blas()).get(0, 0);
            sum += h;
            sumSquares += h * h;
        }
        double mean = sum / ENSEMBLE;
        double standardError = Math.sqrt((sumSquares / ENSEMBLE - mean * mean) / (ENSEMBLE - 1));
        double theory = DepthRecursion.singleInput(Architecture.uniform(activation, DEPTH - 1, WIDTH, cW, cB), INPUT, rates)
                .output().ntk();
        // Measured: |mean - theory| / theory below 0.3 %, standard error about 0.5 %; 3 % is ~5 standard errors.
        assertEquals(theory, mean, 0.03 * theory, "ensemble mean " + mean + " +- " + standardError);
    }

    @Test
    void criticalAndGlobalRatesFollowPaperEquations38And39() {
        MlpArchitecture depth4 = MlpArchitecture.ofDepth(2, 10, 4, 1);
        MlpArchitecture depth3 = MlpArchitecture.ofDepth(2, 10, 3, 1);
        LearningRates relu = TrainingMode.CRITICAL.prescription(Activations.parse("relu"), depth4, GlobalRate.PRACTICE)
                .tensor(0.8, 0.4);
        assertEquals(0.2, relu.lambdaB(1), 1e-15);
        assertEquals(0.1, relu.lambdaW(4), 1e-15);
        LearningRates tanh = TrainingMode.CRITICAL.prescription(Activations.parse("tanh"), depth3, GlobalRate.PRACTICE)
                .tensor(0.6, 0.5);
        assertEquals(0.3, tanh.lambdaB(2), 1e-15);
        assertEquals(0.5, tanh.lambdaW(3), 1e-15);
        LearningRates tanhGlobal = TrainingMode.GLOBAL.prescription(Activations.parse("tanh"), depth3,
                GlobalRate.PRACTICE).tensor(0.6, 0.5);
        // (0.6 + 0.3 + 0.2) / 3 in every layer; weights 0.5 (1/2 + 1/10 + 1/10) / 3 = 0.35/3 each,
        // stored as lambda_W^(l) = rate * n_{l-1}.
        assertEquals(1.1 / 3, tanhGlobal.lambdaB(1), 1e-15);
        assertEquals(1.1 / 3, tanhGlobal.lambdaB(3), 1e-15);
        assertEquals(0.35 / 3 * 10, tanhGlobal.lambdaW(2), 1e-15);
        assertEquals(0.35 / 3 * 2, tanhGlobal.lambdaW(1), 1e-15);
    }
}
