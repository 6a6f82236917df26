package org.annft.nn;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import org.ejml.data.FMatrixRMaj;

/**
 * {@link FloatGemm} through netlib's {@code sgemm} on the EJML arrays themselves, with the operand
 * swap of {@link BlasGemm}: the row-major {@code C = op(A) op(B)} is the column-major
 * {@code C^T = op(B)^T op(A)^T}.
 */
final class BlasFloatGemm implements FloatGemm {

    static final BlasFloatGemm INSTANCE = new BlasFloatGemm(BLAS.getInstance());

    private final BLAS blas;

    private BlasFloatGemm(BLAS blas) {
        this.blas = blas;
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

    @Override
    public String implementationName() {
        return blas.getClass().getName() + (blas instanceof NativeBLAS ? " (native)" : " (java)") + " sgemm";
    }
}
