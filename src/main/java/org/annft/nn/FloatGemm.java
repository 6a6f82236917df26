package org.annft.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * General matrix product in single precision on row-major EJML matrices:
 * {@code c = alpha op(a) op(b) + beta c}, the float32 counterpart of {@link Gemm} with the same
 * contract (no allocation, {@code c} sized by the caller).
 */
public interface FloatGemm {

    /**
     * {@code c = alpha op(a) op(b) + beta c}; {@code c} must already be {@code m x n}. With
     * {@code beta = 0} the old contents of {@code c} are ignored.
     *
     * @throws IllegalArgumentException if the shapes do not match
     */
    void multiply(boolean transposeA, boolean transposeB, float alpha, FMatrixRMaj a, FMatrixRMaj b,
            float beta, FMatrixRMaj c);

    /** The implementation that runs the products. */
    String implementationName();

    /** netlib's {@code sgemm}: the same BLAS instance as {@link Gemm#blas()}. */
    static FloatGemm blas() {
        return BlasFloatGemm.INSTANCE;
    }

    /** Checks that {@code op(a) op(b)} fits into {@code c} and returns the inner dimension k. */
    static int checkShapes(boolean transposeA, boolean transposeB, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        int m = transposeA ? a.numCols : a.numRows;
        int k = transposeA ? a.numRows : a.numCols;
        int kb = transposeB ? b.numCols : b.numRows;
        int n = transposeB ? b.numRows : b.numCols;
        if (k != kb || c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException("sgemm shapes: op(a) " + m + "x" + k + ", op(b) " + kb + "x" + n
                    + ", c " + c.numRows + "x" + c.numCols);
        }
        return k;
    }
}
