package org.annft.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.annft.linalg.Gemm;
import org.annft.theory.Activations;
import org.annft.train.Adam;
import org.annft.train.Loss;
import org.annft.train.OptimizerSpec;
import org.annft.train.PhaseSchedule;
import org.annft.train.Samples;
import org.annft.train.Trainer;
import org.annft.train.TrainingSpec;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ValidationTest {

    private static void assertRejected(String expectedInMessage, Executable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    @Test
    void badShapesAndSettingsAreRejectedWithTheirName() {
        assertRejected("hidden width", () -> new MlpArchitecture(2, 0, 3, 1));
        assertRejected("input width", () -> new MlpArchitecture(-1, 10, 3, 1));
        assertRejected("output width", () -> new MlpArchitecture(2, 10, 3, 0));
        assertRejected("hidden layers", () -> new MlpArchitecture(2, 10, -1, 1));
        assertRejected("depth", () -> MlpArchitecture.ofDepth(2, 10, 0, 1));
        assertRejected("C_W", () -> InitSpec.uniform(-1, 0, 3));
        assertRejected("no critical initialization", () -> InitSpec.critical(Activations.parse("softplus"), 3));
        assertRejected("phase epochs", () -> new PhaseSchedule.Phase(0, 1, 1));
        assertRejected("raw weight rate", () -> new PhaseSchedule.Phase(10, 1, Double.NaN));
        assertRejected("batch size", () -> new TrainingSpec(Loss.MAE, -1, 1, 0, 1, 10));
        assertRejected("log-every", () -> new TrainingSpec(Loss.MAE, 0, 0, 0, 1, 10));
        assertRejected("target scale", () -> new TrainingSpec(Loss.MAE, 0, 1, 0, 0, 10));
        assertRejected("beta2", () -> new Adam.AdamSettings(1e-3, 0.9, 1.0, 1e-8));
        assertRejected("unknown loss", () -> Loss.parse("huber"));
        assertRejected("workspace capacity", () -> new ForwardBackward(new MlpArchitecture(2, 3, 1, 1), 0, Gemm.blas()));
    }

    @Test
    void architectureNumbersLayersAsThePaper() {
        MlpArchitecture a = MlpArchitecture.ofDepth(2, 120, 4, 1);
        assertEquals(3, a.hiddenLayers());
        assertEquals(4, a.outputLayer());
        assertEquals(List.of(2, 120, 120, 120, 1), List.of(a.width(0), a.width(1), a.width(2), a.width(3), a.width(4)));
        assertEquals(4.0 / 120, a.depthToWidthRatio());
        // n_l (n_{l-1} + 1) summed: 120*3 + 2*120*121 + 1*121.
        assertEquals(120L * 3 + 2L * 120 * 121 + 121, a.parameterCount());
    }

    @Test
    void dataThatDoNotFitTheNetworkAreRejected() {
        Mlp net = new Mlp(new MlpArchitecture(2, 3, 1, 1), Activations.parse("relu"));
        Samples threeInputs = new Samples(new DMatrixRMaj(4, 3), new DMatrixRMaj(4, 1));
        assertRejected("training set", () -> new Trainer(Gemm.blas()).train(net, threeInputs, Samples.empty(2, 1),
                TrainingSpec.fullBatch(Loss.MAE, 1), new OptimizerSpec.AdamSpec(Adam.AdamSettings.paper(), 1)));
        assertRejected("rows", () -> new Samples(new DMatrixRMaj(4, 2), new DMatrixRMaj(3, 1)));
    }

    @Test
    void initializationFollowsTheSeedAndTheVariances() {
        MlpArchitecture a = new MlpArchitecture(4, 300, 1, 1);
        Mlp first = TestNetworks.randomNetwork(a, Activations.parse("relu"), 2.0, 0.5, 1);
        Mlp second = TestNetworks.randomNetwork(a, Activations.parse("relu"), 2.0, 0.5, 1);
        assertEquals(first.parameters().weights(2).get(0, 7), second.parameters().weights(2).get(0, 7));
        // 300 x 4 weights of variance C_W/n0 = 0.5: sample variance within 5 standard errors (sqrt(2/1200) * 0.5).
        DMatrixRMaj w = first.parameters().weights(1);
        double sumSquares = 0;
        for (double v : w.data) {
            sumSquares += v * v;
        }
        assertEquals(0.5, sumSquares / w.data.length, 5 * Math.sqrt(2.0 / 1200) * 0.5);
        // Layer 2 has fan-in 300: variance 2/300.
        double second2 = 0;
        for (double v : first.parameters().weights(2).data) {
            second2 += v * v;
        }
        assertEquals(2.0 / 300, second2 / 300, 5 * Math.sqrt(2.0 / 300) * 2.0 / 300);
    }
}
