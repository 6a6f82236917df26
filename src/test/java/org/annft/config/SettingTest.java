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

    /**
     * A list of objects reads each object through its declared fields: a field out of range is refused
     * naming the element ({@code key[i].field}), and a default whose fields are out of range cannot ship.
     */
    @Test
    void fieldsOfListedObjectsAreTypedAndNamedByTheirElement() {
        Setting.Field<Integer> z = Setting.Field.integer("z", 0, 200);
        Setting.Field<Double> rate = Setting.Field.number("rate", 0, 1);
        Setting<List<String>> points = Setting.objects("x.points", "[{z = 1, rate = 0.5}]",
                e -> z.read(e) + ":" + rate.read(e));
        assertEquals(List.of("8:0.25", "9:1.0"), points.read(AnnftConfig.ofText(
                "x.points = [{z = 8, rate = 0.25}, {z = 9, rate = 1}]")));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> points.read(AnnftConfig.ofText(
                "x.points = [{z = 8, rate = 0.25}, {z = 201, rate = 1}]")));
        assertTrue(e.getMessage().contains("x.points[1].z") && e.getMessage().contains("[0, 200]"), e.getMessage());
        InvalidSettingException r = assertThrows(InvalidSettingException.class, () -> points.read(AnnftConfig.ofText(
                "x.points = [{z = 8, rate = 2}]")));
        assertTrue(r.getMessage().contains("x.points[0].rate"), r.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Setting.objects("x.points", "[{z = -1, rate = 0}]",
                e2 -> z.read(e2)));
    }
}
