package org.annft.train;

/**
 * What became of a training, from the diagnostics its {@code runs} row already has, so that a failed
 * network does not look like a finished one. In order of precedence:
 * <ul>
 *   <li>{@code diverged}: the training diverged, or its RMSD is not a number;</li>
 *   <li>{@code dead}: the output no longer depends on the input: a hidden layer has every unit dead on
 *       the training nuclides ({@code dead_unit_fraction_max = 1}), or the RMSD is within
 *       {@value #DEAD_TOLERANCE} (relative) of the best constant fit's ({@code constant_fit_rmsd_mev});</li>
 *   <li>{@code linear-fit}: no better than the best linear function of the inputs: RMSD at least
 *       {@value #LINEAR_FRACTION} of {@code linear_fit_rmsd_mev};</li>
 *   <li>{@code plateau}: above {@value #CONVERGED_MEV} MeV, where the paper's smooth-fit plateau
 *       (about 16 MeV) lies;</li>
 *   <li>{@code converged}: RMSD at most {@value #CONVERGED_MEV} MeV.</li>
 * </ul>
 */
public enum RunOutcome {
    CONVERGED, PLATEAU, LINEAR_FIT, DEAD, DIVERGED;

    /** Relative distance to the constant fit's RMSD within which a network counts as dead. */
    public static final double DEAD_TOLERANCE = 0.02;
    /** Fraction of the linear fit's RMSD from which a network is no better than it. */
    public static final double LINEAR_FRACTION = 0.75;
    /** RMSD (MeV) up to which a training has converged. */
    public static final double CONVERGED_MEV = 10.0;

    /**
     * @param diverged          whether the training diverged
     * @param rmsdMev           the RMSD over all nuclides
     * @param deadFractionMax   the largest fraction of dead units in a hidden layer
     * @param linearRmsdMev     the RMSD of the best linear fit of the same target
     * @param constantRmsdMev   the RMSD of the best constant fit (the median) of the same target
     */
    public static RunOutcome classify(boolean diverged, double rmsdMev, double deadFractionMax, double linearRmsdMev,
            double constantRmsdMev) {
        if (diverged || !Double.isFinite(rmsdMev)) {
            return DIVERGED;
        }
        if (deadFractionMax >= 1 || Math.abs(rmsdMev - constantRmsdMev) <= DEAD_TOLERANCE * constantRmsdMev) {
            return DEAD;
        }
        if (rmsdMev >= LINEAR_FRACTION * linearRmsdMev) {
            return LINEAR_FIT;
        }
        return rmsdMev > CONVERGED_MEV ? PLATEAU : CONVERGED;
    }

    /** {@code converged}, {@code plateau}, {@code linear-fit}, {@code dead} or {@code diverged}. */
    public String configName() {
        return org.annft.ConfigNames.of(this);
    }
}
