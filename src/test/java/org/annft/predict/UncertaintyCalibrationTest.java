package org.annft.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Calibrations on synthetic held-out predictions with known noise: the truth is the mean plus noise
 * of standard deviation c(d) std, c growing with the distance d, the ensemble's std drawn per nuclide.
 */
class UncertaintyCalibrationTest {

    /** The noise's scale in units of the ensemble std at distances 1, 2, 3. */
    private static final double[] SCALE = {2, 3, 5};

    private static List<HeldOutPrediction> draw(UniformRandomProvider rng, int perDistance, boolean laplace) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        List<HeldOutPrediction> out = new ArrayList<>();
        for (int d = 1; d <= SCALE.length; d++) {
            for (int i = 0; i < perDistance; i++) {
                double std = 0.5 + 2.5 * rng.nextDouble();
                double mean = 1000 * rng.nextDouble();
                // Laplace noise of unit variance: exponential of mean 1/sqrt(2) with a random sign.
                double noise = laplace ? (rng.nextBoolean() ? 1 : -1) * -Math.log(1 - rng.nextDouble()) / Math.sqrt(2)
                        : gauss.sample();
                out.add(new HeldOutPrediction(d, mean, std, mean + SCALE[d - 1] * std * noise));
            }
        }
        return out;
    }

    /**
     * Coverage of fresh nuclides, each calibration drawn anew: {@code repetitions} calibrations on
     * {@code perDistance} nuclides per distance, each checked on one new nuclide per distance.
     */
    private static double[] coverage(CalibrationMethod method, int perDistance, int repetitions, boolean laplace, long seed) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        double[] inside = new double[UncertaintyCalibration.LEVELS.size()];
        int trials = 0;
        for (int r = 0; r < repetitions; r++) {
            UncertaintyCalibration c = UncertaintyCalibration.fit(method, draw(rng, perDistance, laplace));
            for (HeldOutPrediction h : draw(rng, 1, laplace)) {
                for (int l = 0; l < inside.length; l++) {
                    inside[l] += Math.abs(h.residual()) <= c.halfWidth(h.distance(), h.std(), l) ? 1 : 0;
                }
                trials++;
            }
        }
        for (int l = 0; l < inside.length; l++) {
            inside[l] /= trials;
        }
        return inside;
    }

    @Test
    void conformalIntervalsCoverAtTheirLevelWhateverTheNoise() {
        // Split conformal covers a new nuclide with probability in [p, p + 1/(m + 1)], m = 40 per group.
        // 3 x 3000 trials: the binomial std of a fraction near 0.68 is 0.0049, near 0.95 0.0023;
        // allowed: 4 of them beyond that interval.
        for (boolean laplace : new boolean[] {false, true}) {
            double[] covered = coverage(CalibrationMethod.CONFORMAL, 40, 3000, laplace, laplace ? 5 : 6);
            for (int l = 0; l < covered.length; l++) {
                double p = UncertaintyCalibration.LEVELS.get(l);
                double tolerance = 4 * Math.sqrt(p * (1 - p) / 9000);
                assertTrue(covered[l] >= p - tolerance && covered[l] <= p + 1.0 / 41 + tolerance,
                        (laplace ? "Laplace" : "Gaussian") + " noise, level " + p + ": covered " + covered[l]);
            }
        }
    }

    @Test
    void theInflatedGaussianCoversGaussianNoiseButNotHeavierTails() {
        double[] gaussian = coverage(CalibrationMethod.INFLATED, 400, 1000, false, 7);
        double[] laplace = coverage(CalibrationMethod.INFLATED, 400, 1000, true, 8);
        for (int l = 0; l < gaussian.length; l++) {
            double p = UncertaintyCalibration.LEVELS.get(l);
            assertEquals(p, gaussian[l], 4 * Math.sqrt(p * (1 - p) / 3000) + 0.01, "Gaussian, level " + p);
        }
        // Laplace noise of unit variance lies within z_p of 0 with probability 1 - exp(-sqrt(2) z_p):
        // 0.755 at 68% (z = 0.994), 0.941 at 95% (z = 1.960): too wide at 68%, too narrow at 95%.
        assertEquals(1 - Math.exp(-Math.sqrt(2) * 0.9945), laplace[0], 0.035);
        assertEquals(1 - Math.exp(-Math.sqrt(2) * 1.9600), laplace[2], 0.02);
    }

    @Test
    void adjacentDistancesArePooledUntilAGroupHoldsEnoughNuclides() {
        List<HeldOutPrediction> heldOut = new ArrayList<>();
        int[] counts = {0, 50, 12, 20, 5, 31, 3};
        for (int d = 0; d < counts.length; d++) {
            for (int i = 0; i < counts[d]; i++) {
                heldOut.add(new HeldOutPrediction(d, 0, 1, i % 2 == 0 ? d : -d));
            }
        }
        UncertaintyCalibration c = UncertaintyCalibration.fit(CalibrationMethod.CONFORMAL, heldOut);
        // d = 1 alone (50); 2 and 3 (32); 4 and 5 (36), with the remainder d = 6 (3) joined to it.
        assertEquals(List.of(List.of(1, 1, 50), List.of(2, 3, 32), List.of(4, 6, 39)), c.groups().stream()
                .map(g -> List.of(g.from(), g.to(), g.nuclides())).toList());
        assertEquals(1, c.group(0).from());
        assertEquals(4, c.group(60).from());
        // Every score of the d = 1 group is 1: the conformal factor is 1 at every level, and covers all.
        assertArrayEquals(new double[] {1, 1, 1}, c.group(1).factors(), 0);
        assertArrayEquals(new double[] {1, 1, 1}, c.group(1).coverage(), 0);
        // The group of d = 2 and 3: 12 scores 2 and 20 scores 3; the 68% factor is the ceil(33 x 0.68) = 23rd: 3.
        assertEquals(3, c.halfWidth(3, 1, 0), 0);
        assertEquals(6, c.halfWidth(2, 2, 0), 0);
    }

    @Test
    void aFartherGroupIsNeverGivenANarrowerInterval() {
        // Scores 4 at d = 1, 1 at d = 2, 6 at d = 3: the d = 2 group keeps the factor 4 of d = 1.
        List<HeldOutPrediction> heldOut = new ArrayList<>();
        double[] score = {4, 1, 6};
        for (int d = 1; d <= 3; d++) {
            for (int i = 0; i < 40; i++) {
                heldOut.add(new HeldOutPrediction(d, 10, 0.5, 10 + (i % 2 == 0 ? 1 : -1) * 0.5 * score[d - 1]));
            }
        }
        for (CalibrationMethod m : CalibrationMethod.values()) {
            UncertaintyCalibration c = UncertaintyCalibration.fit(m, heldOut);
            for (int l = 0; l < 3; l++) {
                assertEquals(c.group(1).factors()[l], c.group(2).factors()[l], 0, m + " level " + l);
                assertTrue(c.group(3).factors()[l] > c.group(2).factors()[l], m + " level " + l);
                // Every score of d = 2 (1) lies inside the factor taken from d = 1.
                assertEquals(1, c.group(2).coverage()[l], 0);
            }
            assertEquals(m == CalibrationMethod.CONFORMAL ? 4 : 4 * 0.9945, c.group(2).factors()[0], 1e-3);
        }
    }
}
