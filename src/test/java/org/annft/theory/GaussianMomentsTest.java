package org.annft.theory;

import static org.annft.theory.Approx.assertRelative;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The activations' closed forms against quadrature of their definitions, and the tables they replace. */
class GaussianMomentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"relu", "leaky-relu:0.3", "linear", "sin"})
    void closedFormsAgreeWithQuadrature(String name) {
        Activation sigma = Activations.parse(name);
        for (double k : new double[] {0.002, 0.4, 3.0}) {
            assertRelative(GaussianExpectation.of(z -> Math.pow(sigma.value(z), 2), k, sigma.kinks()),
                    GaussianMoments.secondMoment(sigma, k), 1e-10, name + " <sigma^2>_" + k);
            assertRelative(GaussianExpectation.of(z -> Math.pow(sigma.derivative(z), 2), k, sigma.kinks()),
                    GaussianMoments.derivativeSecondMoment(sigma, k), 1e-10, name + " <sigma'^2>_" + k);
            assertRelative(GaussianExpectation.of(z -> Math.pow(sigma.value(z), 4), k, sigma.kinks()),
                    GaussianMoments.fourthMoment(sigma, k), 1e-9, name + " <sigma^4>_" + k);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 1.0, 6.0})
    void parallelMomentSatisfiesSteinIdentity(double k) {
        // <z sigma sigma'> = (1/2K) <sigma^2 (z^2 - K)> ... = K <sigma'^2 + sigma sigma''>; for sin: K <cos 2z> = K e^{-2K}.
        assertRelative(k * Math.exp(-2 * k), GaussianMoments.parallelMoment(new Activations.Sin(), k), 1e-10,
                "<z sin cos>");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.8, 0.0, 0.5, 0.95})
    void twoPointMomentsOfSin(double rho) {
        // <sin sin> = e^{-(Kaa+Kbb)/2} sinh(Kab), <cos cos> = e^{-(Kaa+Kbb)/2} cosh(Kab).
        double kaa = 0.7;
        double kbb = 1.9;
        double kab = rho * Math.sqrt(kaa * kbb);
        Activation sin = new Activations.Sin();
        assertRelative(Math.exp(-(kaa + kbb) / 2) * Math.sinh(kab), GaussianMoments.twoPoint(sin, kaa, kab, kbb),
                1e-10, "<sin sin>");
        assertRelative(Math.exp(-(kaa + kbb) / 2) * Math.cosh(kab),
                GaussianMoments.derivativeTwoPoint(sin, kaa, kab, kbb), 1e-10, "<cos cos>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gelu", "softplus"})
    void smoothActivationsMatchHighPrecisionReferences(String name) {
        // <sigma^2>_{K=2} by 30-digit mpmath quadrature.
        double reference = name.equals("gelu") ? 0.922082872110017204848569584433 : 1.38192841858369469872076274758;
        assertRelative(reference, GaussianMoments.secondMoment(Activations.parse(name), 2.0), 1e-10, name);
    }

    /**
     * The closed two-point forms (ReLU's arc-cosine kernel, leaky ReLU's combination of it, the
     * identity's covariance) agree with the two-dimensional quadrature they replace, across
     * correlations from -1 to 1 and unequal variances.
     */
    @org.junit.jupiter.api.Test
    void closedTwoPointFormsAgreeWithQuadrature() {
        for (Activation sigma : java.util.List.of(Activations.parse("relu"), Activations.parse("leaky-relu:0.2"),
                Activations.parse("leaky-relu:-0.5"), Activations.parse("linear"))) {
            for (double[] k : new double[][] {{1, 0.3, 2}, {2.5, -1.2, 0.9}, {1, 0.999, 1}, {0.4, -0.39, 0.4}, {3, 0, 1}}) {
                double quadrature = GaussianExpectation.of((a, b) -> sigma.value(a) * sigma.value(b), k[0], k[1], k[2],
                        sigma.kinks(), sigma.kinks());
                double derivative = GaussianExpectation.of((a, b) -> sigma.derivative(a) * sigma.derivative(b), k[0], k[1],
                        k[2], sigma.kinks(), sigma.kinks());
                String at = sigma.name() + " at " + java.util.Arrays.toString(k);
                org.junit.jupiter.api.Assertions.assertEquals(quadrature,
                        sigma.closedFormTwoPoint(k[0], k[1], k[2]).orElseThrow(), 1e-9 * (1 + Math.abs(quadrature)), at);
                org.junit.jupiter.api.Assertions.assertEquals(derivative,
                        sigma.closedFormDerivativeTwoPoint(k[0], k[1], k[2]).orElseThrow(), 1e-9, at);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(Activations.parse("tanh").closedFormTwoPoint(1, 0.5, 1).isEmpty());
    }
}
