package org.annft.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * A data set in row-major form: {@code inputs} (samples x n0) and {@code targets}
 * (samples x n_out), row i of each belonging to sample i. Both are copied on construction and
 * never exposed for writing, so a {@code Samples} is immutable; it may hold zero rows (no test set).
 */
public final class Samples {

    private final DMatrixRMaj inputs;
    private final DMatrixRMaj targets;

    /**
     * @throws IllegalArgumentException if the row counts differ or a matrix has no columns
     */
    public Samples(DMatrixRMaj inputs, DMatrixRMaj targets) {
        if (inputs.numRows != targets.numRows) {
            throw new IllegalArgumentException("inputs have " + inputs.numRows + " rows, targets " + targets.numRows);
        }
        if (inputs.numCols < 1 || targets.numCols < 1) {
            throw new IllegalArgumentException("samples need at least one input and one target column, got "
                    + inputs.numCols + " and " + targets.numCols);
        }
        this.inputs = inputs.copy();
        this.targets = targets.copy();
    }

    /** A set with no rows. */
    public static Samples empty(int inputWidth, int outputWidth) {
        return new Samples(new DMatrixRMaj(0, inputWidth), new DMatrixRMaj(0, outputWidth));
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

    /** The inputs without a copy, for read-only use inside this package. */
    DMatrixRMaj inputView() {
        return inputs;
    }

    /** The targets without a copy, for read-only use inside this package. */
    DMatrixRMaj targetView() {
        return targets;
    }
}
