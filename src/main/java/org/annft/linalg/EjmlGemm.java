package org.annft.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** {@link Gemm} through EJML's single-threaded {@code CommonOps_DDRM} products. */
final class EjmlGemm implements Gemm {

    static final EjmlGemm INSTANCE = new EjmlGemm();

    private EjmlGemm() {
    }

    @Override
    public void multiply(boolean transposeA, boolean transposeB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
            double beta, DMatrixRMaj c) {
        Gemm.checkShapes(transposeA, transposeB, a, b, c);
        if (beta == 0) {
            if (transposeA && transposeB) {
                CommonOps_DDRM.multTransAB(alpha, a, b, c);
            } else if (transposeA) {
                CommonOps_DDRM.multTransA(alpha, a, b, c);
            } else if (transposeB) {
                CommonOps_DDRM.multTransB(alpha, a, b, c);
            } else {
                CommonOps_DDRM.mult(alpha, a, b, c);
            }
            return;
        }
        if (beta != 1) {
            CommonOps_DDRM.scale(beta, c);
        }
        if (transposeA && transposeB) {
            CommonOps_DDRM.multAddTransAB(alpha, a, b, c);
        } else if (transposeA) {
            CommonOps_DDRM.multAddTransA(alpha, a, b, c);
        } else if (transposeB) {
            CommonOps_DDRM.multAddTransB(alpha, a, b, c);
        } else {
            CommonOps_DDRM.multAdd(alpha, a, b, c);
        }
    }

    @Override
    public String implementationName() {
        return "org.ejml.dense.row.CommonOps_DDRM";
    }
}
