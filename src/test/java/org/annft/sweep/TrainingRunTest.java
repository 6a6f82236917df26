package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.annft.theory.GlobalRate;
import org.annft.theory.Initialization;
import org.annft.theory.LearningRates;
import org.annft.train.Adam;
import org.annft.train.Loss;
import org.annft.train.OptimizerSpec;
import org.annft.train.PhaseSchedule;
import org.annft.train.Precision;
import org.annft.train.SweepMode;
import org.annft.train.TrainingMode;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

    /** Averaged Adam rates come from raw rates (1e-3, 2e-3), which no SGD phase uses. */
    private static TrainingRun run(TrainingMode mode, org.annft.train.OptimizerKind optimizer, String adamRule, GlobalRate rule) {
        AdamRates adamRates = adamRule.equals("fixed") ? AdamRates.fixed() : AdamRates.averaged(1e-3, 2e-3);
        PhaseSchedule phases = new PhaseSchedule(List.of(new PhaseSchedule.Phase(10, 0.01, 0.01),
                new PhaseSchedule.Phase(10, 0.02, 0.03)));
        TrainingProtocol protocol = new TrainingProtocol(TrainingProtocol.DEFAULT, phases, rule,
                new AdamSchedule(Adam.AdamSettings.paper(), adamRates, 20), NoncriticalInit.of(1, 0), 32, Precision.FLOAT64,
                Loss.MAE, org.annft.data.Target.BINDING_ENERGY, 1.0, 1e3, 10, NtkRecording.none(), false);
        return new TrainingRun("relu", 120, 4, SweepMode.of(true, mode, optimizer), protocol, 0);
    }

    /**
     * Adam-CINT's rates are the global rates of train.adam.raw-rates (1e-3, 2e-3), not of an SGD phase: ReLU, l_out = 4,
     * n0 = 2, n = 120: weights (2e-3 / 16)(1/2 + 3/120) = 6.5625e-5, biases 1e-3 / 4.
     */
    @Test
    void averagedAdamRatesAreTheGlobalRatesOfTheirRawRates() {
        OptimizerSpec spec = run(TrainingMode.GLOBAL, org.annft.train.OptimizerKind.ADAM, "averaged", GlobalRate.PRACTICE).optimizerSpec(2);
        LearningRates rates = ((OptimizerSpec.AdamSpec) spec).rates();
        for (int l = 1; l <= 4; l++) {
            assertEquals(6.5625e-5, rates.lambdaW(l) / (l == 1 ? 2 : 120), 1e-18);
            assertEquals(2.5e-4, rates.lambdaB(l), 1e-18);
        }
        assertNull(((OptimizerSpec.AdamSpec) run(TrainingMode.GLOBAL, org.annft.train.OptimizerKind.ADAM, "fixed", GlobalRate.PRACTICE)
                .optimizerSpec(2)).rates());
    }

    @Test
    void theRuleInEffectIsRecordedOnlyWhereRatesAreAveraged() {
        assertEquals("practice", run(TrainingMode.GLOBAL, org.annft.train.OptimizerKind.SGD, "fixed", GlobalRate.PRACTICE).globalRateInEffect());
        assertEquals("raw-average", run(TrainingMode.GLOBAL, org.annft.train.OptimizerKind.ADAM, "averaged", GlobalRate.RAW_AVERAGE)
                .globalRateInEffect());
        assertNull(run(TrainingMode.CRITICAL, org.annft.train.OptimizerKind.SGD, "averaged", GlobalRate.PRACTICE).globalRateInEffect());
        assertNull(run(TrainingMode.GLOBAL, org.annft.train.OptimizerKind.ADAM, "fixed", GlobalRate.PRACTICE).globalRateInEffect());
        // Runs that differ only in the rule are different checkpoints.
        assertTrue(!run(TrainingMode.GLOBAL, org.annft.train.OptimizerKind.SGD, "fixed", GlobalRate.PRACTICE).toString()
                .equals(run(TrainingMode.GLOBAL, org.annft.train.OptimizerKind.SGD, "fixed", GlobalRate.RAW_AVERAGE).toString()));
    }

    @Test
    void adamRawRatesAreReadFromTheirOwnKeysAndChecked() {
        TrainingRun r = TrainingRun.fromConfig(org.annft.config.AnnftConfig.load(java.util.Optional.empty(),
                List.of("train.optimizer=adam", "train.mode=global", "train.adam.raw-rates.lambda-w=0.032",
                        "train.adam.raw-rates.lambda-b=0.004")));
        assertEquals(AdamRates.averaged(0.004, 0.032), r.protocol().adam().rates());
        // ReLU, l_out = 4, n0 = 2, n = 120: every weight (0.032 / 16)(1/2 + 3/120) = 1.05e-3, every bias 0.004 / 4.
        LearningRates rates = ((OptimizerSpec.AdamSpec) r.optimizerSpec(2)).rates();
        assertEquals(1.05e-3, rates.lambdaW(3) / 120, 1e-15);
        assertEquals(1e-3, rates.lambdaB(2), 1e-15);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.fromConfig(org.annft.config.AnnftConfig.load(java.util.Optional.empty(),
                        List.of("train.adam.raw-rates.lambda-w=-1"))));
        assertTrue(e.getMessage().contains("train.adam.raw-rates.lambda-w"), e.getMessage());
        assertEquals(AdamRates.fixed(), TrainingRun.fromConfig(org.annft.config.AnnftConfig.load(java.util.Optional.empty(),
                List.of("train.adam.rates=fixed"))).protocol().adam().rates());
    }
}
