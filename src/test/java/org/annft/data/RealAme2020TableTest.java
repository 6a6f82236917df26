package org.annft.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published AME2020 table as the repository ships it ({@code data/mass_1.mas20.txt}). Reference
 * facts from the table's documentation (data/README.md).
 */
class RealAme2020TableTest {

    /** sha256 of the published mass_1.mas20.txt (AMDC), as data/README.md and data/fetch-ame2020.sh state it. */
    private static final String PUBLISHED_SHA256 = "7ffd0b94bf74c3ba748e2561f0cc1e47ecdf889b422103afbdbb085c2faa9934";

    private static MassTable table;

    @BeforeAll
    static void read() {
        table = Ame2020Reader.read(Path.of(MassTableLocator.DEFAULT_LOCATION));
    }

    @Test
    void theShippedTableIsThePublishedFile() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(MassTableLocator.DEFAULT_LOCATION));
        assertEquals(PUBLISHED_SHA256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    /**
     * Without --ame or ANNFT_AME2020 and from a working directory without data/, the table is found
     * in the checkout the code was built in (target/classes here); a directory that has no table is
     * an error naming the lookup.
     */
    @Test
    void foundFromAnyWorkingDirectoryThroughTheCheckout(@TempDir Path elsewhere) {
        Optional<Path> checkout = MassTableLocator.checkout();
        assertEquals(Optional.of(Path.of("").toAbsolutePath()), checkout);
        Path found = MassTableLocator.locate(Optional.empty(), Map.of(), elsewhere, checkout);
        assertEquals(Path.of(MassTableLocator.DEFAULT_LOCATION).toAbsolutePath(), found);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MassTableLocator.locate(Optional.empty(), Map.of(), elsewhere, Optional.of(elsewhere)));
        assertTrue(e.getMessage().contains(MassTableLocator.DEFAULT_LOCATION), e.getMessage());
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

    /**
     * The baselines of both targets over all 3558 nuclides, against an independent numpy computation
     * (least squares on MinMax-scaled Z, N; median of the target; residuals in total B): a dead network
     * trained on B ends at the median B (525.82 MeV), one trained on B/A at A times the median B/A
     * (73.59 MeV, the paper's failed state of 71.95 MeV).
     */
    @Test
    void baselinesOfBothTargets() {
        BindingEnergyDataSet all = BindingEnergyDataSet.build(table, DataSetSpec.all());
        assertEquals(525.818994, all.baselineFits(Target.BINDING_ENERGY).constantRmsdMev(), 1e-6);
        assertEquals(47.770501, all.baselineFits(Target.BINDING_ENERGY).linearRmsdMev(), 1e-6);
        assertEquals(73.588638, all.baselineFits(Target.BINDING_ENERGY_PER_NUCLEON).constantRmsdMev(), 1e-6);
        assertEquals(53.773833, all.baselineFits(Target.BINDING_ENERGY_PER_NUCLEON).linearRmsdMev(), 1e-6);
    }

    @Test
    void dataSetsFromTheRealTable() {
        BindingEnergyDataSet all = BindingEnergyDataSet.build(table, DataSetSpec.all());
        assertEquals(3558, all.size());
        BindingEnergyDataSet exp = BindingEnergyDataSet.build(table,
                new DataSetSpec(Subset.EXPERIMENTAL, 0, 0, 0, InputFeatures.ZN_PAIRING, 0.0, 1, 0));
        assertEquals(2550, exp.size());
        double[] fe = all.scaledInputs(table.find(26, 30).orElseThrow());
        assertEquals(26.0 / 118, fe[0], 1e-15);
        assertEquals(30.0 / 177, fe[1], 1e-15);
    }
}
