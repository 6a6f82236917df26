package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.annft.nn.SeedStreams;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class BootstrapResampleTest {

    /** n samples whose input i is (i, -i), target 10 i and report scale i + 1. */
    private static Samples numbered(int n) {
        DMatrixRMaj in = new DMatrixRMaj(n, 2);
        DMatrixRMaj out = new DMatrixRMaj(n, 1);
        double[] scales = new double[n];
        for (int i = 0; i < n; i++) {
            in.set(i, 0, i);
            in.set(i, 1, -i);
            out.set(i, 0, 10.0 * i);
            scales[i] = i + 1;
        }
        return new Samples(in, out, scales);
    }

    private static Set<Integer> drawn(Samples s) {
        Set<Integer> rows = new HashSet<>();
        for (int r = 0; r < s.size(); r++) {
            int i = (int) s.input(r, 0);
            // Every drawn row keeps its own inputs, target and report scale together.
            assertEquals(-i, s.input(r, 1), 0);
            assertEquals(10.0 * i, s.target(r, 0), 0);
            assertEquals(i + 1, s.reportScale(r), 0);
            rows.add(i);
        }
        return rows;
    }

    @Test
    void drawsAsManyRowsWithReplacementFromTheSeed() {
        int n = 4000;
        Samples original = numbered(n);
        Samples a = original.resample(SeedStreams.stream(11, SeedStreams.BOOTSTRAP));
        Samples b = original.resample(SeedStreams.stream(11, SeedStreams.BOOTSTRAP));
        Samples c = original.resample(SeedStreams.stream(12, SeedStreams.BOOTSTRAP));
        assertEquals(n, a.size());
        Set<Integer> rows = drawn(a);
        assertEquals(rows, drawn(b), "the same seed draws the same resample");
        assertNotEquals(rows, drawn(c));
        // A bootstrap resample holds a fraction 1 - (1 - 1/n)^n -> 1 - 1/e = 0.632 of the distinct rows,
        // with a binomial-like spread of about sqrt(n e^-1 (1 - e^-1)) / n = 0.008 at n = 4000.
        double distinct = rows.size() / (double) n;
        assertTrue(Math.abs(distinct - (1 - Math.exp(-1))) < 0.03, "distinct fraction " + distinct);
    }
}
