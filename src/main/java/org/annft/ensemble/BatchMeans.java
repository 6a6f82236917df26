package org.annft.ensemble;

import org.annft.stats.CentralMoments;

/**
 * Standard errors of the excess kurtosis {@code kappa = c4/c2^2 - 3} and of
 * {@code V/n = (c4 - 3 c2^2)/3} of one (layer, input) by batch means over an ensemble's batches
 * (the sub-batches of its chunks, {@link ChunkStatistics#BATCHES_PER_CHUNK} per chunk, so that a
 * small ensemble has enough of them), from each batch's power sums {@code s_p = sum z^p}, p = 1..4. The plug-in delta method needs the sample
 * eighth moment, which a heavy-tailed ensemble (ReLU at small width and large depth) pins down
 * poorly; the scatter of the chunks needs no moment beyond the fourth.
 *
 * <p>Batch c ({@code n_c} samples, {@code N = sum n_c}, C batches) has central moments about the
 * pooled mean, {@code a2_c, a4_c}; the estimates are linearized about the pooled {@code c2, c4}:
 * {@code u_c = (a4_c - c4)/c2^2 - 2 c4 (a2_c - c2)/c2^3} for kappa and
 * {@code u_c = (a4_c - c4 - 6 c2 (a2_c - c2))/3} for V/n, and
 * {@code SE = sqrt(sum n_c u_c^2 / ((C - 1) N))}, for equal batches the standard deviation of the
 * batches' linearized estimates over {@code sqrt(C)}. Since u is the batch mean of a per-sample
 * quantity, this holds for batches of any size of independent samples. (Taking each batch's own
 * kappa instead underestimates the error of heavy tails: a batch's kurtosis is bounded by its size.)
 * With fewer than {@link #MIN_BATCHES} batches the scatter has too few degrees of freedom to stand
 * alone: the larger of it and the delta-method error is reported, and with one the delta-method error.
 */
public final class BatchMeans {

    /** Batches from which the batch-means error is used on its own. */
    public static final int MIN_BATCHES = 10;

    private BatchMeans() {
    }

    /**
     * The two standard errors.
     *
     * @param total   {@code N, S_1, ..., S_8} of the whole ensemble
     * @param batches per batch, in order: {@code n, s_1, ..., s_4} (longer rows are allowed)
     * @return {V/n SE, kappa SE}; the kappa SE is NaN where the pooled variance is 0
     */
    public static double[] standardErrors(double[] total, double[][] batches) {
        double samples = total[0];
        double mean = total[1] / samples;
        double[] pooled = centralMoments(total, mean);
        double c2 = pooled[2];
        double c4 = pooled[4];
        double c6 = pooled[6];
        double c8 = pooled[8];
        double deltaVOverN = Math.sqrt(Math.max(36 * c2 * c2 * (c4 - c2 * c2) - 12 * c2 * (c6 - c2 * c4)
                + (c8 - c4 * c4), 0) / samples) / 3;
        double deltaKurtosis = c2 > 0 ? Math.sqrt(Math.max((c8 - c4 * c4) / Math.pow(c2, 4)
                - 4 * c4 * (c6 - c2 * c4) / Math.pow(c2, 5) + 4 * c4 * c4 * (c4 - c2 * c2) / Math.pow(c2, 6), 0)
                / samples) : Double.NaN;
        double squaresVOverN = 0;
        double squaresKurtosis = 0;
        for (double[] chunk : batches) {
            double[] a = centralMoments(chunk, mean);
            double d2 = a[2] - c2;
            double d4 = a[4] - c4;
            double uVOverN = (d4 - 6 * c2 * d2) / 3;
            squaresVOverN += chunk[0] * uVOverN * uVOverN;
            if (c2 > 0) {
                double uKurtosis = d4 / (c2 * c2) - 2 * c4 * d2 / (c2 * c2 * c2);
                squaresKurtosis += chunk[0] * uKurtosis * uKurtosis;
            }
        }
        int count = batches.length;
        return new double[] {
            combine(squaresVOverN, samples, count, deltaVOverN),
            c2 > 0 ? combine(squaresKurtosis, samples, count, deltaKurtosis) : Double.NaN};
    }

    /** {@code sqrt(sum n_c u_c^2 / ((C - 1) N))}, with the fallbacks for few chunks. */
    static double combine(double weightedSquares, double samples, int batches, double deltaMethod) {
        if (batches < 2) {
            return deltaMethod;
        }
        double batchMeans = Math.sqrt(weightedSquares / ((batches - 1) * samples));
        return batches < MIN_BATCHES ? Math.max(batchMeans, deltaMethod) : batchMeans;
    }

    /**
     * Moments about {@code mean} from power sums {@code {n, s_1, ..., s_P}}: element p is
     * {@code (1/n) sum (z - mean)^p} ({@link CentralMoments#momentAbout}), even p up to P (others 0).
     */
    static double[] centralMoments(double[] sums, double mean) {
        double[] powerSums = java.util.Arrays.copyOfRange(sums, 1, sums.length);
        double[] c = new double[9];
        for (int p = 2; p < sums.length; p += 2) {
            c[p] = CentralMoments.momentAbout(sums[0], powerSums, mean, p);
        }
        return c;
    }
}
