package org.annft.train;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.Matrix;

/**
 * Training losses, averaged over all {@code m} entries of a batch (samples times outputs):
 * MAE {@code L = (1/m) sum |f - y|} (the paper's loss, Sec. IV) and MSE
 * {@code L = (1/m) sum (f - y)^2}.
 */
public enum Loss {

    /** Mean absolute error; gradient {@code sign(f - y)/m}, 0 where {@code f = y}. */
    MAE {
        @Override
        double term(double residual) {
            return Math.abs(residual);
        }

        @Override
        double termDerivative(double residual) {
            return Math.signum(residual);
        }

        @Override
        public double toOriginalUnits(double loss, double targetScale) {
            return loss * targetScale;
        }
    },

    /** Mean squared error; gradient {@code 2 (f - y)/m}. */
    MSE {
        @Override
        double term(double residual) {
            return residual * residual;
        }

        @Override
        double termDerivative(double residual) {
            return 2 * residual;
        }

        @Override
        public double toOriginalUnits(double loss, double targetScale) {
            return loss * targetScale * targetScale;
        }
    };

    abstract double term(double residual);

    abstract double termDerivative(double residual);

    /** {@code dl/dr} of one entry's term at residual r (sign r for MAE, 2r for MSE), before the mean over the batch. */
    public double derivative(double residual) {
        return termDerivative(residual);
    }

    /**
     * The unit of this loss on targets in {@code targetUnit}: the unit itself for MAE, its square for
     * MSE ({@code MeV^2}, {@code (MeV per nucleon)^2}).
     */
    public String unit(String targetUnit) {
        if (this == MAE) {
            return targetUnit;
        }
        return (targetUnit.contains(" ") ? "(" + targetUnit + ")" : targetUnit) + "^2";
    }

    /**
     * The loss in the caller's units when targets were divided by {@code targetScale}:
     * MAE scales linearly, MSE quadratically.
     */
    public abstract double toOriginalUnits(double loss, double targetScale);

    /**
     * The mean loss of {@code prediction} against {@code target} (same shape); if {@code gradient}
     * is not null it receives {@code dL/dprediction} (same shape).
     *
     * @throws IllegalArgumentException if the shapes differ or are empty
     */
    public double evaluate(DMatrixRMaj prediction, DMatrixRMaj target, DMatrixRMaj gradient) {
        checkShapes(prediction, target, gradient);
        return LossLoops.evaluate(this, prediction, target, gradient);
    }

    /**
     * The float32 version of {@link #evaluate(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)}: residuals and
     * the gradient in float, their sum in double so that it does not depend on the batch size's
     * rounding.
     *
     * @throws IllegalArgumentException if the shapes differ or are empty
     */
    public double evaluate(FMatrixRMaj prediction, FMatrixRMaj target, FMatrixRMaj gradient) {
        checkShapes(prediction, target, gradient);
        return FloatLossLoops.evaluate(this, prediction, target, gradient);
    }

    /**
     * The number of entries m of a batch, after checking that prediction, target and (if not null)
     * gradient have one shape with at least one entry.
     */
    private static int checkShapes(Matrix prediction, Matrix target, Matrix gradient) {
        boolean same = prediction.getNumRows() == target.getNumRows() && prediction.getNumCols() == target.getNumCols()
                && (gradient == null || (gradient.getNumRows() == prediction.getNumRows()
                        && gradient.getNumCols() == prediction.getNumCols()));
        int m = prediction.getNumRows() * prediction.getNumCols();
        if (!same || m == 0) {
            throw new IllegalArgumentException("loss shapes: prediction " + prediction.getNumRows() + "x"
                    + prediction.getNumCols() + ", target " + target.getNumRows() + "x" + target.getNumCols()
                    + (gradient == null ? "" : ", gradient " + gradient.getNumRows() + "x" + gradient.getNumCols()));
        }
        return m;
    }

    /**
     * Parses {@code mae} or {@code mse} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the unknown loss
     */
    public static Loss parse(String name) {
        return org.annft.ConfigNames.parse(Loss.class, name.toLowerCase(java.util.Locale.ROOT), "loss");
    }

    /** {@code mae} or {@code mse}, as in the config and the {@code runs} table. */
    public String configName() {
        return org.annft.ConfigNames.of(this);
    }
}
