package org.annft.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.annft.stats.CentralMoments;

/**
 * What one chunk of an ensemble contributes, per layer l and input a (index {@code l * k + a}):
 * the power sums {@code S_p = sum z^p} for p = 1..8 (moments up to the 4th and their standard
 * errors), the cross sums {@code sum z_a z_b} for a &lt; b, histogram counts on fixed ranges, and
 * the first samples when they are kept. Sums are accumulated sample by sample in a fixed order, so
 * a chunk's numbers never depend on where it runs.
 */
public final class ChunkStatistics implements java.io.Serializable {

    /** Highest power summed. */
    public static final int POWERS = 8;
    /**
     * Sub-batches per chunk, the batches of the batch-means standard errors ({@link BatchMeans}): an
     * ensemble of one or two chunks still has enough of them for an honest error.
     */
    public static final int BATCHES_PER_CHUNK = 16;
    /** Numbers kept per sub-batch: its sample count and power sums S_1..S_4. */
    static final int BATCH_SUMS = 5;

    final ChunkTask task;
    final int layers;
    final int k;
    final double[] powerSums;
    /** Per (layer, input) and sub-batch b (index {@code (la * BATCHES_PER_CHUNK + b) * BATCH_SUMS}): n, S_1..S_4. */
    final double[] batchSums;
    final double[] crossSums;
    final long[] histogram;
    final long[] outsideRange;
    final int bins;
    final double[] halfRange;
    final List<double[]> keptSamples = new ArrayList<>();
    /**
     * With the NTK measured: per layer l (0-based) and input pair a &lt;= b the NTK's moments, index
     * {@code l * k(k+1)/2 + pair(a, b)}; null otherwise.
     */
    CentralMoments[] ntk;
    /** Standard-normal draws the chunk took (for throughput figures). */
    long gaussians;
    private final long keepBelow;

    /**
     * @param halfRange per (layer, input): histogram range is {@code [-halfRange, halfRange]}
     * @param keepSamples global sample indices below this are kept
     */
    ChunkStatistics(ChunkTask task, int layers, int k, int bins, double[] halfRange, long keepSamples) {
        this.task = task;
        this.layers = layers;
        this.k = k;
        this.bins = bins;
        this.halfRange = halfRange;
        this.powerSums = new double[layers * k * POWERS];
        this.batchSums = new double[layers * k * BATCHES_PER_CHUNK * BATCH_SUMS];
        this.crossSums = new double[layers * k * k];
        this.histogram = new long[layers * k * bins];
        this.outsideRange = new long[layers * k];
        this.keepBelow = keepSamples;
    }

    /**
     * Adds one sample: {@code z[l * k + a]}. Sample i of the chunk's n belongs to sub-batch
     * {@code floor(i B / n)} (contiguous sub-batches of sizes that differ by at most one).
     */
    void add(long globalSampleIndex, double[] z) {
        long local = globalSampleIndex - task.firstSample();
        int batch = (int) (local * BATCHES_PER_CHUNK / Math.max(1, task.samples()));
        for (int la = 0; la < layers * k; la++) {
            double x = z[la];
            double p = x;
            int base = la * POWERS;
            int batchBase = (la * BATCHES_PER_CHUNK + batch) * BATCH_SUMS;
            batchSums[batchBase] += 1;
            // x^1 .. x^4 go to the sub-batch too, x^5 .. x^8 to the chunk only: no branch per power.
            int q = 0;
            for (; q < BATCH_SUMS - 1; q++) {
                powerSums[base + q] += p;
                batchSums[batchBase + 1 + q] += p;
                p *= x;
            }
            for (; q < POWERS; q++) {
                powerSums[base + q] += p;
                p *= x;
            }
            double h = halfRange[la];
            int bin = (int) Math.floor((x + h) / (2 * h) * bins);
            if (bin >= 0 && bin < bins) {
                histogram[la * bins + bin]++;
            } else {
                outsideRange[la]++;
            }
        }
        if (k > 1) {
            for (int l = 0; l < layers; l++) {
                int row = l * k;
                for (int a = 0; a < k; a++) {
                    for (int b = a + 1; b < k; b++) {
                        crossSums[(l * k + a) * k + b] += z[row + a] * z[row + b];
                    }
                }
            }
        }
        if (globalSampleIndex < keepBelow) {
            keptSamples.add(z.clone());
        }
    }

    /** Input pairs a &lt;= b of k inputs. */
    static int pairs(int k) {
        return k * (k + 1) / 2;
    }

    /** Index of the pair a &lt;= b among {@link #pairs}: (0,0), (0,1), .., (0,k-1), (1,1), ... */
    static int pair(int a, int b, int k) {
        return a * k - a * (a - 1) / 2 + (b - a);
    }

    /** Runs a chunk task: draws its samples and accumulates them (and their NTKs when {@code ntk} is not null). */
    static ChunkStatistics run(ChunkTask task, EnsembleConfiguration c, int bins, double[] halfRange, long keepSamples,
                               NtkSettings ntk) {
        ChunkStatistics stats = new ChunkStatistics(task, c.layers(), c.inputCount(), bins, halfRange, keepSamples);
        int k = c.inputCount();
        WeightSpaceSampler ntkSampler = ntk == null ? null : new WeightSpaceSampler(c, ntk.tensor(c));
        EnsembleSampler sampler = ntkSampler != null ? ntkSampler : c.newSampler();
        double[] kernels = null;
        if (ntkSampler != null) {
            stats.ntk = new CentralMoments[c.layers() * pairs(k)];
            for (int i = 0; i < stats.ntk.length; i++) {
                stats.ntk[i] = new CentralMoments(4);
            }
            kernels = new double[c.layers() * k * k];
        }
        org.apache.commons.rng.UniformRandomProvider rng =
                org.apache.commons.rng.simple.RandomSource.XO_SHI_RO_256_PP.create(task.seed());
        double[] z = new double[c.layers() * k];
        for (int s = 0; s < task.samples(); s++) {
            sampler.sample(rng, z);
            stats.add(task.firstSample() + s, z);
            if (ntkSampler != null) {
                ntkSampler.ntk(kernels);
                for (int l = 0; l < c.layers(); l++) {
                    for (int a = 0; a < k; a++) {
                        for (int b = a; b < k; b++) {
                            stats.ntk[l * pairs(k) + pair(a, b, k)].add(kernels[(l * k + a) * k + b]);
                        }
                    }
                }
            }
        }
        stats.gaussians = sampler.gaussiansPerSample() * task.samples();
        return stats;
    }

    /** Power sum {@code sum z^p} at layer index l (0-based) and input a. */
    public double powerSum(int layer, int input, int power) {
        return powerSums[(layer * k + input) * POWERS + power - 1];
    }
}
