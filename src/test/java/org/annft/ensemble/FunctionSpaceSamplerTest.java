package org.annft.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FunctionSpaceSamplerTest {

    /** The four interleaved partial sums add up every element once, whatever the length mod 4. */
    @Test
    void sumOfSquaresCoversEveryElementForEveryRemainder() {
        for (int length = 0; length <= 11; length++) {
            double[] v = new double[length + 2];
            double expected = 0;
            for (int i = 0; i < v.length; i++) {
                // Distinct powers of two: any element left out or counted twice changes the exact sum.
                v[i] = Math.scalb(1.0, i);
                if (i < length) {
                    expected += v[i] * v[i];
                }
            }
            assertEquals(expected, FunctionSpaceSampler.sumOfSquares(v, length), 0.0, "length " + length);
        }
    }
}
