package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The outcome of a run on constructed diagnostics of every class, at the real data set's baselines
 * for B/A (linear fit 53.774 MeV, constant fit 73.589 MeV), and at each threshold's edge.
 */
class RunOutcomeTest {

    private static final double LINEAR = 53.774;
    private static final double CONSTANT = 73.589;

    private static RunOutcome of(boolean diverged, double rmsd, double deadMax) {
        return RunOutcome.classify(diverged, rmsd, deadMax, LINEAR, CONSTANT);
    }

    @Test
    void everyClassOnConstructedRuns() {
        assertEquals(RunOutcome.CONVERGED, of(false, 2.5, 0.3));
        assertEquals(RunOutcome.PLATEAU, of(false, 16.0, 0.5));
        assertEquals(RunOutcome.LINEAR_FIT, of(false, 50.0, 0.9));
        assertEquals(RunOutcome.DEAD, of(false, 73.6, 0.2), "at the constant fit, whatever the units say");
        assertEquals(RunOutcome.DEAD, of(false, 4.0, 1.0), "a hidden layer all dead");
        assertEquals(RunOutcome.DIVERGED, of(true, 3.0, 0.0));
        assertEquals(RunOutcome.DIVERGED, of(false, Double.NaN, 0.0));
        assertEquals(RunOutcome.DIVERGED, of(false, Double.POSITIVE_INFINITY, 1.0));
    }

    @Test
    void thresholdsAreWhereTheyAreDocumented() {
        assertEquals(RunOutcome.CONVERGED, of(false, 10.0, 0));
        assertEquals(RunOutcome.PLATEAU, of(false, Math.nextUp(10.0), 0));
        assertEquals(RunOutcome.PLATEAU, of(false, Math.nextDown(0.75 * LINEAR), 0));
        assertEquals(RunOutcome.LINEAR_FIT, of(false, 0.75 * LINEAR, 0));
        assertEquals(RunOutcome.LINEAR_FIT, of(false, 0.97 * CONSTANT, 0));
        assertEquals(RunOutcome.DEAD, of(false, 0.98 * CONSTANT, 0));
        assertEquals(RunOutcome.DEAD, of(false, 1.02 * CONSTANT, 0));
        assertEquals(RunOutcome.LINEAR_FIT, of(false, 1.03 * CONSTANT, 0), "worse than constant but not at it");
        assertEquals(RunOutcome.DEAD, of(false, 2.0, 1.0));
        assertEquals(RunOutcome.CONVERGED, of(false, 2.0, Math.nextDown(1.0)));
        assertEquals("linear-fit", RunOutcome.LINEAR_FIT.configName());
    }
}
