package org.annft.linalg;

import dev.ludovic.netlib.blas.BLAS;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link Gemm} through netlib's {@code dgemm} on the EJML arrays themselves (no copies).
 *
 * <p>BLAS is column-major; a row-major {@code r x c} array is the column-major {@code c x r}
 * matrix, its transpose. So the row-major product {@code C = op(A) op(B)} is computed as the
 * column-major product {@code C^T = op(B)^T op(A)^T}: swap the operands, keep the transpose flags,
 * and use each row-major matrix's column count as its leading dimension.
 *
 * <p>The library is this JVM's {@link BlasLibrary} (bundled OpenBLAS, system BLAS or pure Java, as
 * the setting {@code annft.blas} says), one thread per call.
 */
final class BlasGemm implements Gemm {

    static final BlasGemm INSTANCE = new BlasGemm(BlasLibrary.current());

    private final BlasLibrary library;
    private final BLAS blas;

    BlasGemm(BlasLibrary library) {
        this.library = library;
        this.blas = library.blas();
    }

    @Override
    public void multiply(boolean transposeA, boolean transposeB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
            double beta, DMatrixRMaj c) {
        int k = Gemm.checkShapes(transposeA, transposeB, a, b, c);
        int m = c.numRows;
        int n = c.numCols;
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            // BLAS would leave c untouched for beta = 0 only in some implementations; be explicit.
            scale(beta, c);
            return;
        }
        blas.dgemm(transposeB ? "T" : "N", transposeA ? "T" : "N", n, m, k,
                alpha, b.data, 0, Math.max(1, b.numCols), a.data, 0, Math.max(1, a.numCols),
                beta, c.data, 0, Math.max(1, n));
    }

    private static void scale(double beta, DMatrixRMaj c) {
        int size = c.getNumElements();
        for (int i = 0; i < size; i++) {
            c.data[i] = beta == 0 ? 0.0 : beta * c.data[i];
        }
    }

    /** {@link BlasLibrary#summary()}, e.g. {@code bundled OpenBLAS 0.3.31 Haswell}. */
    @Override
    public String implementationName() {
        return library.summary();
    }

    BlasLibrary library() {
        return library;
    }
}
