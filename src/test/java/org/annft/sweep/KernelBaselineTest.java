package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.annft.data.Ame2020Reader;
import org.annft.data.AmeTableWriter;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.DataSetSpec;
import org.annft.data.Target;
import org.annft.theory.Activations;
import org.annft.theory.Architecture;
import org.annft.theory.LearningRates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The infinite-width baseline end to end: a deep linear network's NTK with bias rates spans the
 * affine functions of the inputs, so a target affine in Z and N is reproduced, in MeV of total B,
 * on nuclides it never saw.
 */
class KernelBaselineTest {

    @TempDir
    Path dir;

    @Test
    void anAffineTargetIsReproducedOnHeldOutNuclides() throws IOException {
        AmeTableWriter w = new AmeTableWriter();
        for (int z = 8; z <= 40; z += 2) {
            for (int n = z; n <= z + 12; n += 3) {
                w.nuclide(z, n, "X", 6000.0 + 40.0 * z - 25.0 * n); // B/A in keV, affine in Z and N
            }
        }
        BindingEnergyDataSet data = BindingEnergyDataSet.build(Ame2020Reader.read(w.writeTo(dir.resolve("t.txt"))),
                new DataSetSpec(org.annft.data.Subset.ALL, 0, 0, 0, org.annft.data.InputFeatures.ZN, 0.25, 7, 0));
        assertTrue(data.testCount() > 10, "held-out nuclides: " + data.testCount());
        Architecture linear = Architecture.uniform(Activations.parse("linear"), 2, 1, 1.0, 0.0);
        LearningRates rates = LearningRates.global(3, 1.0, 1.0);
        KernelBaseline.Result r = KernelBaseline.of(data, Target.BINDING_ENERGY_PER_NUCLEON, linear, rates, 1e-12);
        assertEquals(data.size() - data.testCount(), r.trainSize());
        assertEquals(0, r.ntkRmsdTrain(), 1e-6);
        assertEquals(0, r.ntkRmsdTest(), 1e-6, "an affine target extrapolates exactly");
        // The kernel (C_b = 0) has no constant term: its posterior mean cannot reproduce the offset.
        assertTrue(r.nngpRmsdTest() > 1, "NNGP without a bias: " + r.nngpRmsdTest());
    }
}
