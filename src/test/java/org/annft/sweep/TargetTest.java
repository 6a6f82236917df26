package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.annft.data.Ame2020Reader;
import org.annft.data.AmeTableWriter;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.DataSetSpec;
import org.annft.data.Nuclide;
import org.annft.data.Target;
import org.annft.linalg.Gemm;
import org.annft.nn.ForwardBackward;
import org.annft.nn.Mlp;
import org.annft.theory.GlobalRate;
import org.annft.train.Adam;
import org.annft.train.Loss;
import org.annft.train.PhaseSchedule;
import org.annft.train.Precision;
import org.annft.train.SweepMode;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code train.target}: a network trained on B or on B/A reports total binding energies. The checks
 * recompute everything from the trained network's raw outputs f (a separate forward pass of the
 * saved model) and the table's nuclides: predictions are f (B) or A f (B/A), the RMSD is that of
 * those predictions against B, the final MAE is on the target itself, and the saved model predicts
 * as its run did.
 */
class TargetTest {

    private static BindingEnergyDataSet data;

    /** 8 <= Z <= 30, N from Z to 1.3 Z + 4 in steps of 2: B from the semi-empirical mass formula. */
    @BeforeAll
    static void dataSet(@TempDir Path dir) throws IOException {
        AmeTableWriter w = new AmeTableWriter();
        for (int z = 8; z <= 30; z += 2) {
            for (int n = z; n <= 1.3 * z + 4; n += 2) {
                w.nuclide(z, n, "X", 1000 * AmeTableWriter.liquidDropMev(z, n) / (z + n));
            }
        }
        data = BindingEnergyDataSet.build(Ame2020Reader.read(w.writeTo(dir.resolve("t.txt"))), DataSetSpec.all());
    }

    private static TrainingRun run(Target target) {
        TrainingProtocol protocol = new TrainingProtocol(TrainingProtocol.DEFAULT, PhaseSchedule.of(30, 0.05, 0.05),
                GlobalRate.PRACTICE, new AdamSchedule(Adam.AdamSettings.paper(), AdamRates.fixed(), 1),
                NoncriticalInit.halfCritical(), 8, Precision.FLOAT64, Loss.MAE, target, 1.0, 1e3, 10, NtkRecording.none(), false);
        return new TrainingRun("relu", 16, 3, SweepMode.CICT, protocol, 0);
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void predictionsAndRmsdAreTotalBindingEnergiesWhateverTheTarget(Target target) {
        TrainingRun.Outcome outcome = run(target).execute(data, 11, Gemm.blas());
        Mlp network = outcome.model().network();
        DMatrixRMaj inputs = new DMatrixRMaj(data.size(), data.inputWidth());
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < data.inputWidth(); j++) {
                inputs.set(i, j, data.input(i, j));
            }
        }
        DMatrixRMaj f = new DMatrixRMaj(data.size(), 1);
        new ForwardBackward(network.architecture(), data.size(), Gemm.blas()).predict(network, inputs, f);

        double squares = 0;
        double absoluteTargetErrors = 0;
        int[][] zn = new int[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            Nuclide x = data.nuclide(i);
            zn[i] = new int[] {x.z(), x.n()};
            double a = target == Target.BINDING_ENERGY ? 1 : x.a();
            double y = target == Target.BINDING_ENERGY ? x.bindingEnergyMev() : x.bindingEnergyPerNucleonKev() / 1000;
            assertEquals(a * f.get(i, 0), outcome.predictionsMev()[i], 1e-12 * Math.abs(a * f.get(i, 0)),
                    "prediction of " + x.z() + ", " + x.n());
            squares += Math.pow(outcome.predictionsMev()[i] - x.bindingEnergyMev(), 2);
            absoluteTargetErrors += Math.abs(f.get(i, 0) - y);
        }
        double rmsd = Math.sqrt(squares / data.size());
        assertEquals(rmsd, outcome.result().rmsdAll(), 1e-9 * rmsd);
        double mae = absoluteTargetErrors / data.size();
        assertEquals(mae, outcome.result().finalLoss(), 1e-9 * mae, "the loss is on the target, in its unit");
        assertArrayEquals(outcome.predictionsMev(), outcome.model().predictMev(zn, Gemm.blas()), 0,
                "the saved model predicts total B as its run did");
        assertEquals(data.baselineFits(target), outcome.baselines());
        assertEquals(target == Target.BINDING_ENERGY ? "MeV" : "MeV per nucleon", run(target).lossUnit());
    }
}
