package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan's wall time: the sweep's schedule (runs in decreasing cost, each to the core that frees first). */
class SweepPlanTest {

    private static SweepPlan plan(double... runSeconds) {
        return new SweepPlan(runSeconds.length, 1, runSeconds, Map.of(), 1);
    }

    @Test
    void oneCoreRunsEverythingInTurn() {
        assertEquals(12.0, plan(3, 3, 2, 2, 2).wallSeconds(1), 1e-12);
        assertEquals(12.0, plan(3, 3, 2, 2, 2).coreSeconds(), 1e-12);
    }

    /** 3, 3 start first; 2 goes to each freed core, the last 2 after one of them: 3 + 2 + 2 = 7 (not the optimum 6). */
    @Test
    void twoCoresFollowLongestFirstScheduling() {
        assertEquals(7.0, plan(2, 3, 2, 3, 2).wallSeconds(2), 1e-12);
        assertEquals(6.0, plan(1, 5, 1, 1, 1, 1, 2).wallSeconds(2), 1e-12);
    }

    @Test
    void manyCoresWaitForTheLongestRun() {
        assertEquals(5.0, plan(1, 5, 1, 1).wallSeconds(256), 1e-12);
        assertEquals(5.0, plan(1, 5, 1, 1).longestRunSeconds(), 1e-12);
    }

    /**
     * Two 10 s runs of two cores and four 4 s runs of one. On 4 cores both wide runs start at once,
     * the short ones after them: 10 + 4. On 3 cores the second wide run waits for two free cores while
     * short runs take the odd one: wide 0-10, short 0-4, 4-8, 8-12, wide 10-20, short 12-16.
     */
    @Test
    void wideRunsStartWhenTheirCoresAreFree() {
        SweepPlan plan = new SweepPlan(6, 2, new double[] {4, 10, 4, 4, 10, 4}, new int[] {1, 2, 1, 1, 2, 1}, Map.of(), 1);
        assertEquals(14.0, plan.wallSeconds(4), 1e-12);
        assertEquals(20.0, plan.wallSeconds(3), 1e-12);
        assertEquals(56.0, plan.coreSeconds(), 1e-12);
        // One core: a wide run gets what there is, everything in turn.
        assertEquals(36.0, plan.wallSeconds(1), 1e-12);
    }

    /** Amdahl: 10 s on one thread, 5.5 s on two is p = 0.9; on 8 threads 10 (0.1 + 0.9 / 8) = 2.125 s. */
    @Test
    void amdahlExtrapolatesBeyondTheMeasuredThreads() {
        double p = SweepPlan.amdahlFraction(10, 5.5, 2);
        assertEquals(0.9, p, 1e-12);
        assertEquals(2.125, 10 * SweepPlan.amdahlFactor(p, 8), 1e-12);
        assertEquals(1.0, SweepPlan.amdahlFraction(10, 4, 2), 0, "superlinear is capped at p = 1");
    }

    @Test
    void aRunCostsItsFixedPartPlusItsEpochs() {
        assertEquals(2.5 + 400 * 0.01, new SweepPlan.Calibration(0.01, 2.5, 10).runSeconds(400), 1e-12);
    }
}
