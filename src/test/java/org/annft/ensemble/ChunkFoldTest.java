package org.annft.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChunkFoldTest {

    private static final int LAYERS = 2;
    private static final int K = 3;
    private static final int BINS = 20;
    private static final int CHUNKS = 7;
    private static final int PER_CHUNK = 300;

    /** Samples per chunk, z[l * K + a], with a non-zero mean so that the power-sum expansion is exercised. */
    private static List<List<double[]>> draws() {
        SplittableRandom random = new SplittableRandom(11);
        List<List<double[]>> chunks = new ArrayList<>();
        for (int c = 0; c < CHUNKS; c++) {
            List<double[]> samples = new ArrayList<>();
            for (int s = 0; s < PER_CHUNK; s++) {
                double[] z = new double[LAYERS * K];
                for (int i = 0; i < z.length; i++) {
                    double u = random.nextDouble();
                    // Skewed, heavy-ish: an exponential shifted to mean 0.7 plus a little noise.
                    z[i] = -Math.log(1 - u) - 0.3 + 0.1 * random.nextDouble() * i;
                }
                samples.add(z);
            }
            chunks.add(samples);
        }
        return chunks;
    }

    private static List<ChunkStatistics> statistics(List<List<double[]>> draws) {
        double[] halfRange = new double[LAYERS * K];
        java.util.Arrays.fill(halfRange, 3.0);
        List<ChunkStatistics> out = new ArrayList<>();
        for (int c = 0; c < draws.size(); c++) {
            ChunkStatistics s = new ChunkStatistics(new ChunkTask(0, c, (long) c * PER_CHUNK, PER_CHUNK, c), LAYERS, K,
                    BINS, halfRange, 0);
            for (int i = 0; i < PER_CHUNK; i++) {
                s.add((long) c * PER_CHUNK + i, draws.get(c).get(i));
            }
            out.add(s);
        }
        return out;
    }

    private static ChunkFold fold(List<ChunkStatistics> stats, int[] order, int layer, int input) {
        ChunkFold fold = null;
        for (int c : order) {
            ChunkFold one = ChunkFold.of(stats.get(c), layer, input);
            fold = fold == null ? one : fold.merge(one);
        }
        return fold;
    }

    @Test
    void resultsDoNotDependOnMergeOrderToTheLastBit() {
        List<ChunkStatistics> stats = statistics(draws());
        ChunkFold forward = fold(stats, new int[] {0, 1, 2, 3, 4, 5, 6}, 1, 0);
        // A tree of merges in another order, as a shuffle would give.
        ChunkFold left = fold(stats, new int[] {5, 2, 6}, 1, 0);
        ChunkFold right = fold(stats, new int[] {3, 0, 4, 1}, 1, 0);
        ChunkFold tree = right.merge(left);
        for (int p = 1; p <= ChunkStatistics.POWERS; p++) {
            assertEquals(Double.doubleToRawLongBits(forward.powerSum(p)), Double.doubleToRawLongBits(tree.powerSum(p)));
        }
        for (int p = 2; p <= 8; p++) {
            assertEquals(Double.doubleToRawLongBits(forward.centralMoment(p)),
                    Double.doubleToRawLongBits(tree.centralMoment(p)));
        }
        assertArrayEquals(forward.standardErrors(), tree.standardErrors(), 0.0);
        assertArrayEquals(forward.histogram(), tree.histogram());
        assertEquals(Double.doubleToRawLongBits(forward.crossSum(2)), Double.doubleToRawLongBits(tree.crossSum(2)));
    }

    @Test
    void momentsCountsAndCrossSumsAgreeWithTwoPassComputations() {
        List<List<double[]>> draws = draws();
        List<ChunkStatistics> stats = statistics(draws);
        int layer = 1;
        int a = 0;
        int b = 2;
        ChunkFold fold = fold(stats, new int[] {6, 5, 4, 3, 2, 1, 0}, layer, a);
        List<double[]> all = new ArrayList<>();
        draws.forEach(all::addAll);
        int ia = layer * K + a;
        int ib = layer * K + b;
        double mean = all.stream().mapToDouble(z -> z[ia]).sum() / all.size();
        double meanB = all.stream().mapToDouble(z -> z[ib]).sum() / all.size();
        assertEquals(CHUNKS * PER_CHUNK, fold.samples());
        assertEquals(CHUNKS, fold.chunks());
        assertEquals(mean, fold.mean(), 1e-13 * Math.abs(mean));
        for (int p = 2; p <= 6; p++) {
            final int power = p;
            double twoPass = all.stream().mapToDouble(z -> Math.pow(z[ia] - mean, power)).sum() / all.size();
            assertEquals(twoPass, fold.centralMoment(p), 1e-9 * Math.abs(twoPass), "c" + p);
        }
        double twoPassCross = all.stream().mapToDouble(z -> z[ia] * z[ib]).sum();
        assertEquals(twoPassCross, fold.crossSum(b), 1e-12 * Math.abs(twoPassCross));
        assertEquals(0.0, fold.crossSum(0), 0.0);
        long[] counts = new long[BINS];
        long outside = 0;
        for (double[] z : all) {
            int bin = (int) Math.floor((z[ia] + 3.0) / 6.0 * BINS);
            if (bin >= 0 && bin < BINS) {
                counts[bin]++;
            } else {
                outside++;
            }
        }
        assertArrayEquals(counts, fold.histogram());
        assertEquals(outside, fold.outside());
        // The batches from the raw samples: each chunk cut into BATCHES_PER_CHUNK contiguous sub-batches.
        int per = ChunkStatistics.BATCHES_PER_CHUNK;
        List<double[]> batches = new ArrayList<>();
        double[] totals = new double[9];
        for (List<double[]> chunk : draws) {
            double[][] sums = new double[per][5];
            for (int i = 0; i < chunk.size(); i++) {
                double x = chunk.get(i)[ia];
                double[] sum = sums[i * per / chunk.size()];
                sum[0]++;
                for (int p = 1; p <= 4; p++) {
                    sum[p] += Math.pow(x, p);
                }
                totals[0]++;
                for (int p = 1; p <= 8; p++) {
                    totals[p] += Math.pow(x, p);
                }
            }
            batches.addAll(List.of(sums));
        }
        assertEquals(CHUNKS * per, batches.size());
        assertArrayEquals(BatchMeans.standardErrors(totals, batches.toArray(double[][]::new)), fold.standardErrors(),
                1e-9 * fold.standardErrors()[0]);
    }

    @Test
    void aChunkMergedTwiceIsAnError() {
        List<ChunkStatistics> stats = statistics(draws());
        ChunkFold twice = fold(stats, new int[] {0, 1, 1}, 0, 0);
        assertThrows(IllegalStateException.class, twice::samples);
    }
}
