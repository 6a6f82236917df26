package org.annft.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ame2020ReaderTest {

    private static MassTable read(AmeTableWriter w) {
        return Ame2020Reader.read(new BufferedReader(new StringReader(String.join("\n", w.lines()))), "test.txt");
    }

    @Test
    void readsValuesUncertaintiesAndEstimatedFlags() {
        AmeTableWriter w = new AmeTableWriter()
                .nuclide('0', 0, 1, "n", "8071.31806", "0.00044", "0.0", "0.0")
                .nuclide(' ', 26, 30, "Fe", "-60607.163", "0.268", "8790.3563", "0.0048")
                .estimatedNuclide(3, 0, "Li", -2267);
        MassTable t = read(w);
        assertEquals(3, t.nuclides().size());
        Nuclide fe = t.find(26, 30).orElseThrow();
        assertEquals(56, fe.a());
        assertEquals("Fe", fe.element());
        assertEquals(-60607.163, fe.massExcessKev(), 1e-9);
        assertEquals(0.268, fe.massExcessUncertaintyKev(), 1e-12);
        assertEquals(8790.3563, fe.bindingEnergyPerNucleonKev(), 1e-9);
        assertEquals(0.0048, fe.bindingEnergyPerNucleonUncertaintyKev(), 1e-12);
        assertFalse(fe.estimated());
        assertEquals(56 * 8790.3563 / 1000, fe.bindingEnergyMev(), 1e-12);

        Nuclide li = t.find(3, 0).orElseThrow();
        assertTrue(li.estimated(), "'#' in place of the decimal point marks an estimate");
        assertEquals(-2267.0, li.bindingEnergyPerNucleonKev(), 0);
        assertEquals(28667.0, li.massExcessKev(), 0);
        assertEquals(667.0, li.bindingEnergyPerNucleonUncertaintyKev(), 0);

        Nuclide neutron = t.find(0, 1).orElseThrow();
        assertEquals("n", neutron.element());
        assertEquals(0.0, neutron.bindingEnergyMev(), 0);
    }

    @Test
    void skipsBlankAndRepeatedPageHeaders() {
        AmeTableWriter w = new AmeTableWriter()
                .nuclide(1, 1, "H", 1112.2831)
                .raw("")
                .raw("   ")
                // A new page repeats the column titles and units, with '1' (page feed) in column 1.
                .raw("1N-Z    N    Z   A  EL    O     MASS EXCESS           BINDING ENERGY/A        BETA-DECAY ENERGY")
                .raw("                                   (keV)                  (keV)                    (keV)")
                .nuclide('1', 2, 2, "He", "2424.91587", "0.00015", "7073.9156", "0.0002")
                .nuclide('0', 2, 3, "He", "11231.234", "20.000", "5512.1325", "4.0000");
        MassTable t = read(w);
        assertEquals(3, t.nuclides().size());
        assertEquals(7073.9156, t.find(2, 2).orElseThrow().bindingEnergyPerNucleonKev(), 1e-9);
        assertEquals(1, t.warnings().size(), "a table with another nuclide count than 3558 is accepted with a warning");
        assertTrue(t.warnings().get(0).contains("3 nuclides"));
    }

    @Test
    void notCalculableMassExcessIsNaN() {
        AmeTableWriter w = new AmeTableWriter().nuclide(' ', 8, 8, "O", "*", "*", "7976.2072", "0.0000");
        assertTrue(Double.isNaN(read(w).nuclides().get(0).massExcessKev()));
    }

    @Test
    void malformedLineFailsWithItsNumber() {
        AmeTableWriter w = new AmeTableWriter()
                .nuclide(1, 1, "H", 1112.2831)
                .nuclide(' ', 26, 30, "Fe", "-60607.163", "0.268", "87x0.3563", "0.0048");
        MassTableFormatException e = assertThrows(MassTableFormatException.class, () -> read(w));
        assertEquals(8, e.lineNumber());
        assertTrue(e.getMessage().contains("test.txt:8"), e.getMessage());
        assertTrue(e.getMessage().contains("binding energy per nucleon"), e.getMessage());
        assertTrue(e.getMessage().contains("87x0.3563"), e.getMessage());
    }

    /** Values Double.parseDouble would take but a mass table never holds, and a nuclide given twice. */
    @Test
    void nonDecimalNumbersAndDuplicateNuclidesFailWithTheirLine() {
        for (String bad : List.of("Infinity", "NaN", "0x1.1p13", "8790.3d", "-Infinity")) {
            AmeTableWriter w = new AmeTableWriter().nuclide(1, 1, "H", 1112.2831)
                    .nuclide(' ', 26, 30, "Fe", "-60607.163", "0.268", bad, "0.0048");
            MassTableFormatException e = assertThrows(MassTableFormatException.class, () -> read(w), bad);
            assertEquals(8, e.lineNumber(), bad);
            assertTrue(e.getMessage().contains("binding energy per nucleon") && e.getMessage().contains(bad),
                    e.getMessage());
        }
        AmeTableWriter nanMass = new AmeTableWriter().nuclide(' ', 26, 30, "Fe", "NaN", "0.268", "8790.3563", "0.0048");
        assertTrue(assertThrows(MassTableFormatException.class, () -> read(nanMass)).getMessage().contains("mass excess"));
        AmeTableWriter twice = new AmeTableWriter().nuclide(26, 30, "Fe", 8790.3563).nuclide(1, 1, "H", 1112.2831)
                .nuclide(26, 30, "Fe", 8790.0);
        MassTableFormatException e = assertThrows(MassTableFormatException.class, () -> read(twice));
        assertEquals(9, e.lineNumber());
        assertTrue(e.getMessage().contains("Z=26 N=30") && e.getMessage().contains("first on line 7"), e.getMessage());
        // Exponents and signs stay valid.
        assertEquals(8790.3563, read(new AmeTableWriter().nuclide(' ', 26, 30, "Fe", "-6.0607163e4", "0.268",
                "+8790.3563", "0.0048")).nuclides().get(0).bindingEnergyPerNucleonKev(), 1e-9);
    }

    /** Overflowing numbers and nucleon numbers off the chart fail with their line; AME2020's negative B/A stays. */
    @Test
    void overflowsAndNucleonNumbersOffTheChartFail() {
        for (String bad : List.of("1e400", "9e306")) {
            AmeTableWriter w = new AmeTableWriter().nuclide(' ', 26, 30, "Fe", "-60607.163", "0.268", bad, "0.0048");
            MassTableFormatException e = assertThrows(MassTableFormatException.class, () -> read(w), bad);
            assertEquals(7, e.lineNumber(), bad);
            assertTrue(e.getMessage().contains("binding energy"), e.getMessage());
        }
        for (String offChart : List.of("10000.5", "-5000.5", "87903.563")) {
            AmeTableWriter w = new AmeTableWriter().nuclide(' ', 26, 30, "Fe", "-60607.163", "0.268", offChart, "0.0048");
            MassTableFormatException e = assertThrows(MassTableFormatException.class, () -> read(w), offChart);
            assertEquals(7, e.lineNumber(), offChart);
            assertTrue(e.getMessage().contains("outside the nuclear chart's range"), e.getMessage());
        }
        assertEquals(9999.5, read(new AmeTableWriter().nuclide(' ', 26, 30, "Fe", "-60607.163", "0.268", "9999.5", "0.0048"))
                .nuclides().get(0).bindingEnergyPerNucleonKev(), 0, "the edge of the range is kept");
        AmeTableWriter mass = new AmeTableWriter().nuclide(' ', 26, 30, "Fe", "-1e400", "0.268", "8790.3563", "0.0048");
        assertTrue(assertThrows(MassTableFormatException.class, () -> read(mass)).getMessage().contains("mass excess"));
        for (int[] zn : new int[][] {{0, 0}, {201, 300}, {100, 401}}) {
            AmeTableWriter w = new AmeTableWriter().nuclide(zn[0], zn[1], "X", 1000.0);
            MassTableFormatException e = assertThrows(MassTableFormatException.class, () -> read(w));
            assertTrue(e.getMessage().contains("not a nuclide of the chart"), e.getMessage());
        }
        assertEquals(-2267, read(new AmeTableWriter().estimatedNuclide(3, 0, "Li", -2267)).nuclides().get(0)
                .bindingEnergyPerNucleonKev(), 0);
    }

    @Test
    void inconsistentNucleonNumbersFail() {
        String good = AmeTableWriter.line(' ', 26, 30, "Fe", "-60607.163", "0.268", "8790.3563", "0.0048");
        String badA = good.substring(0, 14) + "   57" + good.substring(19);
        MassTableFormatException e = assertThrows(MassTableFormatException.class,
                () -> read(new AmeTableWriter().raw(badA)));
        assertEquals(7, e.lineNumber());
        assertTrue(e.getMessage().contains("A=57"), e.getMessage());
    }

    @Test
    void truncatedLineAndBadControlCharacterFail() {
        assertEquals(7, assertThrows(MassTableFormatException.class,
                () -> read(new AmeTableWriter().raw("   4   30   26   56 Fe       -60607.163"))).lineNumber());
        String good = AmeTableWriter.line(' ', 26, 30, "Fe", "-60607.163", "0.268", "8790.3563", "0.0048");
        MassTableFormatException e = assertThrows(MassTableFormatException.class,
                () -> read(new AmeTableWriter().raw("x" + good.substring(1))));
        assertTrue(e.getMessage().contains("carriage-control"), e.getMessage());
    }

    @Test
    void fileWithoutColumnTitlesIsNotAMassTable() {
        MassTableFormatException e = assertThrows(MassTableFormatException.class,
                () -> Ame2020Reader.read(new BufferedReader(new StringReader("a,b,c\n1,2,3\n")), "x.csv"));
        assertTrue(e.getMessage().contains("not an AME2020 mass table"), e.getMessage());
    }

    @Test
    void missingFileIsReportedByPath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.txt");
        MassTableFormatException e = assertThrows(MassTableFormatException.class, () -> Ame2020Reader.read(missing));
        assertTrue(e.getMessage().contains("nope.txt") && e.getMessage().contains("not found"), e.getMessage());
    }
}
