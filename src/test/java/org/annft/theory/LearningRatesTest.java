package org.annft.theory;

import static org.annft.theory.Approx.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearningRatesTest {

    private static final double[] INPUT = {0.13, 0.16};

    @Test
    void reluCriticalRatesDivideByTheOutputLayer() {
        LearningRates rates = LearningRates.critical(new Activations.Relu(), 4, 0.8, 2.0);
        assertEquals(4, rates.outputLayer());
        for (int l = 1; l <= 4; l++) {
            assertEquals(0.2, rates.lambdaB(l), 1e-15);
            assertEquals(0.5, rates.lambdaW(l), 1e-15);
        }
        assertEquals(rates, rates.averagedRaw());
    }

    @Test
    void tanhCriticalRatesDivideBiasesByTheLayer() {
        LearningRates rates = LearningRates.critical(CriticalityClass.K_STAR_ZERO, 4, 1.2, 0.3);
        for (int l = 1; l <= 4; l++) {
            assertEquals(1.2 / l, rates.lambdaB(l), 1e-15);
            assertEquals(0.3, rates.lambdaW(l), 1e-15);
        }
        LearningRates global = rates.averagedRaw();
        double meanBias = 1.2 * (1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4) / 4;
        for (int l = 1; l <= 4; l++) {
            assertEquals(meanBias, global.lambdaB(l), 1e-15);
            assertEquals(0.3, global.lambdaW(l), 1e-15);
        }
    }

    /**
     * The paper's global rates (Sec. IV): the layer means of lambda_W^(l) / n_{l-1} and lambda_b^(l),
     * for l_out = 4, n0 = 2 and hidden width n. ReLU: lambda_W^(l) = lambda~_W / 4, so
     * w = (lambda~_W / 16)(1/2 + 3/n); tanh: lambda_W^(l) = lambda~_W, w = (lambda~_W / 4)(1/2 + 3/n),
     * and b = lambda~_b (1 + 1/2 + 1/3 + 1/4) / 4 = lambda~_b 25/48.
     */
    @Test
    void globalRatesInPracticeMatchHandComputedValuesAtTwoWidths() {
        double rawB = 0.6;
        double rawW = 0.8;
        double[][] expected = {
            // width, relu w, relu b, tanh w, tanh b
            {10, 0.8 * 0.05, 0.15, 0.8 * 0.2, 0.6 * 25 / 48},
            {120, 0.8 * 0.0328125, 0.15, 0.8 * 0.13125, 0.6 * 25 / 48}};
        for (double[] row : expected) {
            int n = (int) row[0];
            int[] fanIns = {2, n, n, n};
            LearningRates relu = LearningRates.critical(CriticalityClass.SCALE_INVARIANT, 4, rawB, rawW)
                    .averagedInPractice(fanIns);
            LearningRates tanh = LearningRates.critical(CriticalityClass.K_STAR_ZERO, 4, rawB, rawW)
                    .averagedInPractice(fanIns);
            for (int l = 1; l <= 4; l++) {
                // The optimizer divides lambda_W^(l) by n_{l-1}: every weight gets the same rate.
                assertEquals(row[1], relu.lambdaW(l) / fanIns[l - 1], 1e-16, "relu weight rate, n = " + n + ", layer " + l);
                assertEquals(row[2], relu.lambdaB(l), 1e-16, "relu bias rate, n = " + n);
                assertEquals(row[3], tanh.lambdaW(l) / fanIns[l - 1], 1e-16, "tanh weight rate, n = " + n + ", layer " + l);
                assertEquals(row[4], tanh.lambdaB(l), 1e-15, "tanh bias rate, n = " + n);
            }
            assertEquals(relu, GlobalRate.PRACTICE.average(
                    LearningRates.critical(CriticalityClass.SCALE_INVARIANT, 4, rawB, rawW), fanIns));
        }
        // The raw average leaves ReLU's critical tensor unchanged (why CINT was CICT under it).
        LearningRates reluCritical = LearningRates.critical(CriticalityClass.SCALE_INVARIANT, 4, rawB, rawW);
        assertEquals(reluCritical, GlobalRate.RAW_AVERAGE.average(reluCritical, new int[] {2, 10, 10, 10}));
        assertThrows(IllegalArgumentException.class, () -> reluCritical.averagedInPractice(new int[] {2, 10, 10}));
        assertEquals(GlobalRate.RAW_AVERAGE, GlobalRate.parse("raw-average"));
        assertThrows(IllegalArgumentException.class, () -> GlobalRate.parse("raw"));
    }

    @Test
    void otherClassesUseTheDepthNormalizedRule() {
        assertEquals(LearningRates.global(5, 0.2, 0.4), LearningRates.critical(new Activations.Gelu(), 5, 1.0, 2.0));
        assertEquals(LearningRates.global(5, 0.2, 0.4), LearningRates.critical(CriticalityClass.NONE, 5, 1.0, 2.0));
    }

    @Test
    void invalidRatesNameTheProblem() {
        IllegalArgumentException layer = assertThrows(IllegalArgumentException.class,
                () -> LearningRates.global(3, 1, 1).lambdaB(4));
        assertTrue(layer.getMessage().contains("layer"), layer.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> LearningRates.of(new double[] {1, -1}, new double[] {1, 1}));
        assertTrue(negative.getMessage().contains("lambdaB of layer 2"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LearningRates.global(0, 1, 1));
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> DepthRecursion.singleInput(Architecture.uniform(new Activations.Relu(), 3, 10, 2, 0), INPUT,
                        LearningRates.global(3, 1, 1)));
        assertTrue(mismatch.getMessage().contains("l_out = 4"), mismatch.getMessage());
    }

    @Test
    void criticalReluNtkGrowsLinearlyAndEndsIndependentOfDepth() {
        double rawB = 0.5;
        double rawW = 1.5;
        double meanSquare = (INPUT[0] * INPUT[0] + INPUT[1] * INPUT[1]) / 2;
        for (int hidden : new int[] {3, 10, 60}) {
            int outputLayer = hidden + 1;
            TheoryProfile profile = DepthRecursion.singleInput(Architecture.uniform(new Activations.Relu(), hidden, 50,
                    2.0, 0.0), INPUT, LearningRates.critical(CriticalityClass.SCALE_INVARIANT, outputLayer, rawB, rawW));
            // K = 2 x^2/n0 and chi_perp = 1: each layer adds (lambda~_b + lambda~_W x^2/n0) / l_out.
            double step = (rawB + rawW * meanSquare) / outputLayer;
            for (int l = 1; l <= outputLayer; l++) {
                assertRelative(l * step, profile.layer(l).ntk(), 1e-12, "Theta^(" + l + ")");
            }
        }
    }

    @Test
    void globalRateAwayFromCriticalityGrowsGeometricallyForRelu() {
        TheoryProfile profile = DepthRecursion.singleInput(Architecture.uniform(new Activations.Relu(), 40, 50, 3.0, 0.0),
                INPUT, LearningRates.critical(CriticalityClass.SCALE_INVARIANT, 41, 0.5, 1.5).averagedRaw());
        // chi_perp = C_W/2 = 3/2, and the sources grow like K ~ (3/2)^l as well.
        double ratio = profile.layer(41).ntk() / profile.layer(40).ntk();
        assertRelative(1.5 * 41 / 40, ratio, 0.02, "Theta growth factor");
        assertTrue(profile.layer(41).ntk() / profile.layer(1).ntk() > 1e6);
    }

    @Test
    void criticalTanhNtkGrowsAtMostLinearly() {
        int outputLayer = 150;
        TheoryProfile profile = DepthRecursion.singleInput(Architecture.uniform(new Activations.Tanh(), outputLayer - 1,
                50, 1.0, 0.0), INPUT, LearningRates.critical(new Activations.Tanh(), outputLayer, 0.5, 1.5));
        double first = profile.layer(1).ntk();
        for (int l = 2; l <= outputLayer; l++) {
            double ntk = profile.layer(l).ntk();
            assertTrue(ntk <= l * first, "Theta^(" + l + ") = " + ntk + " exceeds linear growth " + l * first);
            double ratio = ntk / profile.layer(l - 1).ntk();
            assertTrue(ratio < 1 + 2.0 / l, "step ratio " + ratio + " at l = " + l + " is geometric");
        }
    }

    @Test
    void globalRateAwayFromCriticalityGrowsGeometricallyForTanh() {
        // C_W = 2: the kernel flows to a fixed point K* > 0 where chi_perp(K*) > 1.
        Activation tanh = new Activations.Tanh();
        TheoryProfile profile = DepthRecursion.singleInput(Architecture.uniform(tanh, 99, 50, 2.0, 0.0), INPUT,
                LearningRates.critical(tanh, 100, 0.5, 1.5).averagedRaw());
        double chiPerpendicular = profile.layer(99).chiPerpendicular();
        assertTrue(chiPerpendicular > 1.1, "chi_perp = " + chiPerpendicular);
        assertRelative(chiPerpendicular, profile.layer(100).ntk() / profile.layer(99).ntk(), 1e-3, "Theta growth");
        assertTrue(profile.layer(100).ntk() / profile.layer(1).ntk() > 1e4);
    }
}
