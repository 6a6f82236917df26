package org.annft.ensemble;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.annft.stats.CentralMoments;

/**
 * The chunks of one (configuration, layer, input a) of an ensemble, merged in any order and
 * folded in chunk order: a mergeable accumulator whose results do not depend on how the chunks
 * were partitioned or merged. Each chunk c contributes its sample count {@code n_c}, the power sums
 * {@code s_p,c = sum z^p} (p = 1..8), the samples outside the histogram range, the histogram counts
 * and the cross sums {@code sum z_a z_b} with every later input b. Totals are left folds from zero
 * in chunk order, {@code S = (((0 + s_0) + s_1) + ...)}; counts are exact.
 *
 * <p>Moments: the folded power sums' moments about their mean ({@link CentralMoments#momentAbout}); the standard errors of V/n and of the excess
 * kurtosis come from the scatter of the chunks' sub-batches ({@link BatchMeans}).
 */
public final class ChunkFold implements Serializable {

    /** One chunk's contribution; plain fields, so that Kryo moves it through a shuffle. */
    static final class Part implements Serializable {
        int chunk;
        long samples;
        long outside;
        double[] powerSums;
        /** Per sub-batch: n, S_1..S_4 ({@link ChunkStatistics#BATCHES_PER_CHUNK} of them). */
        double[] batchSums;
        long[] histogram;
        double[] crossSums;

        Part() {
        }
    }

    private static final int P = ChunkStatistics.POWERS;

    private final ArrayList<Part> parts = new ArrayList<>();
    private boolean sorted;

    private ChunkFold() {
    }

    /** The contribution of chunk {@code s} at layer index {@code layer} (0-based) and input {@code input}. */
    public static ChunkFold of(ChunkStatistics s, int layer, int input) {
        Part part = new Part();
        int la = layer * s.k + input;
        part.chunk = s.task.chunk();
        part.samples = s.task.samples();
        part.outside = s.outsideRange[la];
        part.powerSums = new double[P];
        System.arraycopy(s.powerSums, la * P, part.powerSums, 0, P);
        int batchValues = ChunkStatistics.BATCHES_PER_CHUNK * ChunkStatistics.BATCH_SUMS;
        part.batchSums = new double[batchValues];
        System.arraycopy(s.batchSums, la * batchValues, part.batchSums, 0, batchValues);
        part.histogram = new long[s.bins];
        System.arraycopy(s.histogram, la * s.bins, part.histogram, 0, s.bins);
        part.crossSums = new double[s.k];
        for (int b = input + 1; b < s.k; b++) {
            part.crossSums[b] = s.crossSums[la * s.k + b];
        }
        ChunkFold fold = new ChunkFold();
        fold.parts.add(part);
        return fold;
    }

    /** Adds the chunks of {@code other} (disjoint from this one's) to this fold and returns it. */
    public ChunkFold merge(ChunkFold other) {
        parts.addAll(other.parts);
        sorted = false;
        return this;
    }

    private List<Part> inOrder() {
        if (!sorted) {
            parts.sort(Comparator.comparingInt(p -> p.chunk));
            for (int i = 1; i < parts.size(); i++) {
                if (parts.get(i).chunk == parts.get(i - 1).chunk) {
                    throw new IllegalStateException("chunk " + parts.get(i).chunk + " merged twice");
                }
            }
            sorted = true;
        }
        return parts;
    }

    /** Number of chunks. */
    public int chunks() {
        return parts.size();
    }

    /** {@code N = sum n_c}. */
    public long samples() {
        long n = 0;
        for (Part p : inOrder()) {
            n += p.samples;
        }
        return n;
    }

    /** Samples outside the histogram range. */
    public long outside() {
        long n = 0;
        for (Part p : inOrder()) {
            n += p.outside;
        }
        return n;
    }

    /** {@code S_p}, folded in chunk order (p = 1..8). */
    public double powerSum(int power) {
        double s = 0;
        for (Part p : inOrder()) {
            s = s + p.powerSums[power - 1];
        }
        return s;
    }

    /** Histogram counts per bin, summed over the chunks. */
    public long[] histogram() {
        long[] h = null;
        for (Part p : inOrder()) {
            if (h == null) {
                h = p.histogram.clone();
            } else {
                for (int b = 0; b < h.length; b++) {
                    h[b] += p.histogram[b];
                }
            }
        }
        return h;
    }

    /** {@code sum z_a z_b} over every sample, for an input {@code b} after this fold's input, folded in chunk order. */
    public double crossSum(int b) {
        double s = 0;
        for (Part p : inOrder()) {
            s = s + p.crossSums[b];
        }
        return s;
    }

    /** The mean {@code m = S_1 / N}. */
    public double mean() {
        return powerSum(1) / samples();
    }

    /** The central moment {@code c_p}, p = 2..8: the folded power sums' moment about their mean ({@link CentralMoments#momentAbout}). */
    public double centralMoment(int p) {
        double[] sums = new double[P];
        for (int q = 1; q <= P; q++) {
            sums[q - 1] = powerSum(q);
        }
        long n = samples();
        return CentralMoments.momentAbout(n, sums, sums[0] / n, p);
    }

    /**
     * {V/n SE, kappa SE} by batch means over the chunks' sub-batches, in chunk order
     * ({@link BatchMeans}), about the pooled moments of the folded power sums.
     */
    public double[] standardErrors() {
        double[] totals = new double[P + 1];
        totals[0] = samples();
        for (int p = 1; p <= P; p++) {
            totals[p] = powerSum(p);
        }
        List<double[]> batches = new ArrayList<>();
        int width = ChunkStatistics.BATCH_SUMS;
        for (Part part : inOrder()) {
            for (int b = 0; b < ChunkStatistics.BATCHES_PER_CHUNK; b++) {
                if (part.batchSums[b * width] > 0) {
                    batches.add(java.util.Arrays.copyOfRange(part.batchSums, b * width, (b + 1) * width));
                }
            }
        }
        return BatchMeans.standardErrors(totals, batches.toArray(double[][]::new));
    }
}
