package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.annft.linalg.Gemm;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.nn.TestNetworks;
import org.annft.theory.Activation;
import org.annft.theory.Activations;
import org.annft.theory.GlobalRate;
import org.annft.theory.LearningRates;
import org.junit.jupiter.api.Test;

/**
 * The global rates of CINT/NINT and Adam in the optimizers (paper Sec. IV; docs/theory.md,
 * "Global learning rates").
 */
class GlobalRateTrainingTest {

    private static final Activation RELU = Activations.parse("relu");
    private static final MlpArchitecture RELU_ARCHITECTURE = MlpArchitecture.ofDepth(2, 10, 4, 1);

    private static TrainingResult train(TrainingMode mode, GlobalRate rule, double[][] finalWeights) {
        Mlp network = TestNetworks.randomNetwork(RELU_ARCHITECTURE, RELU, 2.0, 0.0, 5);
        TrainingSpec spec = new TrainingSpec(Loss.MAE, 16, 1, 11, 1000, 1e3);
        OptimizerSpec sgd = new OptimizerSpec.SgdSpec(PhaseSchedule.of(5, 0.05, 0.05),
                mode.prescription(RELU, RELU_ARCHITECTURE, rule));
        TrainingResult result = new Trainer(Gemm.blas()).train(network, LiquidDrop.samples(100, 2),
                Samples.empty(2, 1), spec, sgd);
        finalWeights[0] = network.parameters().weights(2).data.clone();
        return result;
    }

    /**
     * ReLU's critical rates are the same in every layer, so averaging lambda_W^(l) before the 1/n_{l-1}
     * (the raw average) reproduces CICT bit for bit; the paper's global rate averages lambda_W/n_{l-1}
     * and trains differently.
     */
    @Test
    void reluCintDiffersFromCictUnlessRatesAreAveragedRaw() {
        double[][] critical = new double[1][];
        double[][] practice = new double[1][];
        double[][] raw = new double[1][];
        TrainingResult cict = train(TrainingMode.CRITICAL, GlobalRate.PRACTICE, critical);
        TrainingResult cint = train(TrainingMode.GLOBAL, GlobalRate.PRACTICE, practice);
        TrainingResult cintRaw = train(TrainingMode.GLOBAL, GlobalRate.RAW_AVERAGE, raw);
        assertEquals(cict.lossCurve().get(0), cint.lossCurve().get(0), "same initial network");
        assertArrayEquals(critical[0], raw[0]);
        assertEquals(cict.lossCurve(), cintRaw.lossCurve());
        assertNotEquals(cict.lossCurve().get(5).loss(), cint.lossCurve().get(5).loss());
        // ReLU, n = 10, lambda~ = 0.05: the hidden weights' rate is lambda~/(4 * 10) = 1.25e-3 in CICT and
        // (lambda~/16)(1/2 + 3/10) = 2.5e-3 in CINT.
        double moved = 0;
        for (int i = 0; i < critical[0].length; i++) {
            moved = Math.max(moved, Math.abs(critical[0][i] - practice[0][i]));
        }
        assertNotEquals(0.0, moved);
    }

    /** One SGD step with the paper's global rates moves every weight by w dL/dW, w the hand-computed rate. */
    @Test
    void sgdAppliesOneWeightRateWithoutAWidthFactor() {
        double rawB = 0.3;
        double rawW = 0.8;
        // l_out = 4, n0 = 2, n = 10: w = (0.8 / 16)(1/2 + 3/10) = 0.04, b = 0.3 / 4.
        double w = 0.04;
        double b = 0.075;
        LearningRates rates = TrainingMode.GLOBAL.prescription(RELU, RELU_ARCHITECTURE, GlobalRate.PRACTICE)
                .tensor(rawB, rawW);
        Parameters parameters = TestNetworks.randomNetwork(RELU_ARCHITECTURE, RELU, 2.0, 0.0, 3).parameters();
        Parameters before = TestNetworks.randomNetwork(RELU_ARCHITECTURE, RELU, 2.0, 0.0, 3).parameters();
        Parameters gradients = TestNetworks.randomNetwork(RELU_ARCHITECTURE, RELU, 1.0, 1.0, 4).parameters();
        Sgd.step(parameters, gradients, rates);
        for (int l = 1; l <= 4; l++) {
            double[] g = gradients.weights(l).data;
            for (int i = 0; i < g.length; i++) {
                assertEquals(before.weights(l).data[i] - w * g[i], parameters.weights(l).data[i], 1e-15,
                        "layer " + l + " weight " + i);
            }
            double[] gb = gradients.biases(l).data;
            for (int i = 0; i < gb.length; i++) {
                assertEquals(before.biases(l).data[i] - b * gb[i], parameters.biases(l).data[i], 1e-15);
            }
        }
    }

    /**
     * Adam-CINT/NINT take the same global rates (paper Sec. IV): per layer the weight rate
     * lambda_W^(l)/n_{l-1} and the bias rate lambda_b^(l) of the tensor, here the hand-computed
     * w and b of tanh (l_out = 4, n0 = 2, n = 120): w = (lambda~_W / 4)(1/2 + 3/120), b = lambda~_b 25/48.
     */
    @Test
    void adamUsesTheSameAveragedRates() {
        MlpArchitecture architecture = MlpArchitecture.ofDepth(2, 120, 4, 1);
        Activation tanh = Activations.parse("tanh");
        double rawB = 1e-3;
        double rawW = 2e-3;
        LearningRates practice = TrainingMode.GLOBAL.prescription(tanh, architecture, GlobalRate.PRACTICE)
                .tensor(rawB, rawW);
        LearningRates raw = TrainingMode.GLOBAL.prescription(tanh, architecture, GlobalRate.RAW_AVERAGE)
                .tensor(rawB, rawW);
        Adam adam = new Adam(architecture, Adam.AdamSettings.paper(), practice);
        Adam adamRaw = new Adam(architecture, Adam.AdamSettings.paper(), raw);
        for (int l = 1; l <= 4; l++) {
            assertEquals(rawW * 0.13125, adam.weightRate(l), 1e-17, "layer " + l);
            assertEquals(rawB * 25 / 48, adam.biasRate(l), 1e-17, "layer " + l);
            // The raw average divides the mean lambda_W = lambda~_W by each layer's own fan-in.
            assertEquals(rawW / architecture.width(l - 1), adamRaw.weightRate(l), 1e-17, "layer " + l);
        }
        Adam fixed = new Adam(architecture, Adam.AdamSettings.paper());
        assertEquals(1e-4, fixed.weightRate(2));
        assertEquals(1e-4, fixed.biasRate(4));
        assertThrows(IllegalArgumentException.class, () -> new Adam(MlpArchitecture.ofDepth(2, 120, 3, 1),
                Adam.AdamSettings.paper(), practice));
    }
}
