package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.annft.linalg.FloatGemm;
import org.annft.linalg.Gemm;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.nn.TestNetworks;
import org.annft.ntk.NtkTracker;
import org.annft.theory.Activations;
import org.annft.theory.LearningRates;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A training stopped after a saved epoch and continued from that state ends bit for bit as the
 * uninterrupted training: parameters, loss curve, NTK snapshots, RMSDs, parameter changes,
 * predictions. SGD over two phases (the stop falls in the first) and Adam, both with mini-batches
 * (the permutations continue) and in both precisions.
 */
class TrainerResumeTest {

    private static final int EPOCHS = 20;

    /** Thrown by the saving hook: the training is "killed" right after its state was saved. */
    private static final class Killed extends RuntimeException {
    }

    private static OptimizerSpec optimizer(String name) {
        return name.equals("adam") ? new OptimizerSpec.AdamSpec(new Adam.AdamSettings(3e-3, 0.9, 0.999, 1e-8), EPOCHS)
                : new OptimizerSpec.SgdSpec(new PhaseSchedule(List.of(new PhaseSchedule.Phase(12, 0.05, 0.05),
                        new PhaseSchedule.Phase(EPOCHS - 12, 0.01, 0.02))), LearningRatePrescription.uniform(3));
    }

    private record Run(TrainingResult result, double[] parameters, double[] predictions, List<NtkTracker.Snapshot> ntk,
                       List<Integer> epochsRun) {
    }

    private static Run train(Precision precision, String optimizer, TrainingCheckpoints checkpoints) {
        Samples data = LiquidDrop.samples(100, 3);
        Mlp network = TestNetworks.randomNetwork(MlpArchitecture.ofDepth(2, 12, 3, 1), Activations.parse("tanh"), 1.0, 0.0, 9);
        NtkTracker ntk = new NtkTracker(new DMatrixRMaj(new double[][] {{0.1, 0.2}, {0.5, 0.6}, {0.9, 0.7}}),
                new double[] {0.5, 1.0, 1.2}, LearningRates.global(3, 1, 1), Gemm.blas(), 3);
        Trainer trainer = new Trainer(Gemm.blas(), FloatGemm.blas(), precision);
        List<Integer> epochs = new ArrayList<>();
        TrainingResult result = trainer.train(network, data, LiquidDrop.samples(20, 4),
                new TrainingSpec(Loss.MAE, 16, 2, 42, 1000, 1e3), optimizer(optimizer), ntk, epochs::add, checkpoints);
        return new Run(result, flatten(network.parameters()), trainer.predictMev(network, LiquidDrop.samples(30, 5), 1000),
                ntk.snapshots(), epochs);
    }

    /** Saves (a deep copy of) the state at epoch {@code at} and stops the training there. */
    private static final class StopAt implements TrainingCheckpoints {
        private final int at;
        private TrainingState saved;

        StopAt(int at) {
            this.at = at;
        }

        @Override
        public TrainingState resume() {
            return null;
        }

        @Override
        public boolean due(int epoch) {
            return epoch == at;
        }

        @Override
        public void save(TrainingState s) {
            OptimizerState o = s.optimizer();
            saved = new TrainingState(s.epoch(), s.seconds(), s.lossCurve(), s.ntk(), s.parameters().copy(),
                    new OptimizerState(o.steps(), o.firstMoment() == null ? null : o.firstMoment().copy(),
                            o.secondMoment() == null ? null : o.secondMoment().copy()));
            throw new Killed();
        }
    }

    private static TrainingCheckpoints resumingFrom(TrainingState state) {
        return new TrainingCheckpoints() {
            @Override
            public TrainingState resume() {
                return state;
            }

            @Override
            public boolean due(int epoch) {
                return false;
            }

            @Override
            public void save(TrainingState s) {
            }
        };
    }

    @ParameterizedTest(name = "{0} {1}, stopped after epoch {2}")
    @CsvSource({"FLOAT64, sgd, 7", "FLOAT64, adam, 7", "FLOAT32, sgd, 7", "FLOAT32, adam, 13", "FLOAT64, sgd, 19"})
    void aResumedTrainingEndsBitForBitAsTheUninterruptedOne(Precision precision, String optimizer, int stop) {
        Run whole = train(precision, optimizer, TrainingCheckpoints.NONE);
        StopAt stopAt = new StopAt(stop);
        assertThrows(Killed.class, () -> train(precision, optimizer, stopAt));
        assertEquals(stop, stopAt.saved.epoch());
        Run resumed = train(precision, optimizer, resumingFrom(stopAt.saved));

        assertEquals(EPOCHS - stop, resumed.epochsRun().size(), "the resumed training runs only the epochs left");
        assertEquals(stop + 1, resumed.epochsRun().get(0));
        assertArrayEquals(whole.parameters(), resumed.parameters());
        assertArrayEquals(whole.predictions(), resumed.predictions());
        assertEquals(whole.ntk(), resumed.ntk());
        TrainingResult a = whole.result();
        TrainingResult b = resumed.result();
        // Wall seconds are the only field that may differ.
        assertEquals(a, new TrainingResult(b.status(), b.divergenceEpoch(), b.epochsDone(), b.initialLoss(), b.finalLoss(),
                b.rmsdAll(), b.rmsdTrain(), b.rmsdTest(), a.seconds(), b.lossCurve(), b.parameterChanges(), b.gemm()));
        assertEquals(EPOCHS / 2 + 1, b.lossCurve().size());
    }

    /** The state is all it takes: the same state with one parameter nudged by an ulp ends elsewhere. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"FLOAT64", "FLOAT32"})
    void theResumedTrainingUsesTheSavedParameters(Precision precision) {
        Run whole = train(precision, "sgd", TrainingCheckpoints.NONE);
        StopAt stopAt = new StopAt(5);
        assertThrows(Killed.class, () -> train(precision, "sgd", stopAt));
        DMatrixRMaj w = stopAt.saved.parameters().weights(2);
        w.data[0] = precision == Precision.FLOAT32 ? Math.nextUp((float) w.data[0]) : Math.nextUp(w.data[0]);
        assertFalse(java.util.Arrays.equals(whole.parameters(), train(precision, "sgd", resumingFrom(stopAt.saved)).parameters()));
    }

    private static double[] flatten(Parameters p) {
        List<Double> values = new ArrayList<>();
        for (int l = 1; l <= p.architecture().outputLayer(); l++) {
            for (double v : p.weights(l).data) {
                values.add(v);
            }
            for (double v : p.biases(l).data) {
                values.add(v);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
