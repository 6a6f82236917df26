package org.annft.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published AME2020 table, where it is installed ({@code ANNFT_AME2020} or
 * {@code data/mass_1.mas20.txt}; CI installs it). Reference facts from the table's documentation.
 */
class RealAme2020TableTest {

    private static MassTable table;

    /** The table's path, or empty where it is not installed. */
    static Optional<Path> installedTable() {
        String env = System.getenv(MassTableLocator.ENVIRONMENT_VARIABLE);
        Path p = env != null ? Path.of(env) : Path.of(MassTableLocator.DEFAULT_LOCATION);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @BeforeAll
    static void read() {
        Optional<Path> path = installedTable();
        assumeTrue(path.isPresent(), "AME2020 table not installed (data/fetch-ame2020.sh)");
        table = Ame2020Reader.read(path.get());
    }

    @Test
    void countsAndRanges() {
        assertEquals(3558, table.nuclides().size());
        assertTrue(table.warnings().isEmpty());
        assertEquals(2550, table.nuclides().stream().filter(x -> !x.estimated()).count());
        assertEquals(0, table.nuclides().stream().mapToInt(Nuclide::z).min().getAsInt());
        assertEquals(118, table.nuclides().stream().mapToInt(Nuclide::z).max().getAsInt());
        assertEquals(0, table.nuclides().stream().mapToInt(Nuclide::n).min().getAsInt());
        assertEquals(177, table.nuclides().stream().mapToInt(Nuclide::n).max().getAsInt());
    }

    @Test
    void referenceBindingEnergies() {
        assertEquals(7073.9156, table.find(2, 2).orElseThrow().bindingEnergyPerNucleonKev(), 1e-9);
        assertEquals(8790.3563, table.find(26, 30).orElseThrow().bindingEnergyPerNucleonKev(), 1e-9);
        assertEquals(7867.4530, table.find(82, 126).orElseThrow().bindingEnergyPerNucleonKev(), 1e-9);
        // B = A (B/A) / 1000 = 56 * 8790.3563 keV = 492.25995 MeV.
        assertEquals(492.25995, table.find(26, 30).orElseThrow().bindingEnergyMev(), 1e-5);
        Nuclide og = table.nuclides().get(table.nuclides().size() - 1);
        assertEquals("Og", og.element());
        assertEquals(295, og.a());
    }

    @Test
    void dataSetsFromTheRealTable() {
        BindingEnergyDataSet all = BindingEnergyDataSet.build(table, DataSetSpec.all());
        assertEquals(3558, all.size());
        BindingEnergyDataSet exp = BindingEnergyDataSet.build(table,
                new DataSetSpec(Subset.EXPERIMENTAL, 0, 0, 0, InputFeatures.ZN_PAIRING, 0.0, 1));
        assertEquals(2550, exp.size());
        double[] fe = all.scaledInputs(table.find(26, 30).orElseThrow());
        assertEquals(26.0 / 118, fe[0], 1e-15);
        assertEquals(30.0 / 177, fe[1], 1e-15);
    }
}
