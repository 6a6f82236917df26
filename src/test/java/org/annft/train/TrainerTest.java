package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.annft.linalg.Gemm;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.nn.TestNetworks;
import org.annft.theory.Activations;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final Trainer TRAINER = new Trainer(Gemm.blas());

    private static Mlp network(int width, int depth, String activation, long seed) {
        return TestNetworks.randomNetwork(MlpArchitecture.ofDepth(2, width, depth, 1), Activations.parse(activation),
                activation.equals("relu") ? 2.0 : 1.0, 0.0, seed);
    }

    /** SGD with the raw rates unchanged in every layer of a network of the given depth. */
    private static OptimizerSpec sgd(int depth, int epochs, double rawBias, double rawWeight) {
        return new OptimizerSpec.SgdSpec(PhaseSchedule.of(epochs, rawBias, rawWeight), LearningRatePrescription.uniform(depth));
    }

    private static double[] flatten(Parameters p) {
        int l = p.architecture().outputLayer();
        java.util.List<Double> values = new java.util.ArrayList<>();
        for (int i = 1; i <= l; i++) {
            for (double v : p.weights(i).data) {
                values.add(v);
            }
            for (double v : p.biases(i).data) {
                values.add(v);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Same seed, same run bit for bit; another shuffling seed, another run. */
    @Test
    void miniBatchTrainingIsDeterministicForASeedAndChangesWithIt() {
        Samples data = LiquidDrop.samples(200, 3);
        TrainingSpec spec = new TrainingSpec(Loss.MAE, 16, 5, 42, 1000, 1e3);
        double[][] finals = new double[3][];
        TrainingResult[] results = new TrainingResult[3];
        long[] shuffleSeeds = {42, 42, 43};
        for (int run = 0; run < 3; run++) {
            Mlp net = network(16, 3, "tanh", 9);
            results[run] = TRAINER.train(net, data, Samples.empty(2, 1), spec.withShuffleSeed(shuffleSeeds[run]),
                    sgd(3, 20, 0.05, 0.05));
            finals[run] = flatten(net.parameters());
        }
        assertEquals(results[0].lossCurve(), results[1].lossCurve());
        assertArrayEquals(finals[0], finals[1]);
        assertEquals(results[0].rmsdAll(), results[1].rmsdAll());
        assertFalse(java.util.Arrays.equals(finals[0], finals[2]), "another shuffling seed must change the run");
        assertNotEquals(results[0].lossCurve().get(1).loss(), results[2].lossCurve().get(1).loss());
        // Both start from the same network: the initial losses agree.
        assertEquals(results[0].initialLoss(), results[2].initialLoss());
    }

    /** A batch as large as the training set is full batch: no shuffling can matter. */
    @Test
    void batchOfTheWholeSetEqualsFullBatch() {
        Samples data = LiquidDrop.samples(50, 4);
        TrainingSpec spec = new TrainingSpec(Loss.MSE, TrainingSpec.FULL_BATCH, 1, 1, 1000, 1e3);
        Mlp a = network(8, 2, "relu", 5);
        Mlp b = network(8, 2, "relu", 5);
        TRAINER.train(a, data, Samples.empty(2, 1), spec, sgd(2, 5, 0.1, 0.1));
        TRAINER.train(b, data, Samples.empty(2, 1), spec.withBatchSize(50).withShuffleSeed(99), sgd(2, 5, 0.1, 0.1));
        assertArrayEquals(flatten(a.parameters()), flatten(b.parameters()));
    }

    /**
     * Width 64, two hidden ReLU layers, Adam, MSE with targets in GeV: the liquid-drop energies
     * (about 50 to 1700 MeV) are learned to an RMSD below 10 MeV on the training set and on 100
     * held-out nuclides.
     */
    @Test
    void width64NetworkLearnsTheLiquidDropFormula() {
        Samples train = LiquidDrop.samples(400, 1);
        Samples test = LiquidDrop.samples(100, 2);
        Mlp net = network(64, 3, "relu", 17);
        double untrained = TRAINER.rmsd(net, test, 1000);
        TrainingSpec spec = new TrainingSpec(Loss.MSE, TrainingSpec.FULL_BATCH, 100, 0, 1000, 1e3);
        TrainingResult result = TRAINER.train(net, train, test,
                spec, new OptimizerSpec.AdamSpec(new Adam.AdamSettings(3e-3, 0.9, 0.999, 1e-8), 3000));
        assertEquals(TrainingResult.Status.OK, result.status());
        assertEquals(3000, result.epochsDone());
        assertTrue(untrained > 500, "untrained RMSD " + untrained);
        assertTrue(result.rmsdTrain() < 10, "train RMSD " + result.rmsdTrain());
        assertTrue(result.rmsdTest() < 10, "test RMSD " + result.rmsdTest());
        double all = Math.sqrt((400 * result.rmsdTrain() * result.rmsdTrain() + 100 * result.rmsdTest() * result.rmsdTest()) / 500);
        assertEquals(all, result.rmsdAll(), 1e-9 * all);
        assertEquals(result.rmsdTest(), TRAINER.rmsd(net, test, 1000), 1e-9 * result.rmsdTest());
        // Loss curve: epoch 0, every 100th epoch; MSE in MeV^2 after unscaling.
        assertEquals(31, result.lossCurve().size());
        assertEquals(0, result.lossCurve().get(0).epoch());
        assertEquals(3000, result.lossCurve().get(30).epoch());
        assertEquals(result.rmsdTrain() * result.rmsdTrain(), result.finalLoss(), 1e-9 * result.finalLoss());
        assertTrue(result.lossCurve().get(30).loss() < 1e-3 * result.lossCurve().get(0).loss());
    }

    @Test
    void absurdLearningRateEndsAsDivergedWithTheEpoch() {
        Samples data = LiquidDrop.samples(100, 5);
        Mlp net = network(16, 3, "relu", 21);
        TrainingResult result = TRAINER.train(net, data, Samples.empty(2, 1),
                TrainingSpec.fullBatch(Loss.MSE, 10), sgd(3, 1000, 1e6, 1e6));
        assertEquals(TrainingResult.Status.DIVERGED, result.status());
        int epoch = result.divergenceEpoch().orElseThrow();
        assertTrue(epoch >= 1 && epoch < 1000, "divergence epoch " + epoch);
        assertEquals(epoch, result.epochsDone());
        assertEquals(epoch, result.lossCurve().get(result.lossCurve().size() - 1).epoch());
        assertEquals("diverged", result.status().label());
    }

    @Test
    void sensibleRatesEndOkWithoutDivergenceEpoch() {
        Samples data = LiquidDrop.samples(100, 5);
        TrainingResult result = TRAINER.train(network(16, 3, "relu", 21), data, Samples.empty(2, 1),
                TrainingSpec.fullBatch(Loss.MAE, 10).withTargetScale(1000), sgd(3, 30, 0.01, 0.01));
        assertEquals(TrainingResult.Status.OK, result.status());
        assertTrue(result.divergenceEpoch().isEmpty());
        assertTrue(Double.isNaN(result.rmsdTest()));
        assertEquals(result.rmsdTrain(), result.rmsdAll());
        assertEquals(List.of(0, 10, 20, 30), result.lossCurve().stream().map(TrainingResult.LossPoint::epoch).toList());
    }
}
