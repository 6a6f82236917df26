package org.annft.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Summaries of an ordered sample against closed forms, and their independence of arrival order and grouping. */
class OrderedSampleTest {

    /** numpy.quantile([4, 1, 3, 2], [0.05, 0.5, 0.95]) = [1.15, 2.5, 3.85]; one value is every quantile. */
    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        OrderedSample s = new OrderedSample().add(4).add(1).add(3).add(2);
        assertEquals(1.15, s.quantile(0.05), 1e-15);
        assertEquals(2.5, s.quantile(0.5), 0);
        assertEquals(3.85, s.quantile(0.95), 1e-15);
        assertEquals(1.0, s.quantile(0), 0);
        assertEquals(4.0, s.quantile(1), 0);
        assertEquals(7.5, new OrderedSample().add(7.5).quantile(0.05), 0);
        assertTrue(Double.isNaN(new OrderedSample().quantile(0.5)));
        assertThrows(IllegalArgumentException.class, () -> s.quantile(1.5));
    }

    @Test
    void meanAndPopulationStdOfAClosedFormSample() {
        OrderedSample s = new OrderedSample();
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            s.add(x);
        }
        OrderedSample.Summary summary = s.summary();
        assertEquals(8, summary.count());
        assertEquals(5.0, summary.mean(), 0.0);
        assertEquals(2.0, summary.std(), 0.0);
    }

    /** Far from zero, where a one-pass sum of squares loses every digit of the variance. */
    @Test
    void stdOfValuesWithALargeMeanIsExact() {
        OrderedSample s = new OrderedSample();
        for (int i = 0; i < 1000; i++) {
            s.add(1e9 + (i % 2 == 0 ? 1 : -1));
        }
        assertEquals(1e9, s.summary().mean(), 0.0);
        assertEquals(1.0, s.summary().std(), 0.0);
    }

    @Test
    void anEmptySampleHasNoMeanAndNoStd() {
        OrderedSample.Summary summary = new OrderedSample().summary();
        assertEquals(0, summary.count());
        assertNull(summary.mean());
        assertNull(summary.std());
    }

    /** Any order and any grouping of merges give the same bits. */
    @Test
    void summaryIsTheSameBitsWhateverTheOrderAndGrouping() {
        Random random = new Random(3);
        double[] x = new double[500];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(10 * random.nextGaussian());
        }
        OrderedSample whole = new OrderedSample();
        for (double v : x) {
            whole.add(v);
        }
        for (int trial = 0; trial < 5; trial++) {
            OrderedSample[] parts = {new OrderedSample(), new OrderedSample(), new OrderedSample()};
            for (int i = x.length - 1; i >= 0; i--) {
                parts[random.nextInt(3)].add(x[i]);
            }
            OrderedSample merged = parts[2].merge(parts[0]).merge(parts[1]);
            assertEquals(whole.summary(), merged.summary());
        }
        double naive = 0;
        for (double v : x) {
            naive += v;
        }
        // The ordered sum is a different rounding of the same sum: agreement to the last few bits.
        assertEquals(naive / x.length, whole.summary().mean(), 1e-12 * Math.abs(naive / x.length));
    }
}
