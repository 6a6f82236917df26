package org.annft.theory;

import static org.annft.theory.Approx.assertRelative;

import org.junit.jupiter.api.Test;

class GaussKronrodTest {

    @Test
    void integratesPolynomialsOfDegreeThirtyOneExactly() {
        // A 21-point Kronrod rule is exact to degree 31: a wrong node or weight breaks this.
        GaussKronrod single = new GaussKronrod(1.0, 1);
        for (int n = 0; n <= 31; n++) {
            int power = n;
            double expected = power % 2 == 1 ? 0.0 : 2.0 / (power + 1);
            double actual = single.integrate(x -> Math.pow(x, power), new double[] {-1, 1});
            assertRelative(expected, actual, 1e-14, "x^" + power);
            double shifted = single.integrate(x -> Math.pow(x, power), new double[] {0, 2});
            assertRelative(Math.pow(2, power + 1) / (power + 1), shifted, 1e-14, "x^" + power + " on [0, 2]");
        }
    }

    @Test
    void adaptivityResolvesASteepIntegrand() {
        double steep = 200;
        double actual = new GaussKronrod(1e-13, 1000).integrate(x -> Math.tanh(steep * x), new double[] {-0.3, 1});
        double expected = (Math.log(Math.cosh(steep)) - Math.log(Math.cosh(0.3 * steep))) / steep;
        assertRelative(expected, actual, 1e-12, "int tanh(200 x)");
    }
}
