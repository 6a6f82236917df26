package org.annft.theory;

import static org.annft.theory.Approx.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaussianExpectationTest {

    private static final double SMOOTH = 1e-10;
    private static final double KINKED = 1e-9;
    private static final double[] NO_KINKS = {};
    private static final double[] KINK_AT_ZERO = {0.0};

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.3, 2.7, 40.0})
    void evenPowersAreDoubleFactorialTimesKernelPowers(double kernel) {
        double doubleFactorial = 1;
        for (int n = 1; n <= 6; n++) {
            doubleFactorial *= 2 * n - 1;
            int power = 2 * n;
            assertRelative(doubleFactorial * Math.pow(kernel, n),
                    GaussianExpectation.of(z -> Math.pow(z, power), kernel), SMOOTH, "<z^" + power + ">");
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 1.0, 9.0})
    void reluMomentsByQuadratureMatchHalfGaussianMoments(double kernel) {
        assertRelative(kernel / 2, GaussianExpectation.of(z -> Math.pow(Math.max(z, 0), 2), kernel, 0.0),
                KINKED, "<relu^2>");
        assertRelative(1.5 * kernel * kernel, GaussianExpectation.of(z -> Math.pow(Math.max(z, 0), 4), kernel, 0.0),
                KINKED, "<relu^4>");
        assertRelative(Math.sqrt(2 * kernel / Math.PI), GaussianExpectation.of(Math::abs, kernel, 0.0), KINKED, "<|z|>");
    }

    @Test
    void kinkAwayFromZeroIsSplitCorrectly() {
        // <max(z - c, 0)> = sqrt(K) phi(c/sqrt(K)) - c (1 - Phi(c/sqrt(K))) (the Gaussian call price).
        double kernel = 2.3;
        double c = 0.8;
        double s = Math.sqrt(kernel);
        double t = c / s;
        double expected = s * Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI) - c * 0.5 * Erf.erfc(t / Math.sqrt(2));
        assertRelative(expected, GaussianExpectation.of(z -> Math.max(z - c, 0), kernel, c), KINKED, "<(z-c)_+>");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 1.0, 3.0})
    void exponentialAndCosineMatchTheCharacteristicFunction(double kernel) {
        double a = 0.7;
        assertRelative(Math.exp(a * a * kernel / 2), GaussianExpectation.of(z -> Math.exp(a * z), kernel), SMOOTH,
                "<exp(az)>");
        assertRelative(Math.exp(-kernel / 2), GaussianExpectation.of(Math::cos, kernel), SMOOTH, "<cos z>");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 1.0, 5.0})
    void erfSquaredMatchesArcsine(double kernel) {
        double a = 1.3;
        double expected = 2 / Math.PI * Math.asin(2 * a * a * kernel / (1 + 2 * a * a * kernel));
        assertRelative(expected, GaussianExpectation.of(z -> Math.pow(Erf.erf(a * z), 2), kernel), SMOOTH,
                "<erf(az)^2>");
    }

    @Test
    void tanhMomentsMatchHighPrecisionReferences() {
        // References by 30-digit mpmath quadrature.
        assertRelative(0.394294490397841174416459772444,
                GaussianExpectation.of(z -> Math.pow(Math.tanh(z), 2), 1.0), SMOOTH, "<tanh^2>_1");
        assertRelative(0.0456021011433212048421215982102,
                GaussianExpectation.of(z -> Math.pow(Math.tanh(z), 2), 0.05), SMOOTH, "<tanh^2>_0.05");
        assertRelative(0.470895299648262784345708403458,
                GaussianExpectation.of(z -> Math.pow(Math.tanh(z), 4), 3.0), SMOOTH, "<tanh^4>_3");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.02, 0.7, 30.0})
    void steinIdentityHoldsForTanh(double kernel) {
        // <z g(z)> = K <g'(z)>
        double lhs = GaussianExpectation.of(z -> z * Math.tanh(z), kernel);
        double rhs = kernel * GaussianExpectation.of(z -> 1 - Math.pow(Math.tanh(z), 2), kernel);
        assertRelative(rhs, lhs, SMOOTH, "Stein identity");
    }

    @Test
    void zeroKernelEvaluatesAtTheOrigin() {
        assertEquals(Math.cos(0.0) + 2, GaussianExpectation.of(z -> Math.cos(z) + 2, 0.0));
        assertEquals(3.0, GaussianExpectation.of((a, b) -> Math.exp(a) + 2 * Math.cos(b), 0.0, 0.0, 0.0,
                NO_KINKS, NO_KINKS), 1e-15);
    }

    @Test
    void twoInputCovarianceIsReproduced() {
        double kaa = 1.7;
        double kab = -0.6;
        double kbb = 0.9;
        assertRelative(kab, GaussianExpectation.of((a, b) -> a * b, kaa, kab, kbb, NO_KINKS, NO_KINKS), SMOOTH,
                "<z_a z_b>");
        assertRelative(kaa * kbb + 2 * kab * kab,
                GaussianExpectation.of((a, b) -> a * a * b * b, kaa, kab, kbb, NO_KINKS, NO_KINKS), SMOOTH,
                "<z_a^2 z_b^2>");
    }

    @Test
    void twoInputSinesMatchClosedForm() {
        // <sin z_a sin z_b> = exp(-(K_aa + K_bb)/2) sinh(K_ab)
        double kaa = 0.8;
        double kab = 0.5;
        double kbb = 1.4;
        assertRelative(Math.exp(-(kaa + kbb) / 2) * Math.sinh(kab),
                GaussianExpectation.of((a, b) -> Math.sin(a) * Math.sin(b), kaa, kab, kbb, NO_KINKS, NO_KINKS),
                SMOOTH, "<sin sin>");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.999, -0.6, 0.0, 0.3, 0.9, 0.99999})
    void reluPairMatchesArcCosineKernel(double rho) {
        double kaa = 0.6;
        double kbb = 2.2;
        double kab = rho * Math.sqrt(kaa * kbb);
        double t = Math.acos(rho);
        double expected = Math.sqrt(kaa * kbb) / (2 * Math.PI) * (Math.sin(t) + (Math.PI - t) * Math.cos(t));
        assertRelative(expected, GaussianExpectation.of((a, b) -> Math.max(a, 0) * Math.max(b, 0), kaa, kab, kbb,
                KINK_AT_ZERO, KINK_AT_ZERO), KINKED, "<relu relu> at rho = " + rho);
        // Degree-0 arc-cosine kernel: <theta(z_a) theta(z_b)> = (pi - t) / (2 pi), a discontinuous integrand.
        assertRelative((Math.PI - t) / (2 * Math.PI), GaussianExpectation.of((a, b) -> a > 0 && b > 0 ? 1.0 : 0.0,
                kaa, kab, kbb, KINK_AT_ZERO, KINK_AT_ZERO), KINKED, "<theta theta> at rho = " + rho);
    }

    @Test
    void perfectlyCorrelatedInputsReduceToOneDimension() {
        double kaa = 0.5;
        double kbb = 2.0;
        double s = Math.sqrt(kaa * kbb);
        assertRelative(s / 2, GaussianExpectation.of((a, b) -> Math.max(a, 0) * Math.max(b, 0), kaa, s, kbb,
                KINK_AT_ZERO, KINK_AT_ZERO), KINKED, "rho = 1");
        assertEquals(0.0, GaussianExpectation.of((a, b) -> Math.max(a, 0) * Math.max(b, 0), kaa, -s, kbb,
                KINK_AT_ZERO, KINK_AT_ZERO), 1e-15, "rho = -1");
        assertRelative(-s, GaussianExpectation.of((a, b) -> a * b, kaa, -s, kbb, NO_KINKS, NO_KINKS), SMOOTH,
                "<z_a z_b> at rho = -1");
    }

    @Test
    void zeroVarianceInOneInputLeavesAOneDimensionalIntegral() {
        assertRelative(Math.exp(-1.5 / 2) + 1, GaussianExpectation.of((a, b) -> Math.cos(b) + Math.exp(a), 0.0, 0.0,
                1.5, NO_KINKS, NO_KINKS), SMOOTH, "K_aa = 0");
        assertRelative(Math.sqrt(0.7 / (2 * Math.PI)), GaussianExpectation.of((a, b) -> Math.max(a, 0) + b, 0.7, 0.0,
                0.0, KINK_AT_ZERO, NO_KINKS), KINKED, "K_bb = 0");
    }

    @Test
    void invalidCovariancesAreRejectedWithTheirName() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> GaussianExpectation.of(z -> z, -1.0));
        assertTrue(negative.getMessage().contains("kernel"), negative.getMessage());
        IllegalArgumentException notPsd = assertThrows(IllegalArgumentException.class,
                () -> GaussianExpectation.of((a, b) -> a * b, 1.0, 1.5, 1.0, NO_KINKS, NO_KINKS));
        assertTrue(notPsd.getMessage().contains("positive semidefinite"), notPsd.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> GaussianExpectation.of((a, b) -> a * b, Double.NaN, 0.0, 1.0, NO_KINKS, NO_KINKS));
        assertTrue(nan.getMessage().contains("kaa"), nan.getMessage());
    }
}
