package org.annft.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.annft.theory.Activations;
import org.annft.theory.Architecture;
import org.annft.theory.Initialization;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** One network description: the shape and initialization the trainer uses are the ones the theory sees. */
class NetworkSpecTest {

    @Test
    void theTheorySeesTheSameActivationDepthWidthAndInitialization() {
        NetworkSpec spec = NetworkSpec.uniform(Activations.parse("tanh"), 3, 40, 5, 1.0, 0.25);
        Architecture theory = spec.theory();
        assertEquals("tanh", theory.activation().name());
        assertEquals(5, theory.hiddenLayers());
        assertEquals(40, theory.width());
        assertEquals(6, theory.outputLayer());
        assertEquals(spec.architecture().outputLayer(), theory.outputLayer());
        for (int l = 1; l <= 6; l++) {
            assertEquals(new Initialization(1.0, 0.25), theory.layer(l));
        }
        assertEquals(3, spec.architecture().inputWidth());
        assertEquals(1, spec.architecture().outputWidth());
    }

    /**
     * A drawn network has the stated weight variance C_W / n_{l-1} in every layer: 40 x 40 hidden
     * weights at C_W = 2 have sample variance 2/40 within 4 standard errors (sqrt(2/1600) relative).
     */
    @Test
    void initializedNetworksHaveTheStatedVariances() {
        NetworkSpec spec = NetworkSpec.uniform(Activations.parse("relu"), 2, 40, 2, 2.0, 0.0);
        Mlp network = spec.newNetwork();
        spec.initialize(network, RandomSource.XO_SHI_RO_256_PP.create(3));
        double[] w = network.parameters().weights(2).data;
        double sum = 0;
        for (double x : w) {
            sum += x * x;
        }
        double variance = sum / w.length;
        assertEquals(2.0 / 40, variance, 4 * Math.sqrt(2.0 / w.length) * 2.0 / 40);
        assertEquals(0.0, network.parameters().biases(1).get(0, 3), 0);
    }

    @Test
    void aNetworkOfAnotherShapeOrTooFewLayersIsRefused() {
        NetworkSpec spec = NetworkSpec.uniform(Activations.parse("relu"), 2, 8, 2, 2.0, 0.0);
        Mlp other = new Mlp(new MlpArchitecture(2, 9, 2, 1), Activations.parse("relu"));
        assertThrows(IllegalArgumentException.class, () -> spec.initialize(other, RandomSource.XO_SHI_RO_256_PP.create(1)));
        assertThrows(IllegalArgumentException.class, () -> new NetworkSpec(Activations.parse("relu"),
                new MlpArchitecture(2, 8, 2, 1), InitSpec.uniform(2.0, 0.0, 2)));
    }
}
