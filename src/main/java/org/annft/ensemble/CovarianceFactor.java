package org.annft.ensemble;

/**
 * Lower-triangular factor L with {@code L L^T = G} of a k x k covariance matrix (row-major), for
 * drawing correlated Gaussians {@code z = L u}. Positive semi-definite matrices are allowed: a
 * pivot {@code d_j = G_jj - sum_{p<j} L_jp^2} that is not positive up to rounding,
 * {@code d_j <= 1e-13 G_jj}, marks a direction without variance, and its column of L is zero. Each
 * pivot is judged against its own diagonal entry, not the largest one, so that inputs whose
 * variances differ by many decades keep theirs. Reuses its arrays: no allocation per
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
        java.util.Arrays.fill(lower, 0.0);
        for (int j = 0; j < k; j++) {
            double d = g[j * k + j];
            for (int p = 0; p < j; p++) {
                d -= lower[j * k + p] * lower[j * k + p];
            }
            if (d <= 1e-13 * g[j * k + j]) {
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

    /**
     * Replaces the k rows {@code v[a * stride .. a * stride + count)} by L times them:
     * {@code row_a <- sum_{p <= a} L_ap row_p}, i.e. {@code L u} for each column u. Rows are done
     * from the last up, since row a reads rows 0..a, which the rows below it have not overwritten
     * yet; each step is a scaled row added to another, a contiguous loop.
     */
    void applyToRows(double[] v, int stride, int count) {
        for (int a = k - 1; a >= 0; a--) {
            int row = a * stride;
            double diagonal = lower[a * k + a];
            for (int i = row; i < row + count; i++) {
                v[i] *= diagonal;
            }
            for (int p = 0; p < a; p++) {
                double c = lower[a * k + p];
                if (c == 0) {
                    continue;
                }
                int from = p * stride;
                for (int i = 0; i < count; i++) {
                    v[row + i] += c * v[from + i];
                }
            }
        }
    }

    double entry(int row, int column) {
        return lower[row * k + column];
    }
}
