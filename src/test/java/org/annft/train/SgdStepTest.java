package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.annft.linalg.FloatGemm;
import org.annft.linalg.Gemm;
import org.annft.nn.ForwardBackward;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.nn.SeedStreams;
import org.annft.nn.TestNetworks;
import org.annft.theory.Activations;
import org.annft.theory.LearningRates;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SGD update fused into the backward pass equals the two-step update (gradients, then
 * {@code theta -= eta g}) to rounding; and a training whose products are split over threads is the
 * one-thread training bit for bit.
 */
class SgdStepTest {

    /** One full-batch epoch: fused (EpochRunner) against gradients from backward() and Sgd.step. */
    @Test
    void fusedStepEqualsGradientThenUpdate() {
        Samples data = LiquidDrop.samples(64, 3);
        MlpArchitecture architecture = MlpArchitecture.ofDepth(2, 24, 4, 1);
        Mlp fused = TestNetworks.randomNetwork(architecture, Activations.parse("tanh"), 1.5, 0.1, 5);
        Mlp twoStep = fused.copy();
        PhaseSchedule schedule = PhaseSchedule.of(1, 0.05, 0.2);
        LearningRatePrescription prescription = LearningRatePrescription.uniform(architecture.outputLayer());
        new EpochRunner(fused, data.inputs(), data.targets(), Loss.MAE, new Sgd(architecture, schedule, prescription),
                data.size(), SeedStreams.stream(1, SeedStreams.SHUFFLING), Gemm.blas()).runEpoch(1);

        ForwardBackward workspace = new ForwardBackward(architecture, data.size(), Gemm.blas());
        DMatrixRMaj prediction = workspace.forward(twoStep, data.inputs(), true);
        Loss.MAE.evaluate(prediction, data.targets(), workspace.outputGradient());
        Parameters gradients = new Parameters(architecture);
        workspace.backward(twoStep, gradients);
        Parameters before = twoStep.parameters().copy();
        LearningRates rates = prescription.tensor(0.05, 0.2);
        Sgd.step(twoStep.parameters(), gradients, rates);

        for (int l = 1; l <= architecture.outputLayer(); l++) {
            double[] expected = twoStep.parameters().weights(l).data;
            double[] actual = fused.parameters().weights(l).data;
            double moved = 0;
            for (int i = 0; i < expected.length; i++) {
                // Both round w - eta g once or twice: at most a few ulps of w apart.
                assertEquals(expected[i], actual[i], 4 * Math.ulp(Math.abs(expected[i]) + 1e-3), "W^(" + l + ")");
                moved = Math.max(moved, Math.abs(expected[i] - before.weights(l).data[i]));
            }
            assertTrue(moved > 1e-4, "layer " + l + " must have moved");
            assertArrayEquals(twoStep.parameters().biases(l).data, fused.parameters().biases(l).data, 0.0,
                    "b^(" + l + ") is updated the same way in both");
        }
    }

    /** Width 600, batch 32: the hidden layer's products split into two blocks; results bit for bit. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void twoThreadTrainingIsTheOneThreadTraining(Precision precision) {
        Samples data = LiquidDrop.samples(96, 7);
        MlpArchitecture architecture = MlpArchitecture.ofDepth(2, 600, 3, 1);
        Mlp one = TestNetworks.randomNetwork(architecture, Activations.parse("relu"), 2.0, 0.0, 11);
        Mlp two = one.copy();
        OptimizerSpec sgd = new OptimizerSpec.SgdSpec(new PhaseSchedule(List.of(new PhaseSchedule.Phase(3, 0.01, 0.05))),
                LearningRatePrescription.uniform(3));
        TrainingSpec spec = new TrainingSpec(Loss.MAE, 32, 1, 42, 1000, 1e3);
        TrainingResult a = new Trainer(Gemm.blas(), FloatGemm.blas(), precision)
                .train(one, data, LiquidDrop.samples(20, 4), spec, sgd);
        TrainingResult b = new Trainer(Gemm.blas(2), FloatGemm.blas(2), precision)
                .train(two, data, LiquidDrop.samples(20, 4), spec, sgd);
        for (int l = 1; l <= architecture.outputLayer(); l++) {
            assertArrayEquals(one.parameters().weights(l).data, two.parameters().weights(l).data, 0.0, "W^(" + l + ")");
            assertArrayEquals(one.parameters().biases(l).data, two.parameters().biases(l).data, 0.0, "b^(" + l + ")");
        }
        assertEquals(a.rmsdTrain(), b.rmsdTrain(), 0.0);
        assertEquals(a.finalLoss(), b.finalLoss(), 0.0);
        assertTrue(a.rmsdTrain() > 0 && Double.isFinite(a.rmsdTrain()));
        assertTrue(b.gemm().endsWith("2 threads"), b.gemm());
    }
}
