package org.annft.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingEnergyDataSetTest {

    /** 2 <= Z <= 9, N = Z-1 .. Z+2; the Z = N + 2 nuclides are estimated. */
    private static MassTable table() {
        AmeTableWriter w = new AmeTableWriter();
        for (int z = 2; z <= 9; z++) {
            for (int n = z - 1; n <= z + 2; n++) {
                if (n == z - 1) {
                    w.estimatedNuclide(z, n, "X", 5000 + 100 * z);
                } else {
                    w.nuclide(z, n, "X", 5000.0 + 100 * z + n);
                }
            }
        }
        return Ame2020Reader.read(new BufferedReader(new StringReader(String.join("\n", w.lines()))), "t");
    }

    @Test
    void subsetsAndFilters() {
        MassTable t = table();
        assertEquals(32, BindingEnergyDataSet.build(t, DataSetSpec.all()).size());
        assertEquals(24, BindingEnergyDataSet.build(t,
                new DataSetSpec(Subset.EXPERIMENTAL, 0, 0, 0, InputFeatures.ZN, 0, 0, 0)).size());
        BindingEnergyDataSet filtered = BindingEnergyDataSet.build(t,
                new DataSetSpec(Subset.ALL, 4, 5, 10, InputFeatures.ZN, 0, 0, 0));
        assertTrue(filtered.nuclides().stream().allMatch(x -> x.z() >= 4 && x.n() >= 5 && x.a() >= 10));
        // By hand: Z=4 keeps N=6 only (N=5 has A=9); Z=5 keeps N=5,6,7; Z=6..9 keep all four.
        assertEquals(1 + 3 + 4 * 4, filtered.size());
        assertThrows(IllegalArgumentException.class, () -> BindingEnergyDataSet.build(t,
                new DataSetSpec(Subset.ALL, 200, 0, 0, InputFeatures.ZN, 0, 0, 0)));
    }

    @Test
    void minMaxScalingMapsTheSelectedRangeOntoUnitInterval() {
        BindingEnergyDataSet d = BindingEnergyDataSet.build(table(), DataSetSpec.all());
        // Z spans 2..9, N spans 1..11.
        assertEquals(2, d.scaler().min(0), 0);
        assertEquals(9, d.scaler().max(0), 0);
        assertEquals(1, d.scaler().min(1), 0);
        assertEquals(11, d.scaler().max(1), 0);
        for (int i = 0; i < d.size(); i++) {
            Nuclide x = d.nuclide(i);
            assertEquals((x.z() - 2) / 7.0, d.input(i, 0), 1e-15);
            assertEquals((x.n() - 1) / 10.0, d.input(i, 1), 1e-15);
            assertEquals(x.bindingEnergyMev(), d.targetMev(i), 0);
        }
    }

    @Test
    void pairingFlagsAreUnscaled() {
        BindingEnergyDataSet d = BindingEnergyDataSet.build(table(),
                new DataSetSpec(Subset.ALL, 0, 0, 0, InputFeatures.ZN_PAIRING, 0, 0, 0));
        assertEquals(4, d.inputWidth());
        Nuclide odd = d.nuclides().stream().filter(x -> x.z() == 3 && x.n() == 4).findFirst().orElseThrow();
        assertArrayEquals(new double[] {1 / 7.0, 3 / 10.0, 1, 0}, d.scaledInputs(odd), 1e-15);
    }

    @Test
    void testSplitIsSeededAndSized() {
        MassTable t = table();
        DataSetSpec spec = new DataSetSpec(Subset.ALL, 0, 0, 0, InputFeatures.ZN, 0.25, 7, 0);
        BindingEnergyDataSet a = BindingEnergyDataSet.build(t, spec);
        BindingEnergyDataSet b = BindingEnergyDataSet.build(t, spec);
        BindingEnergyDataSet c = BindingEnergyDataSet.build(t,
                new DataSetSpec(Subset.ALL, 0, 0, 0, InputFeatures.ZN, 0.25, 8, 0));
        assertEquals(8, a.testCount());
        assertEquals(mask(a), mask(b));
        assertNotEquals(mask(a), mask(c));
    }

    private static List<Boolean> mask(BindingEnergyDataSet d) {
        List<Boolean> m = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            m.add(d.isTest(i));
        }
        return m;
    }

    @Test
    void invalidSpecsAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataSetSpec(Subset.ALL, 0, 0, 0, InputFeatures.ZN, 1.0, 0, 0));
        assertTrue(e.getMessage().contains("data.test-fraction"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Subset.parse("some"))
                .getMessage().contains("all, experimental"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InputFeatures.parse("zz"))
                .getMessage().contains("zn-pairing"));
    }
}
