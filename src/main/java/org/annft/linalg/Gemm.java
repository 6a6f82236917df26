package org.annft.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * General matrix product on row-major EJML matrices:
 * {@code c = alpha op(a) op(b) + beta c}, with {@code op(x)} either {@code x} or {@code x^T}.
 *
 * <p>Every matrix product of the forward and backward passes goes through this interface, so the
 * implementation (native BLAS, pure-Java BLAS, EJML) is one choice per training. {@code FloatGemm},
 * its float32 twin on {@code sgemm}, is generated from this interface at build time. Implementations
 * never allocate and never resize {@code c}: the caller sizes it ({@code m x n}).
 */
public interface Gemm {

    /**
     * {@code c = alpha op(a) op(b) + beta c}; {@code c} must already be {@code m x n}, with
     * {@code op(a)} {@code m x k} and {@code op(b)} {@code k x n}. With {@code beta = 0} the old
     * contents of {@code c} are ignored (NaN included).
     *
     * @throws IllegalArgumentException if the shapes do not match
     */
    void multiply(boolean transposeA, boolean transposeB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
            double beta, DMatrixRMaj c);

    /** The implementation that runs the products, e.g. {@code bundled OpenBLAS 0.3.31 Haswell}. */
    String implementationName();

    /** netlib's BLAS on this JVM's {@link BlasLibrary}: bundled OpenBLAS, system BLAS or pure Java. */
    static Gemm blas() {
        return BlasGemm.INSTANCE;
    }

    /**
     * {@link #blas()} with large products split over {@code threads} threads, bit for bit the same
     * results (see {@code BlasGemm}); for one training at a time.
     */
    static Gemm blas(int threads) {
        return threads == 1 ? BlasGemm.INSTANCE : new BlasGemm(BlasLibrary.current(), threads);
    }

    // begin float64 only
    /** EJML's own {@code CommonOps_DDRM} products: the baseline the benchmark compares against. */
    static Gemm ejml() {
        return EjmlGemm.INSTANCE;
    }
    // end float64 only

    /**
     * Checks that {@code op(a) op(b)} fits into {@code c} and returns the inner dimension k.
     *
     * @throws IllegalArgumentException naming the mismatching shapes
     */
    static int checkShapes(boolean transposeA, boolean transposeB, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int m = transposeA ? a.numCols : a.numRows;
        int k = transposeA ? a.numRows : a.numCols;
        int kb = transposeB ? b.numCols : b.numRows;
        int n = transposeB ? b.numRows : b.numCols;
        if (k != kb || c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException("gemm shapes: op(a) " + m + "x" + k + ", op(b) " + kb + "x" + n
                    + ", c " + c.numRows + "x" + c.numCols);
        }
        return k;
    }
}
