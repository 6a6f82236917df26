package org.annft.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.nio.file.Files;
import java.nio.file.Path;
import org.annft.nn.SeedStreams;
import org.annft.nn.TestNetworks;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class BlasLibraryTest {

    /**
     * The bundled OpenBLAS loads into this JVM (its file is mapped, netlib's JNI binding runs on it),
     * reports its version and kernel, and its dgemm agrees with a Kahan-summed Java triple loop to
     * 1e-12 relative, element by element, on a 50x70x30 product of positive entries (no cancellation,
     * so the relative error of each element is bounded by about k eps = 1.6e-14).
     */
    @Test
    void bundledOpenBlasLoadsAndItsDgemmAgreesWithJava() throws Exception {
        BlasLibrary bundled = BlasLibrary.load(BlasChoice.BUNDLED);
        assertEquals(BlasLibrary.Kind.BUNDLED, bundled.kind());
        assertInstanceOf(NativeBLAS.class, bundled.blas());
        assertTrue(bundled.isOpenBlas(), bundled.summary());
        assertTrue(bundled.summary().matches("bundled OpenBLAS \\d+\\.\\d+\\.\\d+ \\S+"), bundled.summary());
        Path library = Path.of(bundled.libraryPath());
        assertTrue(Files.readString(Path.of("/proc/self/maps")).contains(library.toString()),
                "the extracted library is mapped: " + library);

        UniformRandomProvider random = SeedStreams.stream(5, 0);
        int m = 50;
        int k = 70;
        int n = 30;
        DMatrixRMaj a = TestNetworks.uniformMatrix(m, k, 0.1, 1, random);
        DMatrixRMaj b = TestNetworks.uniformMatrix(k, n, 0.1, 1, random);
        DMatrixRMaj c = new DMatrixRMaj(m, n);
        new BlasGemm(bundled, 1).multiply(false, false, 1.0, a, b, 0.0, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double compensation = 0;
                for (int p = 0; p < k; p++) {
                    double y = a.get(i, p) * b.get(p, j) - compensation;
                    double t = sum + y;
                    compensation = (t - sum) - y;
                    sum = t;
                }
                assertEquals(sum, c.get(i, j), 1e-12 * sum, "element " + i + "," + j);
            }
        }
    }

    /** {@code java} gives netlib's pure-Java BLAS, never the native binding, and its products are right. */
    @Test
    void forcingJavaGivesThePureJavaBlas() {
        BlasLibrary java = BlasLibrary.load(BlasChoice.JAVA);
        assertEquals(BlasLibrary.Kind.JAVA, java.kind());
        assertInstanceOf(JavaBLAS.class, java.blas());
        assertFalse(java.blas() instanceof NativeBLAS);
        assertFalse(java.isOpenBlas());
        assertTrue(java.summary().startsWith("java "), java.summary());
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{5, 6}, {7, 8}});
        DMatrixRMaj c = new DMatrixRMaj(2, 2);
        new BlasGemm(java, 1).multiply(false, true, 1.0, a, b, 0.0, c);
        assertArrayEqualsExactly(new double[] {17, 23, 39, 53}, c.data);
    }

    /** One native library per JVM: once the bundled one runs, asking for the system one is an error, not a silent swap. */
    @Test
    void aSecondNativeLibraryIsRefused() {
        BlasLibrary.load(BlasChoice.BUNDLED);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BlasLibrary.load(BlasChoice.SYSTEM));
        assertTrue(e.getMessage().contains("bundled"), e.getMessage());
        assertEquals(BlasLibrary.Kind.BUNDLED, BlasLibrary.load(BlasChoice.AUTO).kind());
    }

    @Test
    void settingValuesAreParsedAndBadOnesNamed() {
        assertEquals(BlasChoice.BUNDLED, BlasChoice.parse(" Bundled", "x"));
        assertEquals(BlasChoice.JAVA, BlasChoice.parse("java", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlasChoice.parse("mkl", "environment variable ANNFT_BLAS"));
        assertTrue(e.getMessage().contains("ANNFT_BLAS") && e.getMessage().contains("mkl"), e.getMessage());
    }

    private static void assertArrayEqualsExactly(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 0.0, "element " + i);
        }
    }
}
