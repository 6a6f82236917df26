package org.annft.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.annft.nn.SeedStreams;
import org.annft.nn.TestNetworks;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class GemmTest {

    /** Both implementations against a triple loop, for every transpose combination and beta. */
    @Test
    void productsMatchTheDefinitionForAllTransposesAndBetas() {
        UniformRandomProvider random = SeedStreams.stream(11, 0);
        int m = 5;
        int k = 3;
        int n = 4;
        for (Gemm gemm : List.of(Gemm.blas(), Gemm.ejml())) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    for (double beta : new double[] {0.0, 1.0, -0.5}) {
                        DMatrixRMaj a = ta ? TestNetworks.uniformMatrix(k, m, -1, 1, random)
                                : TestNetworks.uniformMatrix(m, k, -1, 1, random);
                        DMatrixRMaj b = tb ? TestNetworks.uniformMatrix(n, k, -1, 1, random)
                                : TestNetworks.uniformMatrix(k, n, -1, 1, random);
                        DMatrixRMaj c = TestNetworks.uniformMatrix(m, n, -1, 1, random);
                        DMatrixRMaj expected = new DMatrixRMaj(m, n);
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                double sum = 0;
                                for (int p = 0; p < k; p++) {
                                    sum += (ta ? a.get(p, i) : a.get(i, p)) * (tb ? b.get(j, p) : b.get(p, j));
                                }
                                expected.set(i, j, 1.5 * sum + beta * c.get(i, j));
                            }
                        }
                        gemm.multiply(ta, tb, 1.5, a, b, beta, c);
                        for (int i = 0; i < m * n; i++) {
                            assertEquals(expected.data[i], c.data[i], 1e-13,
                                    gemm.implementationName() + " ta=" + ta + " tb=" + tb + " beta=" + beta);
                        }
                    }
                }
            }
        }
    }

    @Test
    void betaZeroIgnoresNaNInTheOutput() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{3}, {4}});
        DMatrixRMaj c = new DMatrixRMaj(new double[][] {{Double.NaN}});
        Gemm.blas().multiply(false, false, 1.0, a, b, 0.0, c);
        assertEquals(11.0, c.get(0, 0));
    }

    @Test
    void mismatchedShapesAreRejected() {
        DMatrixRMaj a = new DMatrixRMaj(2, 3);
        DMatrixRMaj b = new DMatrixRMaj(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.blas().multiply(false, false, 1.0, a, b, 0.0, new DMatrixRMaj(2, 3)));
        assertTrue(e.getMessage().contains("gemm shapes"), e.getMessage());
    }

    @Test
    void implementationNameSaysWhichBlasRuns() {
        String name = Gemm.blas().implementationName();
        assertEquals(BlasLibrary.current().summary(), name);
        assertTrue(name.matches("(bundled|system|java) \\S.*"), name);
        assertFalse(Gemm.ejml().implementationName().contains("netlib"));
    }
}
