package org.annft.predict;

import java.util.Locale;

/**
 * How the half-width of a level-p interval, as a multiple f of the ensemble's standard deviation
 * (mean +- f std), is fitted in each distance group of the held-out nuclides (their scores
 * s = |truth - mean| / std):
 * <ul>
 * <li>{@code inflated}: a Gaussian whose standard deviation is the ensemble's inflated by
 *     lambda = sqrt(mean of s^2) (the maximum-likelihood scale), f = z_p lambda with
 *     z_p = Phi^-1((1 + p) / 2);
 * <li>{@code conformal}: split conformal, f = the ceil((m + 1) p)-th smallest of the group's m
 *     scores (infinite when that exceeds m), which covers a new exchangeable nuclide with
 *     probability at least p whatever the distribution of the scores.
 * </ul>
 */
public enum CalibrationMethod {
    INFLATED, CONFORMAL;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code inflated} or {@code conformal}. */
    public static CalibrationMethod parse(String text) {
        for (CalibrationMethod m : values()) {
            if (m.configName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new org.annft.config.BadInputException("unknown calibration method '" + text
                + "'; expected inflated or conformal");
    }

    /** The factor f of level p for one group's scores, sorted ascending. */
    double factor(double[] sortedScores, double level) {
        int m = sortedScores.length;
        if (this == INFLATED) {
            double squares = 0;
            for (double s : sortedScores) {
                squares += s * s;
            }
            double z = org.annft.theory.GaussianInterval.halfWidth(level);
            return z * Math.sqrt(squares / m);
        }
        int k = (int) Math.ceil((m + 1) * level);
        return k > m ? Double.POSITIVE_INFINITY : sortedScores[k - 1];
    }
}
