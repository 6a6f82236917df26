package org.annft.theory;

import static org.annft.theory.Approx.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DepthRecursionTest {

    private static final double[] INPUT = {0.3, 0.7};
    private static final Activation GELU = new Activations.Gelu();

    @Test
    void outputMomentsFollowFromKernelAndVertex() {
        TheoryProfile profile = DepthRecursion.singleInput(Architecture.uniform(GELU, 3, 40, 2.0, 0.1), INPUT);
        assertEquals(4, profile.layers().size());
        LayerTheory out = profile.output();
        assertEquals(4, out.layer());
        double k = out.kernel();
        double v = out.fourPointVertex();
        assertTrue(v > 0, "V grows from 0 in layer 1");
        assertEquals(k, out.secondMoment());
        assertEquals(v / 40, out.vertexOverWidth(), 1e-15 * v);
        assertEquals(3 * v / 40, out.fourthCumulant(), 1e-15 * v);
        assertEquals(3 * k * k + 3 * v / 40, out.fourthMoment(), 1e-14 * k * k);
        assertEquals(3 * v / (40 * k * k), out.excessKurtosis(), 1e-14);
        assertTrue(Double.isNaN(out.ntk()), "no rates, no NTK");
    }

    @Test
    void startingFromTheFirstLayerKernelReproducesTheInputStart() {
        Architecture architecture = Architecture.uniform(GELU, 5, 30, 1.7, 0.2);
        LearningRates rates = LearningRates.critical(GELU, 6, 0.4, 1.1);
        TheoryProfile fromInput = DepthRecursion.singleInput(architecture, INPUT, rates);
        TheoryProfile fromKernel = DepthRecursion.fromFirstLayer(architecture, fromInput.layer(1).kernel(), 0.0, rates);
        for (int l = 1; l <= 6; l++) {
            assertRelative(fromInput.layer(l).kernel(), fromKernel.layer(l).kernel(), 1e-14, "K");
            assertRelative(fromInput.layer(l).fourPointVertex(), fromKernel.layer(l).fourPointVertex(), 1e-14, "V");
            assertRelative(fromInput.layer(l).ntk(), fromKernel.layer(l).ntk(), 1e-14, "Theta");
        }
    }

    @Test
    void measuredFirstLayerVertexIsCarriedByChiParallelSquared() {
        Architecture architecture = Architecture.uniform(GELU, 2, 30, 1.7, 0.2);
        TheoryProfile zero = DepthRecursion.fromFirstLayer(architecture, 0.9, 0.0);
        TheoryProfile measured = DepthRecursion.fromFirstLayer(architecture, 0.9, 0.25);
        double chi = zero.layer(1).chiParallel();
        assertRelative(zero.layer(2).fourPointVertex() + chi * chi * 0.25, measured.layer(2).fourPointVertex(), 1e-13,
                "V^(2)");
        assertRelative(Susceptibilities.chiParallel(GELU, 1.7, 0.9), chi, 1e-15, "chi_par^(1)");
    }

    @Test
    void layerDependentInitializationUsesTheNextLayersWeightVariance() {
        Activation relu = new Activations.Relu();
        Architecture architecture = new Architecture(relu, 2, 10, List.of(
                new Initialization(1.0, 0.0), new Initialization(4.0, 0.5), new Initialization(2.0, 0.1)));
        TheoryProfile profile = DepthRecursion.singleInput(architecture, new double[] {2.0});
        assertRelative(4.0, profile.layer(1).kernel(), 1e-15, "K^(1)");
        assertRelative(0.5 + 4.0 * 2.0, profile.layer(2).kernel(), 1e-14, "K^(2)");
        assertRelative(0.1 + 2.0 * 8.5 / 2, profile.layer(3).kernel(), 1e-14, "K^(3)");
        assertRelative(2.0, profile.layer(1).chiParallel(), 1e-9, "chi_par^(1) with C_W^(2) = 4");
        assertRelative(1.0, profile.layer(2).chiPerpendicular(), 1e-12, "chi_perp^(2) with C_W^(3) = 2");
    }

    @Test
    void kernelMatrixDiagonalAgreesWithSingleInputs() {
        Architecture architecture = Architecture.uniform(new Activations.Tanh(), 4, 10, 1.3, 0.05);
        LearningRates rates = LearningRates.critical(CriticalityClass.K_STAR_ZERO, 5, 0.7, 0.9);
        double[][] inputs = {{0.1, 0.9}, {0.8, 0.2}};
        List<LayerKernelMatrix> matrices = DepthRecursion.kernelMatrices(architecture, inputs, rates);
        for (int a = 0; a < 2; a++) {
            TheoryProfile single = DepthRecursion.singleInput(architecture, inputs[a], rates);
            for (int l = 1; l <= 5; l++) {
                assertRelative(single.layer(l).kernel(), matrices.get(l - 1).kernel(a, a), 1e-13, "K_aa");
                assertRelative(single.layer(l).ntk(), matrices.get(l - 1).ntk(a, a), 1e-13, "Theta_aa");
            }
        }
        LayerKernelMatrix out = matrices.get(4);
        assertEquals(out.kernel(0, 1), out.kernel(1, 0));
        assertTrue(out.kernel(0, 1) * out.kernel(0, 1) < out.kernel(0, 0) * out.kernel(1, 1), "|rho| < 1");
        List<LayerKernelMatrix> fromFirst = DepthRecursion.kernelMatricesFromFirstLayer(architecture,
                matrices.get(0).kernelMatrix(), rates);
        assertRelative(out.ntk(0, 1), fromFirst.get(4).ntk(0, 1), 1e-13, "Theta_ab from the first-layer kernel");
    }

    @Test
    void invalidArchitecturesNameTheParameter() {
        Activation relu = new Activations.Relu();
        assertMessage("width", () -> Architecture.uniform(relu, 3, 0, 2, 0));
        assertMessage("hiddenLayers", () -> Architecture.uniform(relu, 0, 10, 2, 0));
        assertMessage("weightVariance", () -> new Initialization(-1, 0));
        assertMessage("biasVariance", () -> new Initialization(1, -0.1));
        assertMessage("initialization", () -> new Architecture(relu, 2, 10, List.of(new Initialization(1, 0))));
        assertMessage("firstLayerKernel", () -> DepthRecursion.fromFirstLayer(Architecture.uniform(relu, 1, 1, 2, 0),
                -1, 0));
        assertMessage("equal width", () -> DepthRecursion.kernelMatrices(Architecture.uniform(relu, 1, 1, 2, 0),
                new double[][] {{1, 2}, {1}}));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' should name " + fragment);
    }
}
