package org.annft.theory;

import static org.annft.theory.Approx.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CriticalityTest {

    @ParameterizedTest
    @ValueSource(strings = {"gelu", "swish"})
    void nontrivialCriticalPointsSatisfyTheThreeConditions(String name) {
        Activation sigma = Activations.parse(name);
        CriticalPoint critical = Criticality.of(sigma);
        assertEquals(CriticalityClass.NONTRIVIAL, critical.universalityClass());
        double k = critical.fixedPointKernel();
        double cw = critical.criticalWeightVariance();
        double cb = critical.criticalBiasVariance();
        assertTrue(k > 0 && cb > 0, () -> critical.toString());
        // Conditions re-evaluated by direct quadrature, chi_par through its other form (C_W/2K^2) <sigma^2 (z^2 - K)>.
        double second = GaussianExpectation.of(z -> Math.pow(sigma.value(z), 2), k);
        double chiParallel = cw / (2 * k * k) * GaussianExpectation.of(z -> Math.pow(sigma.value(z), 2) * (z * z - k), k);
        double chiPerpendicular = cw * GaussianExpectation.of(z -> Math.pow(sigma.derivative(z), 2), k);
        assertEquals(0.0, k - cb - cw * second, 1e-8, "fixed point");
        assertEquals(1.0, chiParallel, 1e-8, "chi_par");
        assertEquals(1.0, chiPerpendicular, 1e-8, "chi_perp");
        assertTrue(critical.maxResidual() < 1e-8, () -> "reported residuals " + critical);
    }

    @Test
    void geluFixedPointHasItsClosedForm() {
        // For GELU, <sigma sigma''>_K = 0 at K* = (3 + sqrt(17)) / 2 (PDLT Sec. 5.3.3).
        assertRelative((3 + Math.sqrt(17)) / 2, Criticality.of(new Activations.Gelu()).fixedPointKernel(), 1e-10, "K*");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.01, 0.2, 0.5, -0.3})
    void leakyReluIsScaleInvariantWithWeightVarianceTwoOverOnePlusSlopeSquared(double slope) {
        CriticalPoint critical = Criticality.of(new Activations.LeakyRelu(slope));
        assertEquals(CriticalityClass.SCALE_INVARIANT, critical.universalityClass());
        assertRelative(2 / (1 + slope * slope), critical.criticalWeightVariance(), 1e-14, "C_W");
        assertEquals(0.0, critical.criticalBiasVariance());
        assertTrue(critical.maxResidual() < 1e-10, () -> critical.toString());
    }

    @Test
    void scaleInvariantFamily() {
        assertEquals(2.0, Criticality.of(new Activations.Relu()).criticalWeightVariance(), 1e-15);
        assertEquals(1.0, Criticality.of(new Activations.Linear()).criticalWeightVariance(), 1e-15);
        // Not found by name: a rescaled ReLU 3 max(0, z) has C_W = 2/9.
        Activation scaled = new TestActivation("scaled_relu", z -> 3 * Math.max(z, 0), z -> z > 0 ? 3 : 0, 0.0);
        CriticalPoint critical = Criticality.of(scaled);
        assertEquals(CriticalityClass.SCALE_INVARIANT, critical.universalityClass());
        assertRelative(2.0 / 9, critical.criticalWeightVariance(), 1e-12, "C_W of 3 relu");
    }

    /**
     * a1 = sigma'''(0)/sigma'(0) + (3/4)(sigma''(0)/sigma'(0))^2 decides whether K* = 0 attracts:
     * tanh (sigma''' = -2) -2, sin -1, shifted softplus (sigma' = 1/2, sigma'' = 1/4, sigma''' = 0)
     * 3/16, which repels.
     */
    @Test
    void a1DecidesWhetherTheZeroFixedPointAttracts() {
        assertEquals(-2.0, Criticality.a1(new Activations.Tanh()), 1e-6);
        assertEquals(-1.0, Criticality.a1(Activations.parse("sin")), 1e-6);
        assertEquals(3.0 / 16, Criticality.a1(new Activations.ShiftedSoftplus()), 1e-6);
        for (String name : new String[] {"tanh", "sin"}) {
            CriticalPoint c = Criticality.of(Activations.parse(name));
            assertFalse(c.fixedPointRepels(), name);
            assertTrue(c.a1() < 0, name);
        }
        CriticalPoint shifted = Criticality.of(new Activations.ShiftedSoftplus());
        assertEquals(3.0 / 16, shifted.a1(), 1e-6);
        assertTrue(shifted.fixedPointRepels());
        // The kernel recursion itself, independent of the finite differences: tanh's kernel shrinks, shifted softplus's grows.
        for (String name : new String[] {"tanh", "shifted-softplus"}) {
            Activation sigma = Activations.parse(name);
            CriticalPoint c = Criticality.of(sigma);
            double k = 1e-3;
            double next = LayerMaps.nextKernel(sigma, c.initialization(), k);
            // (K^(2) - K) / K^2 = a1 + O(K); the O(K) term is below 0.01 at K = 1e-3.
            assertEquals(c.a1(), (next - k) / (k * k), 0.02, name + ": K + a1 K^2");
        }
        // sigma(z) = z + z^3 / 6 (sigma''' = 1 > 0): sigma(0) = 0 and sigma'(0) = 1 but a1 = 1, it repels too.
        Activation cubic = new TestActivation("cubic", z -> z + z * z * z / 6, z -> 1 + z * z / 2);
        assertEquals(1.0, Criticality.a1(cubic), 1e-6);
        assertTrue(Double.isNaN(AspectRatio.nu(new Activations.ShiftedSoftplus(),
                Criticality.of(new Activations.ShiftedSoftplus()))));
    }

    @Test
    void kStarZeroClass() {
        for (String name : new String[] {"tanh", "sin"}) {
            CriticalPoint critical = Criticality.of(Activations.parse(name));
            assertEquals(CriticalityClass.K_STAR_ZERO, critical.universalityClass(), name);
            assertEquals(1.0, critical.criticalWeightVariance(), 1e-15, name);
        }
        // Paper footnote 4: softplus - log 2 has sigma'(0) = 1/2, hence C_W = 4.
        CriticalPoint shifted = Criticality.of(new Activations.ShiftedSoftplus());
        assertEquals(CriticalityClass.K_STAR_ZERO, shifted.universalityClass());
        assertEquals(4.0, shifted.criticalWeightVariance(), 1e-14);
        assertTrue(shifted.fixedPointRepels(), shifted.message());
        assertTrue(shifted.message().contains("repels"), shifted.message());
        // Not found by name: 2 tanh(z/2) has sigma'(0) = 1.
        Activation wide = new TestActivation("wide_tanh", z -> 2 * Math.tanh(z / 2),
                z -> 1 - Math.pow(Math.tanh(z / 2), 2));
        CriticalPoint critical = Criticality.of(wide);
        assertEquals(CriticalityClass.K_STAR_ZERO, critical.universalityClass());
        assertEquals(1.0, critical.criticalWeightVariance(), 1e-15);
    }

    @Test
    void softplusHasNoCriticalPointAndSaysWhy() {
        CriticalPoint critical = Criticality.of(new Activations.Softplus());
        assertEquals(CriticalityClass.NONE, critical.universalityClass());
        assertFalse(critical.exists());
        assertTrue(Double.isNaN(critical.criticalWeightVariance()));
        String message = critical.message();
        assertTrue(message.contains("sigma(0) = 0.693147"), message);
        assertTrue(message.contains("stays above 1"), message);
        assertThrows(IllegalStateException.class, critical::initialization);
        // The claim behind the message: chi_par / chi_perp > 1 at every K (softplus > 0 and convex).
        for (double k : new double[] {1e-3, 0.1, 1, 10, 1e3}) {
            assertTrue(Susceptibilities.chiParallel(new Activations.Softplus(), 1, k)
                    > Susceptibilities.chiPerpendicular(new Activations.Softplus(), 1, k), "K = " + k);
        }
    }
}
