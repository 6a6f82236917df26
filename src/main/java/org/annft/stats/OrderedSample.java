package org.annft.stats;

import java.util.Arrays;

/**
 * A mergeable sample of doubles whose summary does not depend on the order the values arrived in:
 * the values are kept, and {@link #summary()} sorts them and sums in ascending order,
 * <pre>
 *   mean = (sum_i x_(i)) / n,   std = sqrt( (sum_i (x_(i) - mean)^2) / n )   (population, two-pass)
 * </pre>
 * with {@code x_(1) <= ... <= x_(n)}. Merging partial samples in any grouping therefore gives the
 * same bits, which a sum of partial sums (whose rounding depends on the grouping) does not. Meant for
 * small groups, such as the runs of one configuration. NaN sorts last and makes mean and std NaN.
 */
public final class OrderedSample implements java.io.Serializable {

    private double[] values = new double[8];
    private int size;

    /** Adds one value. */
    public OrderedSample add(double x) {
        if (size == values.length) {
            values = Arrays.copyOf(values, 2 * size);
        }
        values[size++] = x;
        return this;
    }

    /** Adds the other sample's values to this one and returns this. */
    public OrderedSample merge(OrderedSample other) {
        if (size + other.size > values.length) {
            values = Arrays.copyOf(values, Math.max(2 * values.length, size + other.size));
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
        return this;
    }

    public int size() {
        return size;
    }

    /** Count, mean and population standard deviation; mean and std are null for an empty sample. */
    public Summary summary() {
        if (size == 0) {
            return new Summary(0, null, null);
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        double sum = 0;
        for (double x : sorted) {
            sum += x;
        }
        double mean = sum / size;
        double squares = 0;
        for (double x : sorted) {
            squares += (x - mean) * (x - mean);
        }
        return new Summary(size, mean, Math.sqrt(squares / size));
    }

    /**
     * The {@code p}-quantile by linear interpolation between order statistics (numpy's default):
     * with {@code h = (n - 1) p}, {@code x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h))}
     * (0-based order statistics); NaN for an empty sample.
     *
     * @throws IllegalArgumentException if p is outside [0, 1]
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + p);
        }
        if (size == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        double h = (size - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, size - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /**
     * @param count values in the sample
     * @param mean  their mean, null when there are none
     * @param std   their population standard deviation, null when there are none
     */
    public record Summary(long count, Double mean, Double std) implements java.io.Serializable {
    }
}
