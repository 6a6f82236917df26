package org.annft.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Central moments by update and merge against two-pass sums, closed forms and far-from-zero means. */
class CentralMomentsTest {

    private static double[] sample(int n, double mean, double spread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Skewed: an exponential, so odd moments are not zero.
            x[i] = mean + spread * (-Math.log(1 - random.nextDouble()) - 1);
        }
        return x;
    }

    private static double twoPass(double[] x, int p) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double s = 0;
        for (double v : x) {
            s += Math.pow(v - mean, p);
        }
        return s / x.length;
    }

    /** Mean 1e6 with unit spread: raw power sums lose every digit of the variance; these keep 1e-8 of it. */
    @Test
    void updatesAgreeWithTwoPassSumsFarFromZero() {
        double[] x = sample(20_000, 1e6, 1.0, 1);
        CentralMoments m = new CentralMoments(8);
        for (double v : x) {
            m.add(v);
        }
        assertEquals(20_000, m.count());
        for (int p = 2; p <= 8; p++) {
            double expected = twoPass(x, p);
            assertEquals(expected, m.centralMoment(p), 1e-8 * Math.abs(expected), "c" + p);
        }
        // The exponential's own moments: variance 1, third central moment 2, fourth 9 (within sampling error).
        assertEquals(1.0, m.variance(), 0.05);
        assertEquals(2.0, m.centralMoment(3), 0.4);
        assertEquals(9.0, m.centralMoment(4), 2.0);
    }

    /** Merging the pieces of a split sample gives the moments of the whole, in any grouping. */
    @Test
    void mergedPiecesEqualTheWhole() {
        double[] x = sample(9_000, 37.5, 0.01, 2);
        CentralMoments whole = new CentralMoments(6);
        CentralMoments[] pieces = {new CentralMoments(6), new CentralMoments(6), new CentralMoments(6)};
        for (int i = 0; i < x.length; i++) {
            whole.add(x[i]);
            pieces[i < 10 ? 0 : i < 4_000 ? 1 : 2].add(x[i]);
        }
        CentralMoments left = new CentralMoments(6).merge(pieces[0]).merge(pieces[1]).merge(pieces[2]);
        CentralMoments right = new CentralMoments(6).merge(pieces[2]).merge(new CentralMoments(6).merge(pieces[0]).merge(pieces[1]));
        for (CentralMoments merged : new CentralMoments[] {left, right}) {
            assertEquals(whole.count(), merged.count());
            assertEquals(whole.mean(), merged.mean(), 1e-14 * whole.mean());
            for (int p = 2; p <= 6; p++) {
                assertEquals(whole.centralMoment(p), merged.centralMoment(p), 1e-9 * Math.abs(whole.centralMoment(p)), "c" + p);
            }
        }
    }

    /** Two points a and b: mean (a+b)/2, variance ((b-a)/2)^2, fourth moment ((b-a)/2)^4; standard errors from them. */
    @Test
    void twoPointsHaveTheirClosedForms() {
        CentralMoments m = new CentralMoments(4);
        m.add(3.0);
        m.add(7.0);
        assertEquals(5.0, m.mean(), 0);
        assertEquals(4.0, m.variance(), 1e-15);
        assertEquals(0.0, m.centralMoment(3), 1e-15);
        assertEquals(16.0, m.centralMoment(4), 1e-14);
        assertEquals(Math.sqrt(2.0), m.meanStandardError(), 1e-15);
        assertEquals(0.0, m.varianceStandardError(), 1e-7);
        assertEquals(Double.NaN, new CentralMoments(2).variance());
        assertThrows(IllegalArgumentException.class, () -> new CentralMoments(4).merge(new CentralMoments(3)));
    }

    /** Moments about any point from power sums equal the direct sums (1/n) sum (x - c)^p. */
    @Test
    void momentsAboutAPointFromPowerSumsAreTheDirectSums() {
        double[] x = {-1.5, 0.25, 0.5, 2.0, -0.75, 1.25};
        double[] powerSums = new double[8];
        for (double v : x) {
            for (int p = 1; p <= 8; p++) {
                powerSums[p - 1] += Math.pow(v, p);
            }
        }
        for (double center : new double[] {0, 0.3, -1.1}) {
            for (int p = 2; p <= 8; p++) {
                double direct = 0;
                for (double v : x) {
                    direct += Math.pow(v - center, p);
                }
                direct /= x.length;
                assertEquals(direct, CentralMoments.momentAbout(x.length, powerSums, center, p), 1e-12 * Math.max(1, direct),
                        "p = " + p + " about " + center);
            }
        }
    }
}
