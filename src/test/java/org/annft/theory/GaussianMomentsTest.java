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
}
