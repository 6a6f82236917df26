package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.annft.data.Ame2020Reader;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.DataSetSpec;
import org.annft.data.MassTableLocator;
import org.annft.linalg.Gemm;
import org.annft.theory.GlobalRate;
import org.annft.theory.Initialization;
import org.annft.train.Adam;
import org.annft.train.Loss;
import org.annft.train.PhaseSchedule;
import org.annft.train.Precision;
import org.annft.train.SweepMode;
import org.annft.train.TrainingResult;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * float32 training against float64 on the width-40 full-batch reference protocol: critical ReLU,
 * depth 4, critical learning rates (CICT), MAE on all AME2020 nuclides in GeV (target scale 1000),
 * full batch, {@value #EPOCHS} epochs at raw rates {@value #RATE}: final RMSDs spread over tens of MeV. 16 runs in each precision from independent
 * seeds; the two samples of final RMSDs must not be told apart by the two-sample
 * Kolmogorov-Smirnov test at level 0.01 (exact p-value). The same test must reject a float32
 * training with raw rates a tenth as large, which reaches visibly different RMSDs: the test has
 * the power to see a broken float32 path.
 */
class PrecisionAgreementTest {

    private static final int RUNS = 16;
    private static final int EPOCHS = 150;
    private static final double RATE = 0.1;
    private static final double LEVEL = 0.01;

    @Test
    void float32RmsdDistributionAgreesWithFloat64() {
        Path table = Path.of(System.getenv().getOrDefault("ANNFT_AME2020", MassTableLocator.DEFAULT_LOCATION));
        assumeTrue(Files.isReadable(table), "AME2020 table not installed (data/fetch-ame2020.sh)");
        BindingEnergyDataSet data = BindingEnergyDataSet.build(Ame2020Reader.read(table), DataSetSpec.all());

        double[] float64 = rmsds(data, Precision.FLOAT64, RATE, 0);
        double[] float32 = rmsds(data, Precision.FLOAT32, RATE, 1);
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(float64, float32, true);
        assertTrue(p > LEVEL, "float32 and float64 RMSDs differ: KS p = " + p + "\nfloat64 "
                + java.util.Arrays.toString(float64) + "\nfloat32 " + java.util.Arrays.toString(float32));

        double[] slower = rmsds(data, Precision.FLOAT32, RATE / 10, 1);
        double pSlower = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(float64, slower, true);
        assertTrue(pSlower < LEVEL, "a tenfold smaller rate must be detected: KS p = " + pSlower);
    }

    /** Final RMSDs of {@link #RUNS} runs; {@code seed} picks the master seed, so the samples are independent. */
    private static double[] rmsds(BindingEnergyDataSet data, Precision precision, double rate, long seed) {
        double[] out = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            TrainingProtocol protocol = new TrainingProtocol(TrainingProtocol.DEFAULT, PhaseSchedule.of(EPOCHS, rate, rate),
                    GlobalRate.PRACTICE, new AdamSchedule(Adam.AdamSettings.paper(), AdamRates.fixed(), 1),
                    NoncriticalInit.of(1, 0), 0, precision, Loss.MAE, org.annft.data.Target.BINDING_ENERGY, 1000.0, 1e3, EPOCHS, NtkRecording.none(), false);
            TrainingRun r = new TrainingRun("relu", 40, 4, SweepMode.CICT, protocol, run);
            TrainingResult result = r.execute(data, seed, Gemm.blas()).result();
            assertEquals(TrainingResult.Status.OK, result.status(), precision + " run " + run);
            out[run] = result.rmsdAll();
        }
        return out;
    }
}
