package org.annft.theory;

import static org.annft.theory.Approx.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** tanh, the K* = 0 class (docs/theory.md, "Criticality and universality classes"; PDLT Sec. 5.4). */
class TanhTheoryTest {

    private static final Activation TANH = new Activations.Tanh();

    @Test
    void criticalPointIsUnitWeightVarianceWithoutBias() {
        CriticalPoint critical = Criticality.of(TANH);
        assertEquals(CriticalityClass.K_STAR_ZERO, critical.universalityClass());
        assertEquals(1.0, critical.criticalWeightVariance(), 1e-15);
        assertEquals(0.0, critical.criticalBiasVariance());
        assertEquals(0.0, critical.fixedPointKernel());
        assertTrue(critical.maxResidual() < 1e-12, () -> "residuals " + critical);
    }

    @Test
    void normalizedVertexSlopeApproachesTwoThirds() {
        TheoryProfile profile = DepthRecursion.singleInput(Architecture.uniform(TANH, 199, 100, 1.0, 0.0),
                new double[] {1.0});
        double slope200 = normalizedVertex(profile.layer(200)) - normalizedVertex(profile.layer(199));
        assertRelative(2.0 / 3.0, slope200, 0.02, "slope of V/K^2 at depth 200");
        // The approach is from below and monotone: the early slope is further away.
        double slope20 = normalizedVertex(profile.layer(20)) - normalizedVertex(profile.layer(19));
        assertTrue(slope20 < slope200 && slope200 < 2.0 / 3.0, () -> "slopes " + slope20 + ", " + slope200);
        // K^(l) -> 1/(-a_1 l) with a_1 = -2 for tanh.
        assertRelative(1.0 / 400, profile.layer(200).kernel(), 0.03, "K^(200)");
    }

    private static double normalizedVertex(LayerTheory layer) {
        return layer.fourPointVertex() / (layer.kernel() * layer.kernel());
    }
}
