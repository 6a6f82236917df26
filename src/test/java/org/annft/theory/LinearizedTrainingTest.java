package org.annft.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The infinitely wide network trained in function space, against the closed forms of gradient
 * descent on the squared error: full-batch steps multiply the residual by {@code I - (2 lambda / n) Theta}.
 */
class LinearizedTrainingTest {

    private static final double[] X = {-1.0, -0.4, 0.3, 0.8, 1.5};
    private static final double[] Y = {0.5, -0.2, 0.9, 1.4, 0.1};

    /** A Gaussian kernel (positive definite) as the bias part, a linear-plus-constant one as the weight part. */
    private static double biasKernel(double a, double b) {
        return Math.exp(-(a - b) * (a - b));
    }

    private static double weightKernel(double a, double b) {
        return 0.5 + a * b;
    }

    private static double[] rowMajor(java.util.function.DoubleBinaryOperator k, double[] rows, double[] columns) {
        double[] m = new double[rows.length * columns.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                m[r * columns.length + c] = k.applyAsDouble(rows[r], columns[c]);
            }
        }
        return m;
    }

    private static double[][] rows(java.util.function.DoubleBinaryOperator k, double[] rows, double[] columns) {
        double[][] m = new double[rows.length][columns.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                m[r][c] = k.applyAsDouble(rows[r], columns[c]);
            }
        }
        return m;
    }

    private static LinearizedTraining.Result train(List<LinearizedTraining.Phase> phases, int batch) {
        return LinearizedTraining.train(rowMajor(LinearizedTrainingTest::biasKernel, X, X),
                rowMajor(LinearizedTrainingTest::weightKernel, X, X), Y, phases, batch, r -> 2 * r,
                RandomSource.XO_SHI_RO_256_PP.create(1L));
    }

    /**
     * Full batch, squared error, two phases: after t_1 epochs at rates (b_1, w_1) and t_2 at (b_2, w_2)
     * the residual is {@code (I - c_2 Theta_2)^t_2 (I - c_1 Theta_1)^t_1 (-y)}, c = 2/n, Theta_p =
     * b_p Theta_b + w_p Theta_W, computed here by repeated matrix products.
     */
    @Test
    void fullBatchSquaredErrorFollowsTheMatrixPowers() {
        List<LinearizedTraining.Phase> phases = List.of(new LinearizedTraining.Phase(7, 0.3, 0.2),
                new LinearizedTraining.Phase(5, 0.05, 0.6));
        LinearizedTraining.Result result = train(phases, X.length);
        assertFalse(result.diverged());
        int n = X.length;
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = -Y[i];
        }
        for (int p = 0; p < phases.size(); p++) {
            LinearizedTraining.Phase phase = phases.get(p);
            for (int t = 0; t < phase.epochs(); t++) {
                double[] next = residual.clone();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double theta = phase.lambdaB() * biasKernel(X[i], X[j]) + phase.lambdaW() * weightKernel(X[i], X[j]);
                        next[i] -= 2.0 / n * theta * residual[j];
                    }
                }
                residual = next;
            }
            for (int i = 0; i < n; i++) {
                assertEquals(Y[i] + residual[i], result.afterPhase()[p][i], 1e-12, "phase " + p + ", input " + i);
            }
        }
        // The coefficients reproduce the training outputs.
        double[] outputs = result.outputs(rows(LinearizedTrainingTest::biasKernel, X, X),
                rows(LinearizedTrainingTest::weightKernel, X, X));
        for (int i = 0; i < n; i++) {
            assertEquals(result.afterPhase()[1][i], outputs[i], 1e-12);
        }
    }

    /**
     * Trained long enough with any batch size, the squared error converges to kernel regression
     * {@code Theta(x, X) Theta(X, X)^-1 y} at new inputs (the NTK's minimum-norm interpolant).
     */
    @Test
    void longTrainingConvergesToKernelRegression() {
        double b = 0.2;
        double w = 0.1;
        LinearizedTraining.Result result = train(List.of(new LinearizedTraining.Phase(100000, b, w)), 2);
        double[] at = {-0.7, 0.0, 1.1, 2.0};
        java.util.function.DoubleBinaryOperator ntk = (p, q) -> b * biasKernel(p, q) + w * weightKernel(p, q);
        double[] expected = KernelRegression.fit(rows(ntk, X, X), Y, 0).mean(rows(ntk, at, X));
        double[] trained = result.outputs(rows(LinearizedTrainingTest::biasKernel, at, X),
                rows(LinearizedTrainingTest::weightKernel, at, X));
        for (int r = 0; r < at.length; r++) {
            assertEquals(expected[r], trained[r], 1e-6, "x = " + at[r]);
        }
    }

    /** A rate beyond the stability limit 2 / (c lambda_max) blows up: recorded as diverged, NaN coefficients. */
    @Test
    void anUnstableRateIsRecordedAsDiverged() {
        LinearizedTraining.Result result = train(List.of(new LinearizedTraining.Phase(2000, 50, 50)), X.length);
        assertTrue(result.diverged());
        assertTrue(Double.isNaN(result.biasCoefficients()[0]));
        assertTrue(Double.isNaN(result.afterPhase()[0][0]));
    }
}
