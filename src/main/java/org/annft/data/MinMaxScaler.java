package org.annft.data;

import java.util.Arrays;
import java.util.List;

/**
 * Per-column MinMax scaling fitted on a data set (paper Eq. 40):
 * {@code x' = (x - min) / (max - min)}, mapping the fitted range onto [0, 1]. A column with
 * {@code max == min} maps to 0. Immutable.
 */
public final class MinMaxScaler implements java.io.Serializable {

    private final double[] min;
    private final double[] max;

    private MinMaxScaler(double[] min, double[] max) {
        this.min = min;
        this.max = max;
    }

    /**
     * The scaler of a fitted range, as a saved model records it.
     *
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold a non-finite value
     */
    public static MinMaxScaler of(double[] min, double[] max) {
        if (min.length != max.length || min.length == 0) {
            throw new IllegalArgumentException("MinMax range: " + min.length + " minima and " + max.length + " maxima");
        }
        for (int j = 0; j < min.length; j++) {
            if (!Double.isFinite(min[j]) || !Double.isFinite(max[j]) || min[j] > max[j]) {
                throw new IllegalArgumentException("MinMax range of column " + j + ": [" + min[j] + ", " + max[j] + "]");
            }
        }
        return new MinMaxScaler(min.clone(), max.clone());
    }

    /** Fits the scaler on the given rows (all of the same width, at least one row). */
    public static MinMaxScaler fit(List<double[]> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a MinMax scaler on an empty data set");
        }
        int width = rows.get(0).length;
        double[] min = new double[width];
        double[] max = new double[width];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : rows) {
            if (row.length != width) {
                throw new IllegalArgumentException("rows of different widths: " + width + " and " + row.length);
            }
            for (int j = 0; j < width; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        return new MinMaxScaler(min, max);
    }

    public int width() {
        return min.length;
    }

    /** Whether {@code x} lies outside the fitted range of the column (the network would extrapolate). */
    public boolean outside(int column, double x) {
        return x < min[column] || x > max[column];
    }

    public double min(int column) {
        return min[column];
    }

    public double max(int column) {
        return max[column];
    }

    /** The scaled value of {@code x} in the given column. */
    public double scale(int column, double x) {
        double range = max[column] - min[column];
        return range == 0 ? 0.0 : (x - min[column]) / range;
    }
}
