package org.annft.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FunctionSpaceSamplerTest {

    /** The four interleaved partial sums add up every product once, whatever the length mod 4. */
    @Test
    void dotCoversEveryElementForEveryRemainder() {
        for (int length = 0; length <= 11; length++) {
            double[] v = new double[2 * length + 3];
            for (int i = 0; i < v.length; i++) {
                // Distinct powers of two: any product left out or counted twice changes the exact sum.
                v[i] = Math.scalb(1.0, i);
            }
            double squares = 0;
            double cross = 0;
            for (int i = 0; i < length; i++) {
                squares += v[i] * v[i];
                cross += v[1 + i] * v[length + 2 + i];
            }
            assertEquals(squares, FunctionSpaceSampler.dot(v, 0, 0, length), 0.0, "squares, length " + length);
            assertEquals(cross, FunctionSpaceSampler.dot(v, 1, length + 2, length), 0.0, "cross, length " + length);
        }
    }

    /**
     * The factor reproduces G = L L^T, and mixing input-major rows in place gives L u for every
     * column u, also when G is singular (a zero pivot) and only part of each row is used.
     */
    @Test
    void factorMixesRowsAsLTimesEachColumn() {
        double[][] covariances = {
            {4, 2, 0.4, 2, 5, 1, 0.4, 1, 3},
            // Rank 2: the third input is the sum of the first two.
            {1, 0.5, 1.5, 0.5, 2, 2.5, 1.5, 2.5, 4},
        };
        int k = 3;
        for (double[] g : covariances) {
            CovarianceFactor l = new CovarianceFactor(k);
            l.factorize(g);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double product = 0;
                    for (int p = 0; p < k; p++) {
                        product += l.entry(a, p) * l.entry(b, p);
                    }
                    assertEquals(g[a * k + b], product, 1e-12, "(L L^T)_" + a + b);
                }
            }
            int stride = 7;
            int count = 5;
            double[] rows = new double[k * stride];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = Math.sin(1.7 * i + 0.3);
            }
            double[] mixed = rows.clone();
            l.applyToRows(mixed, stride, count);
            for (int i = 0; i < stride; i++) {
                for (int a = 0; a < k; a++) {
                    double expected = rows[a * stride + i];
                    if (i < count) {
                        expected = 0;
                        for (int p = 0; p <= a; p++) {
                            expected += l.entry(a, p) * rows[p * stride + i];
                        }
                    }
                    assertEquals(expected, mixed[a * stride + i], 1e-14, "input " + a + ", column " + i);
                }
            }
        }
    }
}
