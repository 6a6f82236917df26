package org.annft.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.annft.stats.CentralMoments;
import org.annft.theory.DepthRecursion;
import org.annft.theory.GlobalRate;
import org.annft.theory.LayerKernelMatrix;
import org.annft.train.TrainingMode;
import org.junit.jupiter.api.Test;

/** The empirical NTK over initialization ensembles against the infinite-width theory and the 1/n law of its fluctuations. */
class NtkEnsembleTest {

    private static final double[][] INPUTS = {{0.5, -0.3}, {0.1, 0.8}};

    /** The NTK moments of every (layer, pair) from one chunk of {@code samples} networks. */
    private static CentralMoments[] ensemble(String activation, double cW, int width, int hiddenLayers, int samples,
                                             NtkSettings ntk, long seed) {
        EnsembleConfiguration c = new EnsembleConfiguration(0, activation, cW, 0.0, width, hiddenLayers, INPUTS,
                SamplerKind.WEIGHT);
        ChunkStatistics s = ChunkStatistics.run(new ChunkTask(0, 0, 0, samples, seed), c, 10,
                new double[c.layers() * INPUTS.length], 0, ntk);
        return s.ntk;
    }

    private static CentralMoments at(CentralMoments[] ntk, int layer, int a, int b) {
        return ntk[(layer - 1) * ChunkStatistics.pairs(INPUTS.length) + ChunkStatistics.pair(a, b, INPUTS.length)];
    }

    /**
     * Width 256, ReLU and tanh at criticality, critical and global rates: the ensemble mean of every
     * layer's NTK is the infinite-width Theta^(l)_ab within 4 standard errors (the O(1/n) correction
     * is below one here), and the first layer's NTK, lambda_b + lambda_W x_a.x_b / n0, is the same
     * for every network.
     */
    @Test
    void ensembleMeansAreTheInfiniteWidthKernel() {
        for (Object[] point : new Object[][] {{"relu", 2.0, TrainingMode.CRITICAL}, {"tanh", 1.0, TrainingMode.GLOBAL}}) {
            NtkSettings ntk = new NtkSettings((TrainingMode) point[2], GlobalRate.PRACTICE);
            EnsembleConfiguration c = new EnsembleConfiguration(0, (String) point[0], (double) point[1], 0.0, 256, 3,
                    INPUTS, SamplerKind.WEIGHT);
            List<LayerKernelMatrix> theory = DepthRecursion.kernelMatrices(c.network().theory(), INPUTS, ntk.tensor(c));
            CentralMoments[] measured = ensemble((String) point[0], (double) point[1], 256, 3, 1000, ntk, 5);
            for (int l = 1; l <= 4; l++) {
                for (int a = 0; a < 2; a++) {
                    for (int b = a; b < 2; b++) {
                        CentralMoments m = at(measured, l, a, b);
                        double expected = theory.get(l - 1).ntk(a, b);
                        String where = point[0] + " layer " + l + " pair " + a + b + ": " + m.mean() + " +- "
                                + m.meanStandardError() + " vs " + expected;
                        if (l == 1) {
                            assertEquals(0.0, m.variance(), 0, where);
                            assertEquals(expected, m.mean(), 1e-14 * Math.abs(expected), where);
                        } else {
                            assertTrue(Math.abs(m.mean() - expected) < 4 * m.meanStandardError(), where);
                        }
                    }
                }
            }
        }
    }

    /**
     * The NTK's relative variance var/mean^2 at fixed depth is O(1/n): doubling the width from 32 to
     * 64 halves it, within 4 standard errors of the ratio, at every layer past the first.
     */
    @Test
    void relativeVarianceHalvesWhenTheWidthDoubles() {
        NtkSettings ntk = new NtkSettings(TrainingMode.CRITICAL, GlobalRate.PRACTICE);
        CentralMoments[] narrow = ensemble("relu", 2.0, 32, 3, 4000, ntk, 7);
        CentralMoments[] wide = ensemble("relu", 2.0, 64, 3, 4000, ntk, 8);
        for (int l = 2; l <= 4; l++) {
            double[] n = relativeVariance(at(narrow, l, 0, 1));
            double[] w = relativeVariance(at(wide, l, 0, 1));
            double ratio = n[0] / w[0];
            double se = ratio * Math.hypot(n[1] / n[0], w[1] / w[0]);
            assertTrue(Math.abs(ratio - 2) < 4 * se, "layer " + l + ": ratio " + ratio + " +- " + se);
        }
    }

    /** {var/mean^2, its standard error}. */
    private static double[] relativeVariance(CentralMoments m) {
        double mean = m.mean();
        double v = m.variance();
        return new double[] {v / (mean * mean), Math.hypot(m.varianceStandardError() / (mean * mean),
                2 * v * m.meanStandardError() / Math.abs(mean * mean * mean))};
    }
}
