package org.annft.train;

import java.util.List;
import java.util.OptionalInt;

/**
 * Outcome of one training. Losses are in the caller's units (MeV for MAE, MeV^2 for MSE when
 * targets are in MeV), RMSDs in the targets' units.
 *
 * @param status            {@link Status#OK} or {@link Status#DIVERGED}
 * @param divergenceEpoch   the epoch whose loss was not finite or above the bound (0: the initial
 *                          network already was); empty if the training did not diverge
 * @param epochsDone        epochs run, including the one that diverged
 * @param initialLoss       loss of the initial network on the training set
 * @param finalLoss         loss of the final network on the training set
 * @param rmsdAll           RMSD over training and test sets together
 * @param rmsdTrain         RMSD over the training set
 * @param rmsdTest          RMSD over the test set; NaN if it is empty
 * @param seconds           wall time of the training, evaluation included
 * @param lossCurve         the training loss at epoch 0 and every {@code logEvery} epochs: for
 *                          epoch e &gt; 0, the sample-weighted mean of the batch losses during epoch e
 * @param parameterChanges  per-layer changes from the initial parameters
 * @param gemm              the matrix-product implementation that ran
 */
public record TrainingResult(Status status, OptionalInt divergenceEpoch, int epochsDone, double initialLoss,
        double finalLoss, double rmsdAll, double rmsdTrain, double rmsdTest, double seconds,
        List<LossPoint> lossCurve, ParameterChanges parameterChanges, String gemm) {

    /** Whether the training ran its course. */
    public enum Status {
        OK, DIVERGED;

        /** {@code ok} or {@code diverged}, as written to result tables. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The training loss at one epoch. */
    public record LossPoint(int epoch, double loss) {
    }

    public TrainingResult {
        lossCurve = List.copyOf(lossCurve);
        if ((status == Status.DIVERGED) != divergenceEpoch.isPresent()) {
            throw new IllegalArgumentException("a divergence epoch is given exactly when the status is diverged");
        }
    }
}
