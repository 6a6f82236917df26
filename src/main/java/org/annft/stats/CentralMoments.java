package org.annft.stats;

/**
 * Count, mean and central moment sums {@code M_p = sum_i (x_i - mean)^p} (p = 2 .. order) of a
 * sample, updated one value at a time and merged pairwise without ever forming raw power sums, so
 * they stay accurate when the mean is large against the spread (an NTK of mean 10 and relative
 * spread 1e-3). Mergeable as Commons Math's {@code FourthMoment}, to any order.
 *
 * <p>Merge of A and B ({@code n = n_A + n_B}, {@code delta = mean_B - mean_A}; Pebay, Sandia report
 * SAND2008-6212, Eq. 3.1):
 * <pre>
 * mean = mean_A + delta n_B / n
 * M_p  = M_p,A + M_p,B + sum_{k=1}^{p-2} C(p,k) delta^k [(-n_B/n)^k M_{p-k,A} + (n_A/n)^k M_{p-k,B}]
 *        + (n_A n_B delta / n)^p [1 / n_B^(p-1) - (-1 / n_A)^(p-1)]
 * </pre>
 * Adding one value x is the merge with {@code n_B = 1, mean_B = x, M_B = 0} (Welford's update for p = 2).
 * The result depends on the order of updates and merges, so callers that need the same bits
 * whatever the partitioning fold in a fixed order.
 *
 * <p>Where the mean is zero by symmetry (an ensemble's preactivations), raw power sums lose nothing
 * to cancellation and cost one multiply-add per power in the sampler's inner loop: they enter
 * through {@link #momentAbout}, the one conversion of power sums to moments.
 */
public final class CentralMoments implements java.io.Serializable {

    private final int order;
    private long count;
    private double mean;
    /** sums[p] = M_p for p = 2 .. order; 0 and 1 unused. */
    private final double[] sums;

    /**
     * An empty sample.
     *
     * @param order highest central moment kept, at least 2
     */
    public CentralMoments(int order) {
        if (order < 2) {
            throw new IllegalArgumentException("order must be at least 2, got " + order);
        }
        this.order = order;
        this.sums = new double[order + 1];
    }

    /** Adds one value. */
    public void add(double x) {
        long n = count + 1;
        double delta = x - mean;
        double nA = count;
        // From the highest order down: each M_p needs the old lower-order sums.
        for (int p = order; p >= 2; p--) {
            double s = sums[p];
            double binomial = 1;
            double deltaK = 1;
            double factor = 1;
            for (int k = 1; k <= p - 2; k++) {
                binomial = binomial * (p - k + 1) / k;
                deltaK *= delta;
                factor *= -1.0 / n;
                s += binomial * deltaK * factor * sums[p - k];
            }
            double scaled = nA * delta / n;
            s += Math.pow(scaled, p) * (1 - (count == 0 ? 0 : Math.pow(-1.0 / nA, p - 1)));
            sums[p] = s;
        }
        mean += delta / n;
        count = n;
    }

    /**
     * Adds the sample {@code other} (of the same order) to this one and returns this.
     *
     * @throws IllegalArgumentException if the orders differ
     */
    public CentralMoments merge(CentralMoments other) {
        if (other.order != order) {
            throw new IllegalArgumentException("orders differ: " + order + " and " + other.order);
        }
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            count = other.count;
            mean = other.mean;
            System.arraycopy(other.sums, 0, sums, 0, sums.length);
            return this;
        }
        double nA = count;
        double nB = other.count;
        double n = nA + nB;
        double delta = other.mean - mean;
        double[] merged = new double[order + 1];
        for (int p = 2; p <= order; p++) {
            double s = sums[p] + other.sums[p];
            double binomial = 1;
            for (int k = 1; k <= p - 2; k++) {
                binomial = binomial * (p - k + 1) / k;
                s += binomial * Math.pow(delta, k)
                        * (Math.pow(-nB / n, k) * sums[p - k] + Math.pow(nA / n, k) * other.sums[p - k]);
            }
            s += Math.pow(nA * nB * delta / n, p) * (1 / Math.pow(nB, p - 1) - Math.pow(-1 / nA, p - 1));
            merged[p] = s;
        }
        System.arraycopy(merged, 2, sums, 2, order - 1);
        mean += delta * nB / n;
        count += other.count;
        return this;
    }

    /**
     * The moment about {@code center} of n values with power sums {@code S_j} ({@code powerSums[j - 1]}):
     * {@code (1/n) sum (x - center)^p = sum_{j=0}^{p} C(p,j) (S_j / n) (-center)^(p-j)}, {@code S_0 = n},
     * summed from j = 0 up.
     */
    public static double momentAbout(double n, double[] powerSums, double center, int p) {
        double c = 0;
        double binomial = 1;
        for (int j = 0; j <= p; j++) {
            if (j > 0) {
                binomial = binomial * (p - j + 1) / j;
            }
            double raw = j == 0 ? 1 : powerSums[j - 1] / n;
            c += binomial * raw * Math.pow(-center, p - j);
        }
        return c;
    }

    public long count() {
        return count;
    }

    public double mean() {
        return mean;
    }

    /** The population central moment {@code M_p / n}, p = 2 .. order; NaN for an empty sample. */
    public double centralMoment(int p) {
        if (p < 2 || p > order) {
            throw new IllegalArgumentException("central moment " + p + " outside 2 .. " + order);
        }
        return count == 0 ? Double.NaN : sums[p] / count;
    }

    /** The population variance {@code M_2 / n}. */
    public double variance() {
        return centralMoment(2);
    }

    /** Standard error of the mean, {@code sqrt(var / n)}. */
    public double meanStandardError() {
        return Math.sqrt(variance() / count);
    }

    /**
     * Standard error of the variance by the delta method, {@code sqrt((m4 - m2^2) / n)} (needs order
     * at least 4).
     */
    public double varianceStandardError() {
        double m2 = variance();
        return Math.sqrt(Math.max(centralMoment(4) - m2 * m2, 0) / count);
    }
}
