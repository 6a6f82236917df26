package org.annft.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * {@code c = a b} on n x n matrices, whose rate at n = 1000 is the gemm limit of {@link CoreLimits}
 * and of the training benchmark. Its float32 twin {@code FloatSquareProduct} is generated from this
 * class at build time.
 */
final class SquareProduct {

    private SquareProduct() {
    }

    /** {@code c = a b} for fixed n x n matrices with values in [0, 1), allocated once. */
    static Runnable of(Gemm gemm, int n) {
        DMatrixRMaj a = filled(n, 1);
        DMatrixRMaj b = filled(n, 2);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        return () -> gemm.multiply(false, false, 1.0, a, b, 0.0, c);
    }

    /** Values {@code k / 1000} with k spread over 0 .. 999 (no zeros in runs, no subnormals). */
    private static DMatrixRMaj filled(int n, int salt) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = ((i * 7919L + salt * 104729L) % 1000) / 1000.0;
        }
        return m;
    }
}
