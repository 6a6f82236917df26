package org.annft.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.annft.linalg.Gemm;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.TestNetworks;
import org.annft.theory.Activations;
import org.annft.theory.LearningRates;
import org.annft.train.LearningRatePrescription;
import org.annft.train.Loss;
import org.annft.train.OptimizerSpec;
import org.annft.train.PhaseSchedule;
import org.annft.train.Samples;
import org.annft.train.Trainer;
import org.annft.train.TrainingSpec;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The NTK through training: the affine model's exact, constant kernel, and the tracker's metrics by hand. */
class NtkTrackerTest {

    /**
     * A network without hidden layers is linear in its parameters: its NTK is exactly
     * {@code H_ab = lambda_b + (lambda_W / n0) x_a . x_b} and does not move in training (MSE, 50
     * epochs of SGD that do change the parameters); the alignment is the one of that matrix.
     */
    @Test
    void theAffineModelsKernelIsExactAndConstantThroughTraining() {
        MlpArchitecture architecture = new MlpArchitecture(2, 1, 0, 1);
        Mlp network = TestNetworks.randomNetwork(architecture, Activations.parse("relu"), 1.0, 0.1, 3);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.1, 0.9}, {0.5, 0.5}, {1.0, -0.2}});
        double[] y = {1.0, 2.0, 4.0};
        LearningRates rates = LearningRates.of(new double[] {0.3}, new double[] {0.8});
        NtkTracker tracker = new NtkTracker(x, y, rates, Gemm.blas(), 10);
        DMatrixRMaj targets = new DMatrixRMaj(3, 1, true, y);
        Samples samples = new Samples(x, targets);
        new Trainer(Gemm.blas()).train(network, samples, new Samples(new DMatrixRMaj(0, 2), new DMatrixRMaj(0, 1)),
                new TrainingSpec(Loss.MSE, 0, 10, 9, 1.0, 1e6),
                new OptimizerSpec.SgdSpec(PhaseSchedule.of(50, 0.1, 0.1), LearningRatePrescription.uniform(1)), tracker);
        List<NtkTracker.Snapshot> snapshots = tracker.snapshots();
        assertEquals(List.of(0, 10, 20, 30, 40, 50), snapshots.stream().map(NtkTracker.Snapshot::epoch).toList());
        double[][] h = new double[3][3];
        double norm = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                h[a][b] = 0.3 + 0.8 / 2 * (x.get(a, 0) * x.get(b, 0) + x.get(a, 1) * x.get(b, 1));
                norm += h[a][b] * h[a][b];
            }
        }
        norm = Math.sqrt(norm);
        double[] c = {1.0 - 7.0 / 3, 2.0 - 7.0 / 3, 4.0 - 7.0 / 3};
        double yHy = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                yHy += c[a] * h[a][b] * c[b];
            }
        }
        double alignment = yHy / (norm * (c[0] * c[0] + c[1] * c[1] + c[2] * c[2]));
        for (NtkTracker.Snapshot s : snapshots) {
            assertEquals(norm, s.frobeniusNorm(), 1e-14 * norm);
            assertEquals(0.0, s.frobeniusChange(), 1e-15);
            assertEquals(0.0, s.eigenvalueChange(), 1e-14);
            assertEquals(alignment, s.alignment(), 1e-14);
        }
    }

    /** The largest eigenvalue of [[2, 1], [1, 2]] is 3; of diag(-5, 1), 1. */
    @Test
    void largestEigenvalueOfSmallSymmetricMatrices() {
        assertEquals(3.0, NtkTracker.largestEigenvalue(new DMatrixRMaj(new double[][] {{2, 1}, {1, 2}})), 1e-14);
        assertEquals(1.0, NtkTracker.largestEigenvalue(new DMatrixRMaj(new double[][] {{-5, 0}, {0, 1}})), 1e-14);
        assertEquals(Double.NaN, NtkTracker.largestEigenvalue(new DMatrixRMaj(new double[][] {{Double.NaN}})));
    }
}
