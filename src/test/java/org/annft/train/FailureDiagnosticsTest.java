package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.annft.linalg.Gemm;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.nn.TestNetworks;
import org.annft.theory.Activations;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Dead units of hand-built networks, where which units are dead follows from the weights. */
class FailureDiagnosticsTest {

    /** 600 inputs uniform in [0, 1)^2: more than two blocks, the last one partial. */
    private static final DMatrixRMaj INPUTS = TestNetworks.uniformMatrix(600, 2, 0, 1,
            RandomSource.XO_SHI_RO_256_PP.create(3L));

    @Test
    void reluUnitWithNegativeIncomingWeightsAndBiasIsDeadAndItsSuccessorsFollow() {
        // Depth 3: two hidden layers of width 3.
        Mlp net = new Mlp(MlpArchitecture.ofDepth(2, 3, 3, 1), Activations.parse("relu"));
        Parameters p = net.parameters();
        // Layer 1: unit 0 = x1 + x2 (live), unit 1 = -x1 - x2 - 0.1 < 0 on [0,1)^2 (dead),
        // unit 2 = x1 - 0.5 (live: positive for x1 > 0.5).
        p.weights(1).setData(new double[] {1, 1, -1, -1, 1, 0});
        p.biases(1).setData(new double[] {0, -0.1, -0.5});
        // Layer 2: unit 0 reads only the dead unit (z = 0 + 0 -> sigma' = 0: dead), unit 1 reads unit 0
        // (live), unit 2 = -unit0 - 1 < 0 (dead).
        p.weights(2).setData(new double[] {0, 5, 0, 1, 0, 0, -1, 0, 0});
        p.biases(2).setData(new double[] {0, 0, -1});
        double[] dead = FailureDiagnostics.deadUnitFractions(net, INPUTS, Gemm.ejml());
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3}, dead, 0);
        assertEquals(2.0 / 3, FailureDiagnostics.max(dead), 0);
    }

    @Test
    void reluUnitThatIsPositiveOnOneInputOnlyIsAlive() {
        Mlp net = new Mlp(MlpArchitecture.ofDepth(2, 1, 2, 1), Activations.parse("relu"));
        // z = x1 - m with m the largest x1: positive nowhere; shifted by a hair below m, positive on one input.
        double top = 0;
        for (int i = 0; i < INPUTS.numRows; i++) {
            top = Math.max(top, INPUTS.get(i, 0));
        }
        net.parameters().weights(1).setData(new double[] {1, 0});
        net.parameters().biases(1).setData(new double[] {-top});
        assertArrayEquals(new double[] {1.0}, FailureDiagnostics.deadUnitFractions(net, INPUTS, Gemm.ejml()), 0);
        net.parameters().biases(1).setData(new double[] {-Math.nextDown(top)});
        assertArrayEquals(new double[] {0.0}, FailureDiagnostics.deadUnitFractions(net, INPUTS, Gemm.ejml()), 0);
    }

    @Test
    void tanhUnitIsDeadWhenConstantOverTheData() {
        Mlp net = new Mlp(MlpArchitecture.ofDepth(2, 2, 2, 1), Activations.parse("tanh"));
        // Unit 0 has zero incoming weights: tanh(0.3) on every input. Unit 1 varies with x2.
        net.parameters().weights(1).setData(new double[] {0, 0, 0, 1e-3});
        net.parameters().biases(1).setData(new double[] {0.3, 0});
        assertArrayEquals(new double[] {0.5}, FailureDiagnostics.deadUnitFractions(net, INPUTS, Gemm.ejml()), 0);
    }
}
