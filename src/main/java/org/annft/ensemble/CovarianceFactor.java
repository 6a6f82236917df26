package org.annft.ensemble;

/**
 * Lower-triangular factor L with {@code L L^T = G} of a k x k covariance matrix (row-major), for
 * drawing correlated Gaussians {@code z = L u}. Positive semi-definite matrices are allowed: a
 * pivot that is not positive (up to rounding, relative 1e-13 of the largest diagonal entry) marks
 * a direction without variance, and its column of L is zero. Reuses its arrays: no allocation per
 * call.
 */
final class CovarianceFactor {

    private final int k;
    private final double[] lower;

    CovarianceFactor(int k) {
        this.k = k;
        this.lower = new double[k * k];
    }

    /** Factorizes {@code g} (row-major k x k, symmetric) into this factor. */
    void factorize(double[] g) {
        double maxDiagonal = 0;
        for (int a = 0; a < k; a++) {
            maxDiagonal = Math.max(maxDiagonal, g[a * k + a]);
        }
        double tolerance = 1e-13 * maxDiagonal;
        java.util.Arrays.fill(lower, 0.0);
        for (int j = 0; j < k; j++) {
            double d = g[j * k + j];
            for (int p = 0; p < j; p++) {
                d -= lower[j * k + p] * lower[j * k + p];
            }
            if (d <= tolerance) {
                continue;
            }
            double pivot = Math.sqrt(d);
            lower[j * k + j] = pivot;
            for (int i = j + 1; i < k; i++) {
                double s = g[i * k + j];
                for (int p = 0; p < j; p++) {
                    s -= lower[i * k + p] * lower[j * k + p];
                }
                lower[i * k + j] = s / pivot;
            }
        }
    }

    /** Writes {@code L u} into {@code z[offset .. offset + k)}. */
    void apply(double[] u, double[] z, int offset) {
        for (int a = 0; a < k; a++) {
            double s = 0;
            for (int p = 0; p <= a; p++) {
                s += lower[a * k + p] * u[p];
            }
            z[offset + a] = s;
        }
    }

    double entry(int row, int column) {
        return lower[row * k + column];
    }
}
