package org.annft.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.annft.config.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reported standard errors of the excess kurtosis and of V/n against the scatter of the
 * estimates over independent reruns (different seeds) of critical ReLU ensembles, heavy-tailed at
 * width 10 and nearly Gaussian at 240. Each rerun is folded from its chunks as the job folds them
 * ({@link ChunkFold}: batch means over the chunks' sub-batches), from 20 chunks down to the 2 chunks
 * of a 20,000-sample ensemble at the default chunk size; the reported error is compared as its root
 * mean square over the reruns (the mean of the variance estimates is what estimates the variance),
 * within 0.7-1.4 of the reruns' standard deviation.
 */
class BatchMeansTest {

    private static final int RERUNS = 40;

    @ParameterizedTest(name = "n = {0}, L = {1}, {2} chunks of {3}")
    @CsvSource({"10, 3, 20, 1000", "10, 8, 20, 5000", "240, 3, 20, 500", "10, 6, 2, 10000", "10, 6, 1, 20000"})
    void reportedErrorsMatchTheScatterOfReruns(int width, int hiddenLayers, int chunkCount, int chunkSize) {
        EnsembleConfiguration c = new EnsembleConfiguration(0, "relu", 2.0, 0.0, width, hiddenLayers,
                new double[][] {{0.22, 0.17}}, SamplerKind.FUNCTION);
        int output = hiddenLayers;
        double[] halfRange = new double[c.layers()];
        java.util.Arrays.fill(halfRange, 1.0);
        double[] kurtosis = new double[RERUNS];
        double[] vOverN = new double[RERUNS];
        double kurtosisVariance = 0;
        double vOverNVariance = 0;
        for (int rerun = 0; rerun < RERUNS; rerun++) {
            ChunkFold fold = null;
            for (int chunk = 0; chunk < chunkCount; chunk++) {
                ChunkTask task = new ChunkTask(0, chunk, (long) chunk * chunkSize, chunkSize,
                        Seeds.derive(1000 + rerun, "batch-means", chunk));
                ChunkFold part = ChunkFold.of(ChunkStatistics.run(task, c, 1, halfRange, 0, null), output, 0);
                fold = fold == null ? part : fold.merge(part);
            }
            // The estimates as the job reports them, from the pooled sums (an independent two-term formula).
            double n = fold.samples();
            double mean = fold.powerSum(1) / n;
            double c2 = fold.powerSum(2) / n - mean * mean;
            double c4 = fold.powerSum(4) / n - 4 * mean * fold.powerSum(3) / n + 6 * mean * mean * fold.powerSum(2) / n
                    - 3 * Math.pow(mean, 4);
            kurtosis[rerun] = c4 / (c2 * c2) - 3;
            vOverN[rerun] = (c4 - 3 * c2 * c2) / 3;
            double[] errors = fold.standardErrors();
            vOverNVariance += errors[0] * errors[0] / RERUNS;
            kurtosisVariance += errors[1] * errors[1] / RERUNS;
        }
        String report = String.format(Locale.ROOT,
                "n = %d, L = %d, " + chunkCount + " chunks: excess kurtosis %.3f, reported SE %.4g, scatter %.4g; V/n %.4g, SE %.4g, scatter %.4g",
                width, hiddenLayers, mean(kurtosis), Math.sqrt(kurtosisVariance), std(kurtosis), mean(vOverN),
                Math.sqrt(vOverNVariance), std(vOverN));
        System.out.println(report);
        assertRatio(Math.sqrt(kurtosisVariance) / std(kurtosis), "kurtosis, " + report);
        assertRatio(Math.sqrt(vOverNVariance) / std(vOverN), "V/n, " + report);
    }

    private static void assertRatio(double ratio, String what) {
        assertTrue(ratio >= 0.7 && ratio <= 1.4, "reported SE / scatter = " + ratio + " outside 0.7-1.4: " + what);
    }

    /** Below MIN_BATCHES chunks the larger of batch means and delta method; one chunk, the delta method. */
    @Test
    void fewChunksFallBackToTheDeltaMethod() {
        // sum n_c u_c^2 = 200 over 2 chunks of 100: SE = sqrt(200 / (1 * 200)) = 1.
        assertEquals(1.0, BatchMeans.combine(200, 200, 2, 0.5), 1e-15);
        assertEquals(2.0, BatchMeans.combine(200, 200, 2, 2.0), 1e-15);
        assertEquals(0.7, BatchMeans.combine(200, 200, 1, 0.7), 1e-15);
        // From MIN_BATCHES chunks on, the batch means alone: sqrt(900 / (9 * 1000)).
        assertEquals(Math.sqrt(0.1), BatchMeans.combine(900, 1000, 10, 5.0), 1e-15);
    }

    /** Batches of one constant value: V/n and its error are 0, the kurtosis error undefined (NaN). */
    @Test
    void constantSamplesHaveNoErrorAndNoKurtosis() {
        double[][] batches = new double[12][5];
        double[] total = new double[9];
        for (double[] batch : batches) {
            batch[0] = 50;
            for (int p = 1; p <= 4; p++) {
                batch[p] = 50 * Math.pow(0.5, p);
            }
        }
        total[0] = 600;
        for (int p = 1; p <= 8; p++) {
            total[p] = 600 * Math.pow(0.5, p);
        }
        double[] errors = BatchMeans.standardErrors(total, batches);
        assertEquals(0.0, errors[0], 1e-15);
        assertTrue(Double.isNaN(errors[1]));
    }

    /** Sub-batches are contiguous, their sizes differ by at most one and add up to the chunk. */
    @Test
    void aChunkIsCutIntoItsSubBatches() {
        EnsembleConfiguration c = new EnsembleConfiguration(0, "relu", 2.0, 0.0, 4, 1, new double[][] {{0.2, 0.3}},
                SamplerKind.FUNCTION);
        ChunkStatistics s = ChunkStatistics.run(new ChunkTask(0, 3, 70, 37, 5), c, 1, new double[] {1, 1}, 0, null);
        int b = ChunkStatistics.BATCHES_PER_CHUNK;
        double n = 0;
        double s1 = 0;
        for (int i = 0; i < b; i++) {
            double size = s.batchSums[(1 * b + i) * ChunkStatistics.BATCH_SUMS];
            assertTrue(size == 2 || size == 3, "sub-batch " + i + " of 37 samples: " + size);
            n += size;
            s1 += s.batchSums[(1 * b + i) * ChunkStatistics.BATCH_SUMS + 1];
        }
        assertEquals(37, n);
        assertEquals(s.powerSum(1, 0, 1), s1, 1e-12 * Math.abs(s1) + 1e-300);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double std(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}
