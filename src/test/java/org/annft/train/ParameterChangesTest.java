package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.nn.TestNetworks;
import org.annft.theory.Activations;
import org.junit.jupiter.api.Test;

class ParameterChangesTest {

    @Test
    void untrainedNetworkHasZeroChangesAndItsInitialNorms() {
        Mlp network = TestNetworks.randomNetwork(new MlpArchitecture(2, 10, 2, 1), Activations.parse("relu"), 2.0, 0.1, 3);
        ParameterChanges changes = ParameterChanges.between(network.parameters(), network.parameters().copy());
        assertEquals(3, changes.layers().size());
        for (ParameterChanges.LayerChange c : changes.layers()) {
            assertEquals(0.0, c.weightChangeRmsd());
            assertEquals(0.0, c.relativeWeightChangeRmsd());
            assertEquals(0.0, c.scaledWeightChangeRmsd());
            assertEquals(0.0, c.biasChangeRmsd());
            assertEquals(0.0, c.weightChangeFrobenius());
            assertEquals(0.0, c.relativeWeightChangeFrobenius());
            assertTrue(c.initialWeightFrobenius() > 0);
        }
        // The middle 10 x 10 matrix is the only hidden-to-hidden one.
        assertFalse(changes.layer(1).isHiddenToHidden());
        assertTrue(changes.layer(2).isHiddenToHidden());
        assertFalse(changes.layer(3).isHiddenToHidden());
    }

    /**
     * n0 = 2, one hidden layer of width 2, one output.
     * Layer 1: W0 = [[3, 0], [0, 4]], W = [[3, 1], [0, 4]], b0 = (0, 0), b = (0.3, -0.4):
     * |W0|_F = 5, rms(W0) = 5/2, |dW|_F = 1, rms(dW) = 1/2, relative 0.2 (both measures),
     * scaled sqrt(2)/2, bias RMSD sqrt((0.09 + 0.16)/2) = sqrt(0.125).
     * Layer 2: W0 = W = [[1, 1]], b0 = 0.5, b = 0.7: weight changes 0, |W0|_F = sqrt(2), bias RMSD 0.2.
     */
    @Test
    void tinyNetworkMatchesTheHandComputation() {
        MlpArchitecture architecture = new MlpArchitecture(2, 2, 1, 1);
        Parameters initial = new Parameters(architecture);
        initial.weights(1).set(0, 0, 3);
        initial.weights(1).set(1, 1, 4);
        initial.weights(2).set(0, 0, 1);
        initial.weights(2).set(0, 1, 1);
        initial.biases(2).set(0, 0, 0.5);
        Parameters trained = initial.copy();
        trained.weights(1).set(0, 1, 1);
        trained.biases(1).set(0, 0, 0.3);
        trained.biases(1).set(0, 1, -0.4);
        trained.biases(2).set(0, 0, 0.7);

        ParameterChanges changes = ParameterChanges.between(initial, trained);
        ParameterChanges.LayerChange first = changes.layer(1);
        assertEquals(2, first.fanIn());
        assertEquals(2, first.fanOut());
        assertEquals(2.5, first.initialWeightRms(), 1e-15);
        assertEquals(0.5, first.weightChangeRmsd(), 1e-15);
        assertEquals(0.2, first.relativeWeightChangeRmsd(), 1e-15);
        assertEquals(Math.sqrt(2) / 2, first.scaledWeightChangeRmsd(), 1e-15);
        assertEquals(Math.sqrt(0.125), first.biasChangeRmsd(), 1e-15);
        assertEquals(5.0, first.initialWeightFrobenius(), 1e-15);
        assertEquals(1.0, first.weightChangeFrobenius(), 1e-15);
        assertEquals(0.2, first.relativeWeightChangeFrobenius(), 1e-15);

        ParameterChanges.LayerChange second = changes.layer(2);
        assertEquals(0.0, second.weightChangeFrobenius());
        assertEquals(0.0, second.relativeWeightChangeRmsd());
        assertEquals(Math.sqrt(2), second.initialWeightFrobenius(), 1e-15);
        assertEquals(0.2, second.biasChangeRmsd(), 1e-15);
    }
}
