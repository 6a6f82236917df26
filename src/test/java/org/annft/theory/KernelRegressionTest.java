package org.annft.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Kernel regression against Bayesian linear regression, whose posterior is a 2 x 2 computation. */
class KernelRegressionTest {

    /**
     * The kernel k(x, x') = 1 + x x' is the prior w ~ N(0, I) on f(x) = w0 + w1 x. With noise
     * variance eps the posterior of w has covariance S = (I + Phi^T Phi / eps)^-1 and mean
     * S Phi^T y / eps, so mean(x) = phi(x) . m and variance(x) = phi(x)^T S phi(x), phi(x) = (1, x).
     */
    @Test
    void aLinearKernelIsBayesianLinearRegression() {
        double[] x = {-1.0, 0.5, 2.0, 3.0};
        double[] y = {0.7, 2.1, 4.4, 6.9};
        double[][] k = new double[4][4];
        double trace = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                k[i][j] = 1 + x[i] * x[j];
            }
            trace += k[i][i];
        }
        double ridge = 0.05;
        KernelRegression fit = KernelRegression.fit(k, y, ridge);
        double eps = ridge * trace / 4;
        assertEquals(eps, fit.epsilon(), 1e-15);
        // A = I + Phi^T Phi / eps, S = A^-1.
        double a00 = 1 + 4 / eps;
        double a01 = 0;
        double a11 = 1;
        double b0 = 0;
        double b1 = 0;
        for (int i = 0; i < 4; i++) {
            a01 += x[i] / eps;
            a11 += x[i] * x[i] / eps;
            b0 += y[i] / eps;
            b1 += x[i] * y[i] / eps;
        }
        double det = a00 * a11 - a01 * a01;
        double s00 = a11 / det;
        double s01 = -a01 / det;
        double s11 = a00 / det;
        double m0 = s00 * b0 + s01 * b1;
        double m1 = s01 * b0 + s11 * b1;
        double[] at = {-2.0, 1.0, 4.5};
        double[][] toTrain = new double[3][4];
        double[] diagonal = new double[3];
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 4; i++) {
                toTrain[r][i] = 1 + at[r] * x[i];
            }
            diagonal[r] = 1 + at[r] * at[r];
        }
        double[] mean = fit.mean(toTrain);
        double[] variance = fit.variance(diagonal, toTrain);
        for (int r = 0; r < 3; r++) {
            assertEquals(m0 + m1 * at[r], mean[r], 1e-12);
            assertEquals(s00 + 2 * s01 * at[r] + s11 * at[r] * at[r], variance[r], 1e-12);
        }
    }

    /** Without a ridge, a full-rank kernel interpolates its training targets; a kernel that is not positive definite is refused. */
    @Test
    void withoutARidgeTheTrainingTargetsAreInterpolated() {
        double[] x = {0.0, 0.3, 0.9, 1.7};
        double[] y = {1.0, -2.0, 0.5, 3.0};
        double[][] k = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                k[i][j] = Math.exp(-(x[i] - x[j]) * (x[i] - x[j]));
            }
        }
        double[] mean = KernelRegression.fit(k, y, 0).mean(k);
        for (int i = 0; i < 4; i++) {
            assertEquals(y[i], mean[i], 1e-9);
        }
        double[][] singular = {{1, 1}, {1, 1}};
        assertThrows(IllegalArgumentException.class, () -> KernelRegression.fit(singular, new double[] {1, 2}, 0));
    }

    /**
     * The infinite ensemble's spread, against the formula with explicit inverses:
     * {@code K(x,x) - 2 Theta(x,X) T^-1 K(X,x) + Theta(x,X) T^-1 K(X,X) T^-1 Theta(X,x)}, T = Theta(X,X) + eps I;
     * without a ridge it and the posterior variance vanish on the training inputs.
     */
    @Test
    void theEnsembleSpreadMatchesExplicitInversesAndVanishesOnTrainingInputs() {
        double[] x = {-1.2, -0.3, 0.4, 1.0, 1.9};
        double[] at = {-0.8, 0.1, 2.5, 0.4};
        java.util.function.DoubleBinaryOperator kernel = (a, b) -> Math.exp(-0.5 * (a - b) * (a - b)) + 0.1 * a * b;
        java.util.function.DoubleBinaryOperator ntk = (a, b) -> 0.3 + Math.exp(-(a - b) * (a - b)) + 0.2 * a * b;
        double[] y = {0.1, 0.5, -0.3, 0.8, 0.2};
        for (double ridge : new double[] {0.01, 0}) {
            KernelRegression fit = KernelRegression.fit(matrix(ntk, x, x), y, ridge);
            double[] diagonal = new double[at.length];
            for (int r = 0; r < at.length; r++) {
                diagonal[r] = kernel.applyAsDouble(at[r], at[r]);
            }
            double[] spread = fit.ensembleVariance(diagonal, matrix(ntk, at, x), matrix(kernel, at, x), matrix(kernel, x, x));
            org.ejml.data.DMatrixRMaj t = new org.ejml.data.DMatrixRMaj(matrix(ntk, x, x));
            for (int i = 0; i < x.length; i++) {
                t.add(i, i, fit.epsilon());
            }
            org.ejml.dense.row.CommonOps_DDRM.invert(t);
            org.ejml.data.DMatrixRMaj kxx = new org.ejml.data.DMatrixRMaj(matrix(kernel, x, x));
            for (int r = 0; r < at.length; r++) {
                org.ejml.data.DMatrixRMaj theta = new org.ejml.data.DMatrixRMaj(x.length, 1);
                org.ejml.data.DMatrixRMaj k = new org.ejml.data.DMatrixRMaj(x.length, 1);
                for (int i = 0; i < x.length; i++) {
                    theta.set(i, 0, ntk.applyAsDouble(x[i], at[r]));
                    k.set(i, 0, kernel.applyAsDouble(x[i], at[r]));
                }
                org.ejml.data.DMatrixRMaj a = new org.ejml.data.DMatrixRMaj(x.length, 1);
                org.ejml.dense.row.CommonOps_DDRM.mult(t, theta, a);
                org.ejml.data.DMatrixRMaj ka = new org.ejml.data.DMatrixRMaj(x.length, 1);
                org.ejml.dense.row.CommonOps_DDRM.mult(kxx, a, ka);
                double expected = diagonal[r] - 2 * org.ejml.dense.row.CommonOps_DDRM.dot(a, k)
                        + org.ejml.dense.row.CommonOps_DDRM.dot(a, ka);
                assertEquals(expected, spread[r], 1e-9, "ridge " + ridge + ", x = " + at[r]);
            }
            if (ridge == 0) {
                // at[3] = x[2], a training input: a is a unit vector, and both variances are 0.
                assertEquals(0, spread[3], 1e-9);
                KernelRegression posterior = KernelRegression.fit(matrix(kernel, x, x), y, 0);
                double[] variance = posterior.variance(diagonal, matrix(kernel, at, x));
                assertEquals(0, variance[3], 1e-9);
                assertTrue(variance[2] > 0.1, "away from the data: " + variance[2]);
            }
        }
    }

    private static double[][] matrix(java.util.function.DoubleBinaryOperator k, double[] rows, double[] columns) {
        double[][] m = new double[rows.length][columns.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                m[r][c] = k.applyAsDouble(rows[r], columns[c]);
            }
        }
        return m;
    }
}
