package org.annft.theory;

import static org.annft.theory.Approx.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ReLU against its closed forms: the arc-cosine kernel (docs/theory.md, "Kernel recursion") and
 * V/K^2 = 5 (l - 1) at criticality (docs/theory.md, "Four-point vertex").
 */
class ReluTheoryTest {

    private static final Activation RELU = new Activations.Relu();
    /** Scaled 56Fe input of the paper's Fig. 4. */
    private static final double[] IRON = {0.13, 0.16};

    @Test
    void singleInputKernelFollowsTheLinearRecursion() {
        double cw = 3.0;
        double cb = 0.1;
        TheoryProfile profile = DepthRecursion.singleInput(Architecture.uniform(RELU, 6, 50, cw, cb), IRON);
        double kernel = cb + cw * (IRON[0] * IRON[0] + IRON[1] * IRON[1]) / 2;
        for (int l = 1; l <= 7; l++) {
            assertRelative(kernel, profile.layer(l).kernel(), 1e-12, "K^(" + l + ")");
            kernel = cb + cw * kernel / 2; // K^(l+1) = C_b + C_W K/2
        }
    }

    @Test
    void twoInputKernelIsTheIteratedArcCosineKernel() {
        double cw = 2.0;
        double[][] inputs = {{0.13, 0.16}, {0.9, 0.4}, {0.5, -0.7}};
        List<LayerKernelMatrix> layers = DepthRecursion.kernelMatrices(Architecture.uniform(RELU, 4, 10, cw, 0.0),
                inputs);
        double[][] expected = layers.get(0).kernelMatrix();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertRelative(cw * LayerMaps.meanProduct(inputs[a], inputs[b]), expected[a][b], 1e-15, "K^(1)");
            }
        }
        for (int l = 2; l <= 5; l++) {
            expected = arcCosine(expected, cw);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    assertRelative(expected[a][b], layers.get(l - 1).kernel(a, b), 1e-9, "K^(" + l + ")_" + a + b);
                }
            }
        }
    }

    /** K'_ab = (C_W / 2 pi) sqrt(K_aa K_bb) [sin t + (pi - t) cos t], cos t = K_ab / sqrt(K_aa K_bb). */
    private static double[][] arcCosine(double[][] k, double cw) {
        double[][] next = new double[k.length][k.length];
        for (int a = 0; a < k.length; a++) {
            for (int b = 0; b < k.length; b++) {
                double norm = Math.sqrt(k[a][a] * k[b][b]);
                double t = Math.acos(Math.max(-1, Math.min(1, k[a][b] / norm)));
                next[a][b] = cw / (2 * Math.PI) * norm * (Math.sin(t) + (Math.PI - t) * Math.cos(t));
            }
        }
        return next;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 200})
    void normalizedVertexIsFiveTimesDepthAtCriticality(int width) {
        TheoryProfile profile = DepthRecursion.singleInput(Architecture.uniform(RELU, 30, width, 2.0, 0.0), IRON);
        double kernel = profile.layer(1).kernel();
        assertEquals(0.0, profile.layer(1).fourPointVertex());
        for (LayerTheory layer : profile.layers()) {
            int l = layer.layer();
            assertRelative(kernel, layer.kernel(), 1e-14, "critical kernel is constant");
            assertRelative(5.0 * (l - 1), layer.fourPointVertex() / (kernel * kernel), 1e-9, "V/K^2 at l = " + l);
            assertRelative(15.0 * (l - 1) / width, layer.excessKurtosis(), 1e-9, "3V/(nK^2) at l = " + l);
        }
    }

    @Test
    void vertexOffCriticalityCarriesChiParallelSquared() {
        // C_W = 3: chi_par = 3/2 and source C_W^2 (3/2 - 1/4) K^2 = 45/4 K^2, with K^(l) = (3/2)^(l-1) K^(1).
        TheoryProfile profile = DepthRecursion.singleInput(Architecture.uniform(RELU, 8, 20, 3.0, 0.0), IRON);
        double kernel = profile.layer(1).kernel();
        double vertex = 0;
        for (int l = 1; l <= 9; l++) {
            assertRelative(vertex, profile.layer(l).fourPointVertex(), 1e-9, "V^(" + l + ")");
            vertex = 2.25 * vertex + 11.25 * kernel * kernel;
            kernel *= 1.5;
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2.0, 3.0})
    void susceptibilitiesAreHalfTheWeightVariance(double cw) {
        for (double kernel : new double[] {0.0, 0.004, 0.3, 25.0}) {
            assertRelative(cw / 2, Susceptibilities.chiParallel(RELU, cw, kernel), 1e-9, "chi_par");
            assertRelative(cw / 2, Susceptibilities.chiPerpendicular(RELU, cw, kernel), 1e-12, "chi_perp");
        }
    }

    /**
     * chi_par at K = 0 is the limit K -> 0+: C_W (a+^2 + a-^2) / 2 for a kink with slopes a+ and a-,
     * C_W (sigma'(0)^2 + sigma(0) sigma''(0)) for a smooth activation; each against chi_par at a
     * small positive K.
     */
    @Test
    void chiParallelAtZeroKernelIsTheLimitFromAbove() {
        assertRelative(1.5 * (1 + 0.01 * 0.01) / 2,
                Susceptibilities.chiParallel(new Activations.LeakyRelu(0.01), 1.5, 0.0), 1e-12, "leaky ReLU");
        for (String name : new String[] {"relu", "leaky-relu", "tanh", "sin", "softplus", "gelu", "swish", "linear"}) {
            Activation sigma = Activations.parse(name);
            double atZero = Susceptibilities.chiParallel(sigma, 1.3, 0.0);
            double near = Susceptibilities.chiParallel(sigma, 1.3, 1e-6);
            org.junit.jupiter.api.Assertions.assertEquals(near, atZero, 1e-4 * Math.max(1, Math.abs(near)), name);
        }
    }
}
