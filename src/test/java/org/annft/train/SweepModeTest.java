package org.annft.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The paper's six training modes, their names and the choices they stand for. */
class SweepModeTest {

    @Test
    void eachModeIsTheModeOfItsOwnChoicesAndItsName() {
        for (SweepMode m : SweepMode.values()) {
            assertEquals(m, SweepMode.of(m.criticalInit(), m.trainingMode(), m.optimizer()), m.label());
            assertEquals(m, SweepMode.parse(" " + m.configName() + " "));
            assertEquals(Optional.of(m), SweepMode.find(m.configName()));
        }
        assertEquals(List.of("cict", "cint", "nint", "nict", "adam-cint", "adam-nint"),
                java.util.Arrays.stream(SweepMode.values()).map(SweepMode::configName).toList());
        assertEquals(List.of("CICT", "CINT", "NINT", "NICT", "Adam CINT", "Adam NINT"),
                java.util.Arrays.stream(SweepMode.values()).map(SweepMode::label).toList());
    }

    @Test
    void adamHasNoCriticalRatesAndUnknownNamesAreRefused() {
        assertEquals(SweepMode.ADAM_CINT, SweepMode.of(true, TrainingMode.CRITICAL, OptimizerKind.ADAM));
        assertEquals(SweepMode.ADAM_NINT, SweepMode.of(false, TrainingMode.CRITICAL, OptimizerKind.ADAM));
        assertTrue(SweepMode.ADAM_NINT.globalRates() && !SweepMode.CICT.globalRates() && !SweepMode.NICT.globalRates());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepMode.parse("adam"));
        assertTrue(e.getMessage().contains("adam-cint"), e.getMessage());
        assertEquals(Optional.empty(), SweepMode.find("adam"));
    }
}
