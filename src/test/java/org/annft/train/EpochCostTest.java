package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.annft.linalg.CoreLimits;
import org.annft.linalg.LastLevelCache;
import org.annft.nn.MlpArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The epoch's flops and bytes, counted by hand for widths 2-3-3-1 (layers of 3x2, 3x3 and 1x3
 * weights: 18 weights, 12 of them in layers 2 and up), 10 samples in batches of 4 (4, 4, 2:
 * three batches).
 */
class EpochCostTest {

    private static final MlpArchitecture NET = MlpArchitecture.ofDepth(2, 3, 3, 1);
    private static final long NO_CACHE = 0;
    private static final long HUGE_CACHE = 1L << 40;

    /** 2 x 10 x (2 x 18 + 12): forward and gradient over every weight, backward over layers 2 and 3. */
    @Test
    void flopsCountTheThreeProductsOverEverySample() {
        assertEquals(960, EpochCost.of(NET, 10, 4, OptimizerKind.SGD, Precision.FLOAT64, NO_CACHE).flops(), 0);
        assertEquals(960, EpochCost.of(NET, 10, 10, OptimizerKind.ADAM, Precision.FLOAT32, NO_CACHE).flops(), 0);
    }

    /**
     * SGD, every pass from memory: weight passes per batch 3 x 6 + 4 x 9 + 4 x 3 = 66, three batches
     * 198; batch operands 2 x 10 x (3+2) + 3 x 10 x (3+3) + 3 x 10 x (1+3) = 100 + 180 + 120 = 400;
     * 598 elements.
     */
    @Test
    void sgdStreamsFourPassesOverHiddenWeightsPerBatch() {
        EpochCost cost = EpochCost.of(NET, 10, 4, OptimizerKind.SGD, Precision.FLOAT64, NO_CACHE);
        assertTrue(cost.streamed());
        assertEquals(598 * 8, cost.bytes(), 0);
        assertEquals(598 * 4, EpochCost.of(NET, 10, 4, OptimizerKind.SGD, Precision.FLOAT32, NO_CACHE).bytes(), 0);
        // Full batch: one batch, 66 + 400 elements.
        assertEquals(466 * 4, EpochCost.of(NET, 10, 10, OptimizerKind.SGD, Precision.FLOAT32, NO_CACHE).bytes(), 0);
    }

    /** Adam: 9 x 6 + 10 x 9 + 10 x 3 = 174 weight-sized passes per batch, 522 in three, plus the 400. */
    @Test
    void adamStreamsItsMomentsAndGradient() {
        assertEquals(922 * 8, EpochCost.of(NET, 10, 4, OptimizerKind.ADAM, Precision.FLOAT64, NO_CACHE).bytes(), 0);
    }

    /**
     * The working set, SGD float64: (18 weights + 3 x 4 rows x (2+3+3+1) units = 108) x 8 = 1008
     * bytes; Adam (4 x 18 + 108) x 8 = 1440. In cache, the state is read and written once: 2 x 18 x 8
     * (SGD), 2 x 4 x 18 x 8 (Adam).
     */
    @Test
    void aWorkingSetThatFitsTheCacheMovesItsStateOncePerEpoch() {
        assertTrue(EpochCost.of(NET, 10, 4, OptimizerKind.SGD, Precision.FLOAT64, 1007).streamed());
        EpochCost fits = EpochCost.of(NET, 10, 4, OptimizerKind.SGD, Precision.FLOAT64, 1008);
        assertFalse(fits.streamed());
        assertEquals(288, fits.bytes(), 0);
        assertTrue(EpochCost.of(NET, 10, 4, OptimizerKind.ADAM, Precision.FLOAT64, 1439).streamed());
        assertEquals(1152, EpochCost.of(NET, 10, 4, OptimizerKind.ADAM, Precision.FLOAT64, 1440).bytes(), 0);
        assertEquals(576, EpochCost.of(NET, 10, 4, OptimizerKind.ADAM, Precision.FLOAT32, HUGE_CACHE).bytes(), 0);
    }

    /** 960 flops at 960 flop/s, 4784 bytes at 2392 B/s: 1 s and 2 s; 3 s measured is 1.5x the bandwidth limit. */
    @Test
    void theBindingLimitIsTheLargerTimeOfItsPrecision() {
        CoreLimits limits = new CoreLimits(960, 9600, 2392, new LastLevelCache(0, 1));
        EpochCost cost = EpochCost.of(NET, 10, 4, OptimizerKind.SGD, Precision.FLOAT64, NO_CACHE);
        assertEquals(1.0, cost.gemmSeconds(limits), 1e-12);
        assertEquals(2.0, cost.bandwidthSeconds(limits), 1e-12);
        assertEquals(2.0, cost.boundSeconds(limits), 1e-12);
        assertTrue(cost.against(limits, 3.0).endsWith("measured 3.00 s, 1.50x the bandwidth limit"), cost.against(limits, 3.0));
        // float32 runs at sgemm's rate: 960 / 9600 = 0.1 s.
        assertEquals(0.1, EpochCost.of(NET, 10, 4, OptimizerKind.SGD, Precision.FLOAT32, NO_CACHE).gemmSeconds(limits), 1e-12);
    }
}
