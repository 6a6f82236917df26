package org.annft.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A setting's default is read by its own reader when it is declared: a default out of range cannot ship. */
class SettingTest {

    @Test
    void aDefaultItsReaderRefusesFailsAtDeclaration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Setting.integer("train.width", 1, 5, 7));
        assertTrue(e.getMessage().startsWith("setting train.width: its default 7 fails its own reader"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Setting.number("train.target-scale", 0, 1, 2.0));
        assertThrows(IllegalArgumentException.class, () -> Setting.integers("sweep.widths", 1, 9, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> Setting.custom("x.y", "[1, 2", (c, k) -> c.intList(k, 0, 9)));
        assertEquals(List.of(2, 3), Setting.integers("sweep.widths", 1, 9, 2, 3).read(AnnftConfig.ofText("sweep.widths = [2, 3]")));
    }
}
