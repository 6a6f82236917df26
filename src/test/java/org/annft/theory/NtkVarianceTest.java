package org.annft.theory;

import static org.annft.theory.Approx.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The NTK variance recursion (docs/theory.md, "NTK variance") against results derived by hand: the
 * closed form of the scale-invariant class at criticality, and the exact variance of one hidden
 * layer, computed here by a plain Simpson rule.
 */
class NtkVarianceTest {

    private static final double[] INPUT = {0.13, 0.16, 0.5};

    /**
     * Scale-invariant class (slope 1 for z > 0, alpha below) at criticality, C_W = 2 / (1 + alpha^2),
     * C_b = 0, the same rates in every layer: K is constant, Theta^(l) = l t with
     * t = lambda_b + c and c = lambda_W &lt;sigma^2&gt;, and with q = &lt;sigma'^4&gt; / &lt;sigma'^2&gt;^2
     * = 2 (1 + alpha^4) / (1 + alpha^2)^2 the recursion sums to
     * n var H^(L+1) = S2 [(3q - 1)(t^2 + c^2) + (q - 1) c t] + S1 (q - 1) c t,
     * S1 = sum_{l<=L} l, S2 = sum_{l<=L} l^2 (ReLU, q = 2: S2 (5 t^2 + 5 c^2 + c t) + S1 c t).
     */
    @Test
    void scaleInvariantClassAtCriticalityFollowsTheClosedForm() {
        for (double alpha : new double[] {0.0, 0.01, 0.3, -0.5, 1.0}) {
            Activation sigma = alpha == 0 ? new Activations.Relu()
                    : alpha == 1 ? new Activations.Linear() : new Activations.LeakyRelu(alpha);
            double cw = 2 / (1 + alpha * alpha);
            int hidden = 7;
            int width = 40;
            double lambdaB = 0.3;
            double lambdaW = 0.7;
            List<NtkVariance.Layer> layers = NtkVariance.singleInput(Architecture.uniform(sigma, hidden, width, cw, 0.0),
                    INPUT, LearningRates.global(hidden + 1, lambdaB, lambdaW));
            double meanSquare = Arrays.stream(INPUT).map(x -> x * x).sum() / INPUT.length;
            double kernel = cw * meanSquare;
            double c = lambdaW * kernel * (1 + alpha * alpha) / 2;
            double t = lambdaB + c;
            double q = 2 * (1 + Math.pow(alpha, 4)) / Math.pow(1 + alpha * alpha, 2);
            assertEquals(0.0, layers.get(0).variance(), 0.0, "the first layer does not fluctuate");
            for (int l = 2; l <= hidden + 1; l++) {
                int depth = l - 1;
                double s1 = depth * (depth + 1) / 2.0;
                double s2 = depth * (depth + 1) * (2 * depth + 1) / 6.0;
                double expected = (s2 * ((3 * q - 1) * (t * t + c * c) + (q - 1) * c * t) + s1 * (q - 1) * c * t)
                        / width;
                NtkVariance.Layer layer = layers.get(l - 1);
                assertRelative(l * t, layer.ntk(), 1e-12, "alpha " + alpha + " Theta^(" + l + ")");
                assertRelative(expected, layer.variance(), 1e-9, "alpha " + alpha + " var H^(" + l + ")");
                assertRelative(expected / (l * l * t * t), layer.relativeVariance(), 1e-9,
                        "alpha " + alpha + " relative variance at l = " + l);
            }
        }
    }

    /**
     * One hidden layer: H^(2) = lambda_b^(2) + (1/n) sum_j T_j with the n terms
     * T_j = lambda_W^(2) sigma(z_j)^2 + C_W u_j sigma'(z_j)^2 Theta^(1) independent, z_j ~ N(0, K^(1))
     * and u_j = n W_j^2 / C_W ~ chi^2_1 (E u = 1, E u^2 = 3), so var H^(2) = var(T) / n exactly, at
     * every width. Its Gaussian expectations here come from a Simpson rule, not from the theory's
     * quadrature; tanh and softplus off criticality, different rates per layer.
     */
    @Test
    void oneHiddenLayerIsExact() {
        for (Activation sigma : new Activation[] {new Activations.Tanh(), new Activations.Softplus()}) {
            double cw = 1.3;
            double cb = 0.2;
            int width = 3;
            LearningRates rates = LearningRates.of(new double[] {0.4, 0.2}, new double[] {0.9, 1.1});
            List<NtkVariance.Layer> layers = NtkVariance.singleInput(Architecture.uniform(sigma, 1, width, cw, cb),
                    INPUT, rates);
            double meanSquare = Arrays.stream(INPUT).map(x -> x * x).sum() / INPUT.length;
            double kernel = cb + cw * meanSquare;
            double theta = 0.4 + 0.9 * meanSquare;
            double lambdaW = 1.1;
            double s2 = simpson(z -> Math.pow(sigma.value(z), 2), kernel);
            double s4 = simpson(z -> Math.pow(sigma.value(z), 4), kernel);
            double d2 = simpson(z -> Math.pow(sigma.derivative(z), 2), kernel);
            double d4 = simpson(z -> Math.pow(sigma.derivative(z), 4), kernel);
            double s2d2 = simpson(z -> Math.pow(sigma.value(z) * sigma.derivative(z), 2), kernel);
            double mean = lambdaW * s2 + cw * theta * d2;
            double square = lambdaW * lambdaW * s4 + 2 * lambdaW * cw * theta * s2d2 + 3 * cw * cw * theta * theta * d4;
            NtkVariance.Layer second = layers.get(1);
            assertRelative(0.2 + mean, second.ntk(), 1e-10, sigma.name() + " Theta^(2)");
            assertRelative((square - mean * mean) / width, second.variance(), 1e-9, sigma.name() + " var H^(2)");
        }
    }

    @Test
    void needsRatesForEveryLayer() {
        Architecture architecture = Architecture.uniform(new Activations.Tanh(), 2, 10, 1.0, 0.0);
        assertThrows(IllegalArgumentException.class, () -> NtkVariance.singleInput(architecture, INPUT, null));
        assertThrows(IllegalArgumentException.class,
                () -> NtkVariance.singleInput(architecture, INPUT, LearningRates.global(2, 1, 1)));
    }

    /** &lt;g(z)&gt; for z ~ N(0, K), composite Simpson on |z| &lt;= 14 sqrt(K). */
    private static double simpson(DoubleUnaryOperator g, double kernel) {
        int panels = 40000;
        double half = 14 * Math.sqrt(kernel);
        double h = 2 * half / panels;
        double sum = 0;
        for (int i = 0; i <= panels; i++) {
            double z = -half + i * h;
            double w = i == 0 || i == panels ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * g.applyAsDouble(z) * Math.exp(-z * z / (2 * kernel));
        }
        return sum * h / 3 / Math.sqrt(2 * Math.PI * kernel);
    }
}
