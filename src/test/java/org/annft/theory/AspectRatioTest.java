package org.annft.theory;

import static org.annft.theory.Approx.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AspectRatioTest {

    @Test
    void reluOneOutputGivesThePaperValues() {
        AspectRatio relu = AspectRatio.of(new Activations.Relu(), 4, 1);
        assertRelative(5.0, relu.nu(), 1e-12, "nu");
        assertRelative(4.0 / 23 / 5, relu.optimalAspectRatio(), 1e-12, "r*");
        assertEquals(0.0348, relu.optimalAspectRatio(), 5e-5); // paper: r* = 0.034
        assertEquals(115.0, relu.optimalWidth(), 1e-9); // paper: n* = 115 at l_out = 4
    }

    @Test
    void outputWidthEntersThroughTwentyPlusThreeTimesIt() {
        assertRelative(4.0 / 50 / 5, AspectRatio.of(5.0, 4, 10).optimalAspectRatio(), 1e-15, "r* for n_out = 10");
        assertRelative(4.0 / 23 / (2.0 / 3), AspectRatio.of(new Activations.Tanh(), 4, 1).optimalAspectRatio(), 1e-15,
                "tanh r*");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.5, 1.0})
    void leakyReluSlopeMatchesItsClosedForm(double a) {
        // nu = C_W^2 [<sigma^4> - <sigma^2>^2] / K^2 = 6 (1 + a^4) / (1 + a^2)^2 - 1 (5 for ReLU, 2 for linear).
        Activation leaky = new Activations.LeakyRelu(a);
        assertRelative(6 * (1 + Math.pow(a, 4)) / Math.pow(1 + a * a, 2) - 1,
                AspectRatio.nu(leaky, Criticality.of(leaky)), 1e-12, "nu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gelu", "swish"})
    void nontrivialSlopeIsTheVertexGrowthOfTheCriticalRecursion(String name) {
        Activation sigma = Activations.parse(name);
        CriticalPoint critical = Criticality.of(sigma);
        double nu = AspectRatio.nu(sigma, critical);
        Initialization init = critical.initialization();
        Architecture architecture = new Architecture(sigma, 40, 100, java.util.Collections.nCopies(41, init));
        TheoryProfile profile = DepthRecursion.fromFirstLayer(architecture, critical.fixedPointKernel(), 0.0);
        LayerTheory last = profile.output();
        assertRelative(nu * 40, last.fourPointVertex() / (last.kernel() * last.kernel()), 1e-6, "V/K^2 at l = 41");
        assertTrue(nu > 4.5 && nu < 5, () -> "nu near ReLU's 5 for a smoothed ReLU, got " + nu);
    }

    @Test
    void noCriticalPointMeansNoSlope() {
        assertTrue(Double.isNaN(AspectRatio.of(new Activations.Softplus(), 4, 1).optimalAspectRatio()));
    }
}
