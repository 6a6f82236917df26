package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.annft.data.Ame2020Reader;
import org.annft.data.AmeTableWriter;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.DataSetSpec;
import org.annft.data.Nuclide;
import org.annft.data.Target;
import java.util.List;
import org.annft.theory.LinearizedTraining;
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

    /** RMSD of the mean function f_0 = 0 on the held-out nuclides. */
    private static double rmsd(KernelBaseline.Result r, double prediction) {
        return r.rmsd(KernelBaseline.Role.TEST, p -> prediction);
    }

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
        KernelBaseline.Training training = new KernelBaseline.Training(
                List.of(new LinearizedTraining.Phase(3000, 0.02, 0.02)), 0, r -> 2 * r, 1.0, 5);
        Nuclide beyond = new Nuclide(60, 66, 126, "Y", 0, 0, 6000.0 + 40.0 * 60 - 25.0 * 66, 0, true);
        KernelBaseline.Result r = KernelBaseline.of(data, Target.BINDING_ENERGY_PER_NUCLEON, linear,
                LearningRates.global(3, 1.0, 0.0), LearningRates.global(3, 0.0, 1.0), 1e-12, training, List.of(beyond));
        assertEquals(data.size() - data.testCount(), r.count(KernelBaseline.Role.TRAIN));
        assertEquals(data.testCount(), r.count(KernelBaseline.Role.TEST));
        assertEquals(1, r.count(KernelBaseline.Role.BEYOND));
        assertEquals(0, r.rmsd(KernelBaseline.Role.TRAIN, KernelBaseline.Prediction::ntkMev), 1e-6);
        assertEquals(0, r.rmsd(KernelBaseline.Role.TEST, KernelBaseline.Prediction::ntkMev), 1e-6,
                "an affine target extrapolates exactly");
        assertEquals(0, r.rmsd(KernelBaseline.Role.BEYOND, KernelBaseline.Prediction::ntkMev), 1e-5,
                "beyond the data set too");
        // The kernel (C_b = 0) has no constant term: its posterior mean cannot reproduce the offset.
        assertTrue(r.rmsd(KernelBaseline.Role.TEST, KernelBaseline.Prediction::nngpMev) > 1,
                "NNGP without a bias: " + r.rmsd(KernelBaseline.Role.TEST, KernelBaseline.Prediction::nngpMev));
        // Trained by full-batch gradient descent on the squared error, the network approaches the same affine
        // function, and its error shrinks with the epochs.
        double early = rmsd(r, 0);
        assertFalse(r.trainedDiverged());
        assertTrue(r.rmsd(KernelBaseline.Role.TEST, KernelBaseline.Prediction::trainedMev) < 0.05 * early,
                "trained: " + r.rmsd(KernelBaseline.Role.TEST, KernelBaseline.Prediction::trainedMev) + " MeV, "
                        + "untrained " + early);
    }
}
