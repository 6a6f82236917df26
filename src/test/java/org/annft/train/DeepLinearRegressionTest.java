package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.annft.linalg.Gemm;
import org.annft.nn.ForwardBackward;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.TestNetworks;
import org.annft.theory.Activation;
import org.annft.theory.Activations;
import org.annft.theory.Architecture;
import org.annft.theory.DepthRecursion;
import org.annft.theory.GlobalRate;
import org.annft.theory.KernelRegression;
import org.annft.theory.LayerKernelMatrix;
import org.annft.theory.LearningRates;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * A deep linear network computes an affine function of its inputs, so trained to convergence on
 * the squared error with more data than parameters of that function it ends at the least-squares
 * affine fit, at any width; its infinite-width NTK (the identity's recursion: a constant from the
 * bias rates plus a multiple of x.x') spans the same functions, so NTK regression with a vanishing
 * ridge is that fit too. The fit comes from the normal equations.
 */
class DeepLinearRegressionTest {

    private static final Activation LINEAR = Activations.parse("linear");

    @Test
    void kernelRegressionAndTheTrainedNetworkAreTheLeastSquaresFit() {
        int samples = 12;
        double[][] x = new double[samples][];
        double[] y = new double[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = new double[] {Math.sin(1.7 * i), Math.cos(0.9 * i + 0.3)};
            y[i] = 0.4 + x[i][0] - 0.6 * x[i][1] + 0.3 * Math.sin(5.0 * i); // not affine
        }
        double[][] at = {{0.2, -0.5}, {1.3, 0.7}, {-0.9, 1.6}};
        // Least squares: (Phi^T Phi) beta = Phi^T y, phi(x) = (1, x1, x2).
        DMatrixRMaj phi = new DMatrixRMaj(samples, 3);
        for (int i = 0; i < samples; i++) {
            phi.set(i, 0, 1);
            phi.set(i, 1, x[i][0]);
            phi.set(i, 2, x[i][1]);
        }
        DMatrixRMaj beta = new DMatrixRMaj(3, 1);
        CommonOps_DDRM.solve(phi, new DMatrixRMaj(samples, 1, true, y), beta);
        double[] leastSquares = new double[at.length];
        for (int r = 0; r < at.length; r++) {
            leastSquares[r] = beta.get(0) + beta.get(1) * at[r][0] + beta.get(2) * at[r][1];
        }

        int depth = 3;
        double[][] all = new double[samples + at.length][];
        System.arraycopy(x, 0, all, 0, samples);
        System.arraycopy(at, 0, all, samples, at.length);
        List<LayerKernelMatrix> layers = DepthRecursion.kernelMatrices(Architecture.uniform(LINEAR, depth - 1, 1, 1.0, 0.0),
                all, LearningRates.critical(LINEAR, depth, 1, 1));
        LayerKernelMatrix out = layers.get(layers.size() - 1);
        double[][] trainNtk = new double[samples][samples];
        double[][] toTrain = new double[at.length][samples];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < samples; j++) {
                trainNtk[i][j] = out.ntk(i, j);
            }
        }
        for (int r = 0; r < at.length; r++) {
            for (int j = 0; j < samples; j++) {
                toTrain[r][j] = out.ntk(samples + r, j);
            }
        }
        double[] kernel = KernelRegression.fit(trainNtk, y, 1e-11).mean(toTrain);

        MlpArchitecture architecture = MlpArchitecture.ofDepth(2, 40, depth, 1);
        Mlp network = TestNetworks.randomNetwork(architecture, LINEAR, 1.0, 0.0, 17);
        TrainingSpec spec = new TrainingSpec(Loss.MSE, samples, 1000, 3, 1.0, 1e3);
        OptimizerSpec sgd = new OptimizerSpec.SgdSpec(PhaseSchedule.of(20000, 0.2, 0.2),
                TrainingMode.CRITICAL.prescription(LINEAR, architecture, GlobalRate.PRACTICE));
        new Trainer(Gemm.blas()).train(network, new org.annft.train.Samples(new DMatrixRMaj(x),
                new DMatrixRMaj(samples, 1, true, y)), Samples.empty(2, 1), spec, sgd);
        DMatrixRMaj trained = new DMatrixRMaj(at.length, 1);
        new ForwardBackward(architecture, at.length, Gemm.blas()).predict(network, new DMatrixRMaj(at), trained);

        for (int r = 0; r < at.length; r++) {
            assertEquals(leastSquares[r], kernel[r], 1e-5, "NTK regression at " + java.util.Arrays.toString(at[r]));
            assertEquals(leastSquares[r], trained.get(r, 0), 1e-4, "trained network at " + java.util.Arrays.toString(at[r]));
        }
    }
}
