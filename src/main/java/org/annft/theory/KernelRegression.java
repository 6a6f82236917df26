package org.annft.theory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Regression with one of a network's infinite-width kernels: what an infinitely wide network
 * predicts (neural-tangents' {@code predict.gradient_descent_mse_ensemble}, docs/theory.md,
 * "Kernel regression"). With the NTK {@code Theta}, the mean of the ensemble trained by gradient
 * descent on the squared error to convergence; with the kernel K (the NNGP), the Bayesian
 * posterior's mean and variance:
 * <pre>
 *   mean(x)     = k(x, X) [k(X, X) + eps I]^-1 y
 *   variance(x) = k(x, x) - k(x, X) [k(X, X) + eps I]^-1 k(X, x)
 *   eps         = ridge * mean_i k(x_i, x_i)
 * </pre>
 * with X the training inputs and y their targets. The ridge, relative to the kernel's scale, keeps
 * the solve stable where nuclides' inputs nearly coincide; it is the posterior's noise variance in
 * units of the prior's. Cholesky factor {@code L L^T = k(X, X) + eps I}, computed once.
 */
public final class KernelRegression {

    private final int n;
    private final DMatrixRMaj factor;
    private final double[] alpha;
    private final double epsilon;

    private KernelRegression(int n, DMatrixRMaj factor, double[] alpha, double epsilon) {
        this.n = n;
        this.factor = factor;
        this.alpha = alpha;
        this.epsilon = epsilon;
    }

    /**
     * Fits the targets {@code y} at the training inputs.
     *
     * @param trainKernel k(X, X), symmetric n x n (row-major, read only)
     * @param ridge       eps relative to the mean diagonal, at least 0
     * @throws IllegalArgumentException if the sizes disagree or the regularized kernel is not positive definite
     */
    public static KernelRegression fit(double[][] trainKernel, double[] y, double ridge) {
        int n = y.length;
        if (trainKernel.length != n || n == 0) {
            throw new IllegalArgumentException("kernel of " + trainKernel.length + " rows for " + n + " targets");
        }
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and >= 0, got " + ridge);
        }
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += trainKernel[i][i];
        }
        double epsilon = ridge * trace / n;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            if (trainKernel[i].length != n) {
                throw new IllegalArgumentException("kernel row " + i + " has " + trainKernel[i].length + " entries");
            }
            System.arraycopy(trainKernel[i], 0, a.data, i * n, n);
            a.data[i * n + i] += epsilon;
        }
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(n, true);
        if (!cholesky.decompose(a)) {
            throw new IllegalArgumentException("the kernel plus " + epsilon + " I is not positive definite; raise the ridge");
        }
        DMatrixRMaj factor = cholesky.getT(null);
        // alpha = (L L^T)^-1 y: forward, then backward substitution.
        double[] alpha = y.clone();
        TriangularSolver_DDRM.solveL(factor.data, alpha, n);
        TriangularSolver_DDRM.solveTranL(factor.data, alpha, n);
        return new KernelRegression(n, factor, alpha, epsilon);
    }

    /** The regularizer eps added to the diagonal. */
    public double epsilon() {
        return epsilon;
    }

    /** mean(x) for each row {@code k(x, X)} of {@code kernelToTrain}. */
    public double[] mean(double[][] kernelToTrain) {
        double[] out = new double[kernelToTrain.length];
        for (int r = 0; r < out.length; r++) {
            double[] k = requireRow(kernelToTrain[r]);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += k[i] * alpha[i];
            }
            out[r] = s;
        }
        return out;
    }

    /**
     * variance(x) for each row {@code k(x, X)} of {@code kernelToTrain} with {@code k(x, x)} in
     * {@code diagonal}: {@code k(x, x) - |L^-1 k(X, x)|^2}.
     */
    public double[] variance(double[] diagonal, double[][] kernelToTrain) {
        double[] out = new double[kernelToTrain.length];
        double[] v = new double[n];
        for (int r = 0; r < out.length; r++) {
            System.arraycopy(requireRow(kernelToTrain[r]), 0, v, 0, n);
            TriangularSolver_DDRM.solveL(factor.data, v, n);
            double s = 0;
            for (double x : v) {
                s += x * x;
            }
            out[r] = diagonal[r] - s;
        }
        return out;
    }

    /** {@code [k(X, X) + eps I]^-1 b}. */
    public double[] solve(double[] b) {
        double[] x = requireRow(b).clone();
        TriangularSolver_DDRM.solveL(factor.data, x, n);
        TriangularSolver_DDRM.solveTranL(factor.data, x, n);
        return x;
    }

    /**
     * The variance over the infinite ensemble of networks drawn with kernel K and trained to
     * convergence with this fit's NTK (neural-tangents' {@code gradient_descent_mse_ensemble} at
     * {@code t = infinity}): the trained output {@code f(x) = f_0(x) + a^T (y - f_0(X))} with
     * {@code f_0 ~ N(0, K)} has
     * <pre>
     *   Sigma(x) = K(x, x) - 2 a^T K(X, x) + a^T K(X, X) a,   a = [Theta(X, X) + eps I]^-1 Theta(X, x)
     * </pre>
     * which vanishes at a training input as eps goes to 0 (there {@code a} is a unit vector).
     *
     * @param kernelDiagonal K(x, x) per row
     * @param ntkToTrain     rows Theta(x, X)
     * @param kernelToTrain  rows K(x, X)
     * @param trainKernel    K(X, X)
     */
    public double[] ensembleVariance(double[] kernelDiagonal, double[][] ntkToTrain, double[][] kernelToTrain,
                                     double[][] trainKernel) {
        if (trainKernel.length != n) {
            throw new IllegalArgumentException("a training kernel of " + trainKernel.length + " rows for " + n + " inputs");
        }
        double[] out = new double[ntkToTrain.length];
        for (int r = 0; r < out.length; r++) {
            double[] a = solve(ntkToTrain[r]);
            double[] k = requireRow(kernelToTrain[r]);
            double cross = 0;
            double quadratic = 0;
            for (int i = 0; i < n; i++) {
                cross += a[i] * k[i];
                double[] row = requireRow(trainKernel[i]);
                double ka = 0;
                for (int j = 0; j < n; j++) {
                    ka += row[j] * a[j];
                }
                quadratic += a[i] * ka;
            }
            out[r] = kernelDiagonal[r] - 2 * cross + quadratic;
        }
        return out;
    }

    private double[] requireRow(double[] k) {
        if (k.length != n) {
            throw new IllegalArgumentException("a kernel row of " + k.length + " entries for " + n + " training inputs");
        }
        return k;
    }
}
