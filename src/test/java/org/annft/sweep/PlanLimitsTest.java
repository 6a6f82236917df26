package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.annft.linalg.CoreLimits;
import org.annft.linalg.LastLevelCache;
import org.annft.nn.MlpArchitecture;
import org.annft.train.EpochCost;
import org.annft.train.OptimizerKind;
import org.annft.train.Precision;
import org.junit.jupiter.api.Test;

/** Each calibrated architecture's line sets its calibrated seconds per epoch against its own limits. */
class PlanLimitsTest {

    @Test
    void eachArchitectureAgainstItsCalibratedEpoch() {
        // Widths 2-3-3-1, 10 samples in batches of 4, nothing cached: 960 flops, 598 x 8 bytes (EpochCostTest).
        EpochCost cost = EpochCost.of(MlpArchitecture.ofDepth(2, 3, 3, 1), 10, 4, OptimizerKind.SGD, Precision.FLOAT64, 0);
        CoreLimits limits = new CoreLimits(480, 960, 4784, new LastLevelCache(32L << 20, 2));
        SweepPlan plan = new SweepPlan(2, 2, new double[] {1, 1}, Map.of("a", new SweepPlan.Calibration(4.0, 0, 5),
                "b", new SweepPlan.Calibration(1.0, 0, 5)), 2);
        StringWriter text = new StringWriter();
        new PlanLimits(limits, Map.of("a", cost)).print(new PrintWriter(text), plan);
        String[] lines = text.toString().split("\n");
        assertEquals(2, lines.length, text.toString());
        assertTrue(lines[0].contains("a core's share of the cache, 16.00 MiB; calibrations with 2 trainings side by side"),
                lines[0]);
        // gemm 960 / 480 = 2 s, bandwidth 4784 / 4784 = 1 s: 4 s is 2x the gemm limit.
        assertTrue(lines[1].startsWith("  limits: a: 960 FLOP, 4.78e+03 B per epoch"), lines[1]);
        assertTrue(lines[1].endsWith("gemm limit 2.00 s, bandwidth limit 1.00 s; measured 4.00 s, 2.00x the gemm limit"),
                lines[1]);
    }
}
