package org.annft.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.annft.nn.SeedStreams;
import org.annft.nn.TestNetworks;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Products split into column blocks over several threads equal the one-thread products bit for bit,
 * on the training step's own shapes (batch 32): forward {@code A W^T}, backward {@code Delta W},
 * and the fused SGD update {@code W - eta Delta^T A} (beta = 1), in both precisions.
 */
class ColumnBlockGemmTest {

    @ParameterizedTest(name = "width {0}, {1} threads")
    @CsvSource({"1000, 2", "1000, 3", "1000, 4", "2000, 2", "2000, 4", "777, 2", "600, 2"})
    void splitProductsEqualOneThreadBitForBit(int width, int threads) {
        int batch = 32;
        UniformRandomProvider random = SeedStreams.stream(width, threads);
        DMatrixRMaj activations = TestNetworks.uniformMatrix(batch, width, -1, 1, random);
        DMatrixRMaj delta = TestNetworks.uniformMatrix(batch, width, -1, 1, random);
        DMatrixRMaj weights = TestNetworks.uniformMatrix(width, width, -1, 1, random);
        Gemm one = Gemm.blas();
        Gemm split = Gemm.blas(threads);
        assertTrue(BlasGemm.blockCount(batch, width, width, threads) > 1, "the shapes must actually be split");
        // forward, backward, update
        boolean[][] flags = {{false, true}, {false, false}, {true, false}};
        for (int p = 0; p < 3; p++) {
            DMatrixRMaj a = p == 1 || p == 2 ? delta : activations;
            DMatrixRMaj b = p == 2 ? activations : weights;
            double alpha = p == 2 ? -0.0123 : 1.0;
            double beta = p == 2 ? 1.0 : 0.0;
            DMatrixRMaj expected = p == 2 ? weights.copy() : new DMatrixRMaj(batch, width);
            DMatrixRMaj actual = expected.copy();
            one.multiply(flags[p][0], flags[p][1], alpha, a, b, beta, expected);
            split.multiply(flags[p][0], flags[p][1], alpha, a, b, beta, actual);
            assertArrayEquals(expected.data, actual.data, 0.0, "float64 product " + p);

            FMatrixRMaj af = single(a);
            FMatrixRMaj bf = single(b);
            FMatrixRMaj expectedF = single(expected);
            FMatrixRMaj actualF = expectedF.copy();
            FloatGemm.blas().multiply(flags[p][0], flags[p][1], (float) alpha, af, bf, (float) beta, expectedF);
            FloatGemm.blas(threads).multiply(flags[p][0], flags[p][1], (float) alpha, af, bf, (float) beta, actualF);
            assertArrayEquals(expectedF.data, actualF.data, 0.0f, "float32 product " + p);
        }
    }

    /** Blocks tile 0..n without gaps, start aligned, and none falls below the work bound. */
    @Test
    void blocksTileTheColumnsAboveTheWorkBound() {
        for (int[] shape : new int[][] {{32, 1000, 1000}, {32, 2000, 2000}, {2000, 2000, 32}, {32, 777, 777}, {32, 500, 500}}) {
            for (int threads = 2; threads <= 8; threads++) {
                int m = shape[0];
                int n = shape[1];
                int k = shape[2];
                int count = BlasGemm.blockCount(m, n, k, threads);
                assertTrue(count >= 1 && count <= threads);
                assertEquals(0, BlasGemm.blockStart(0, count, n));
                assertEquals(n, BlasGemm.blockStart(count, count, n));
                for (int b = 0; b < count; b++) {
                    int from = BlasGemm.blockStart(b, count, n);
                    int to = BlasGemm.blockStart(b + 1, count, n);
                    assertEquals(0, from % BlasGemm.BLOCK_ALIGNMENT);
                    assertTrue(to > from);
                    if (count > 1) {
                        assertTrue((long) (to - from) * m * k >= BlasGemm.MINIMUM_BLOCK_WORK,
                                "block " + b + " of " + count + " at " + m + "x" + n + "x" + k);
                    }
                }
            }
        }
        // 32 x 500 x 500 is 8e6 multiply-adds: two aligned blocks would be below the bound.
        assertEquals(1, BlasGemm.blockCount(32, 500, 500, 2));
        assertEquals(2, BlasGemm.blockCount(32, 1000, 1000, 2));
    }

    private static FMatrixRMaj single(DMatrixRMaj m) {
        FMatrixRMaj out = new FMatrixRMaj(m.numRows, m.numCols);
        for (int i = 0; i < m.data.length; i++) {
            out.data[i] = (float) m.data[i];
        }
        return out;
    }
}
