package org.annft.predict;

/**
 * An ensemble's prediction of a nuclide it was not trained on, with the known value: what a
 * calibration is fitted on and checked against.
 *
 * @param distance d from the training nuclides ({@link org.annft.data.TrainingRegion})
 * @param mean     the ensemble's mean prediction (MeV)
 * @param std      the ensemble's population standard deviation (MeV)
 * @param truth    the measured (or, for a check, the estimated) binding energy (MeV)
 */
public record HeldOutPrediction(int distance, double mean, double std, double truth) implements java.io.Serializable {

    /** truth - mean. */
    public double residual() {
        return truth - mean;
    }

    /** The nonconformity score |truth - mean| / std: the residual in units of the ensemble's spread. */
    public double score() {
        double r = Math.abs(residual());
        return r == 0 ? 0 : std > 0 ? r / std : Double.POSITIVE_INFINITY;
    }
}
