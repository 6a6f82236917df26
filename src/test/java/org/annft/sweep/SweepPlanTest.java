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

    @Test
    void aRunCostsItsFixedPartPlusItsEpochs() {
        assertEquals(2.5 + 400 * 0.01, new SweepPlan.Calibration(0.01, 2.5, 10).runSeconds(400), 1e-12);
    }
}
