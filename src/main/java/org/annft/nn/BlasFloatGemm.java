package org.annft.nn;

import dev.ludovic.netlib.blas.BLAS;
import org.ejml.data.FMatrixRMaj;

/**
 * {@link FloatGemm} through netlib's {@code sgemm} on the EJML arrays themselves, with the operand
 * swap of {@link BlasGemm}: the row-major {@code C = op(A) op(B)} is the column-major
 * {@code C^T = op(B)^T op(A)^T}. The library is the one {@link BlasGemm} uses, this JVM's
 * {@link BlasLibrary} ({@code annft.blas}, {@code ANNFT_BLAS}).
 */
final class BlasFloatGemm implements FloatGemm {

    static final BlasFloatGemm INSTANCE = new BlasFloatGemm(BlasLibrary.current());

    private final BlasLibrary library;
    private final BLAS blas;

    private BlasFloatGemm(BlasLibrary library) {
        this.library = library;
        this.blas = library.blas();
    }

    @Override
    public void multiply(boolean transposeA, boolean transposeB, float alpha, FMatrixRMaj a, FMatrixRMaj b,
            float beta, FMatrixRMaj c) {
        int k = FloatGemm.checkShapes(transposeA, transposeB, a, b, c);
        int m = c.numRows;
        int n = c.numCols;
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            int size = c.getNumElements();
            for (int i = 0; i < size; i++) {
                c.data[i] = beta == 0 ? 0f : beta * c.data[i];
            }
            return;
        }
        blas.sgemm(transposeB ? "T" : "N", transposeA ? "T" : "N", n, m, k,
                alpha, b.data, 0, Math.max(1, b.numCols), a.data, 0, Math.max(1, a.numCols),
                beta, c.data, 0, Math.max(1, n));
    }

    /** {@link BlasLibrary#summary()}, as for float64 (runs.precision tells the two apart). */
    @Override
    public String implementationName() {
        return library.summary();
    }
}
