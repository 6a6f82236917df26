package org.annft.train;

import org.ejml.data.DMatrixRMaj;

/**
 * A data set in row-major form: {@code inputs} (samples x n0), {@code targets} (samples x n_out)
 * and one {@code reportScale} per sample, row i of each belonging to sample i. The trainer fits the
 * targets; RMSDs and predictions are reported as {@code reportScale_i} times the target's units (a
 * network trained on B/A reports B with the scale A). All are copied on construction and never
 * exposed for writing, so a {@code Samples} is immutable; it may hold zero rows (no test set).
 */
public final class Samples {

    private final DMatrixRMaj inputs;
    private final DMatrixRMaj targets;
    private final double[] reportScales;

    /** Samples reported in the targets' own units (every report scale 1). */
    public Samples(DMatrixRMaj inputs, DMatrixRMaj targets) {
        this(inputs, targets, ones(inputs.numRows));
    }

    /**
     * @throws IllegalArgumentException if the row counts differ, a matrix has no columns or a report
     *     scale is not finite and positive
     */
    public Samples(DMatrixRMaj inputs, DMatrixRMaj targets, double[] reportScales) {
        if (inputs.numRows != targets.numRows || reportScales.length != inputs.numRows) {
            throw new IllegalArgumentException("inputs have " + inputs.numRows + " rows, targets " + targets.numRows
                    + ", report scales " + reportScales.length);
        }
        if (inputs.numCols < 1 || targets.numCols < 1) {
            throw new IllegalArgumentException("samples need at least one input and one target column, got "
                    + inputs.numCols + " and " + targets.numCols);
        }
        for (double s : reportScales) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("report scales must be finite and > 0, got " + s);
            }
        }
        this.inputs = inputs.copy();
        this.targets = targets.copy();
        this.reportScales = reportScales.clone();
    }

    private static double[] ones(int size) {
        double[] out = new double[size];
        java.util.Arrays.fill(out, 1.0);
        return out;
    }

    /** A set with no rows. */
    public static Samples empty(int inputWidth, int outputWidth) {
        return new Samples(new DMatrixRMaj(0, inputWidth), new DMatrixRMaj(0, outputWidth));
    }

    /**
     * A bootstrap resample: {@link #size()} rows drawn uniformly with replacement by {@code random}
     * (Efron's bootstrap), each row with its target and report scale.
     */
    public Samples resample(org.apache.commons.rng.UniformRandomProvider random) {
        int n = size();
        DMatrixRMaj in = new DMatrixRMaj(n, inputs.numCols);
        DMatrixRMaj out = new DMatrixRMaj(n, targets.numCols);
        double[] scales = new double[n];
        for (int row = 0; row < n; row++) {
            int from = random.nextInt(n);
            System.arraycopy(inputs.data, from * inputs.numCols, in.data, row * inputs.numCols, inputs.numCols);
            System.arraycopy(targets.data, from * targets.numCols, out.data, row * targets.numCols, targets.numCols);
            scales[row] = reportScales[from];
        }
        return new Samples(in, out, scales);
    }

    public int size() {
        return inputs.numRows;
    }

    public int inputWidth() {
        return inputs.numCols;
    }

    public int outputWidth() {
        return targets.numCols;
    }

    /** A copy of the inputs. */
    public DMatrixRMaj inputs() {
        return inputs.copy();
    }

    /** A copy of the targets. */
    public DMatrixRMaj targets() {
        return targets.copy();
    }

    /** Input i, column j. */
    public double input(int i, int j) {
        return inputs.get(i, j);
    }

    /** Target i, column j. */
    public double target(int i, int j) {
        return targets.get(i, j);
    }

    /** The factor from sample i's target units to its reported units. */
    public double reportScale(int i) {
        return reportScales[i];
    }

    /** The inputs without a copy, for read-only use inside this package. */
    DMatrixRMaj inputView() {
        return inputs;
    }

    /** The targets without a copy, for read-only use inside this package. */
    DMatrixRMaj targetView() {
        return targets;
    }
}
