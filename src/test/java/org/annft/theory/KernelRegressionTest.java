package org.annft.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
