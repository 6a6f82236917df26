package org.annft.nn;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link Gemm} through netlib's {@code dgemm} on the EJML arrays themselves (no copies).
 *
 * <p>BLAS is column-major; a row-major {@code r x c} array is the column-major {@code c x r}
 * matrix, its transpose. So the row-major product {@code C = op(A) op(B)} is computed as the
 * column-major product {@code C^T = op(B)^T op(A)^T}: swap the operands, keep the transpose flags,
 * and use each row-major matrix's column count as its leading dimension.
 *
 * <p>The native library's own threading (OpenBLAS) follows {@code OPENBLAS_NUM_THREADS}; the launch
 * scripts set it to 1 so that each training uses exactly one thread.
 */
final class BlasGemm implements Gemm {

    static final BlasGemm INSTANCE = new BlasGemm(BLAS.getInstance());

    private final BLAS blas;

    private BlasGemm(BLAS blas) {
        this.blas = blas;
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

    @Override
    public String implementationName() {
        return blas.getClass().getName() + (blas instanceof NativeBLAS ? " (native)" : " (java)");
    }

    /** True if the netlib instance is the JNI binding to a native BLAS. */
    boolean isNative() {
        return blas instanceof NativeBLAS;
    }
}
