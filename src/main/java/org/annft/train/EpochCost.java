package org.annft.train;

import java.util.Locale;
import org.annft.linalg.CoreLimits;
import org.annft.nn.MlpArchitecture;

/**
 * The work of one training epoch that bounds its time from below: the matrix products' flops and
 * the bytes moved to and from memory, and the times these take at a core's limits
 * ({@link CoreLimits}: the 1000^3 gemm rate, the STREAM triad bandwidth). The epoch cannot be
 * faster than the larger of the two (the binding limit); the rest of an epoch (bias, activation,
 * loss, gathering the batch) is counted in neither.
 *
 * <p>Layer {@code l = 1 .. l_out} maps {@code n_{l-1}} to {@code n_l} units through
 * {@code W^(l)} ({@code n_l x n_{l-1}}); an epoch runs {@code S} samples in
 * {@code N_b = ceil(S / B)} batches of {@code B} rows; {@code s} bytes per element (8 float64, 4
 * float32); {@code P = sum_l n_l n_{l-1}} weights, {@code P_2 = sum_{l >= 2} n_l n_{l-1}}.
 *
 * <p>Flops, per batch and layer the forward product {@code Z = A W^T}, the weight gradient
 * {@code Delta^T A} and, for {@code l >= 2}, the backward product {@code Delta W}, each
 * {@code 2 rows n_l n_{l-1}}, summed over batches (rows add up to S):
 * <pre>  F = 2 S (2 P + P_2)</pre>
 *
 * <p>Bytes: passes over each operand, counted as STREAM counts (a read or a write of an element
 * is {@code s} bytes; no write-allocate read). Per batch, layer l:
 * <ul>
 *   <li>SGD ({@code W -= eta Delta^T A}, one product into W): forward reads W, backward reads W
 *       ({@code l >= 2}), the update reads and writes W: {@code p_l = 3 + [l >= 2]} passes over W;</li>
 *   <li>Adam: forward and backward as SGD, the gradient product writes g, the update reads W, g,
 *       m, v and writes W, m, v: {@code p_l = 9 + [l >= 2]} passes of W's size;</li>
 *   <li>every product also reads or writes its two batch operands, {@code rows (n_l + n_{l-1})}
 *       elements, in {@code g_l = 2 + [l >= 2]} products.</li>
 * </ul>
 * Cache assumption: the training's working set is its parameter state, {@code k P} elements
 * ({@code k = 1} for SGD, 4 for Adam: W, g, m, v), and one batch's activations, derivatives and
 * error signals, {@code 3 B sum_{l=0}^{l_out} n_l} elements. If it is larger than the cache given
 * (a core's share of the last-level cache, {@link org.annft.linalg.LastLevelCache#sharePerCore}),
 * each batch evicts what the next needs (as a cyclic sweep over more than an LRU cache holds), so
 * every pass is memory traffic:
 * <pre>  bytes = s (N_b sum_l p_l n_l n_{l-1} + S sum_l g_l (n_l + n_{l-1}))</pre>
 * otherwise the parameter state is read and written once per epoch and the batches stay in cache:
 * <pre>  bytes = 2 k P s</pre>
 *
 * @param precision the training's precision (which gemm rate limits it)
 * @param flops     F
 * @param bytes     bytes moved to and from memory
 * @param workingSetBytes the parameter state and one batch's activations, in bytes
 * @param streamed  whether the working set exceeds the cache (every pass counted)
 */
public record EpochCost(Precision precision, double flops, double bytes, double workingSetBytes, boolean streamed) {

    /**
     * The epoch of {@code architecture} over {@code samples} rows in batches of {@code batchSize}
     * (the last one smaller) with {@code optimizer}, given {@code cacheBytes} of cache.
     */
    public static EpochCost of(MlpArchitecture architecture, int samples, int batchSize, OptimizerKind optimizer,
            Precision precision, long cacheBytes) {
        if (samples < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epoch of " + samples + " samples in batches of " + batchSize);
        }
        int rows = Math.min(batchSize, samples);
        double batches = Math.ceil((double) samples / rows);
        double elementBytes = precision == Precision.FLOAT32 ? 4 : 8;
        boolean adam = optimizer == OptimizerKind.ADAM;
        double flops = 0;
        double weightPasses = 0;
        double batchOperands = 0;
        double weights = 0;
        double units = 0;
        for (int l = 1; l <= architecture.outputLayer(); l++) {
            double size = (double) architecture.width(l) * architecture.width(l - 1);
            int backward = l >= 2 ? 1 : 0;
            weights += size;
            flops += 2.0 * samples * size * (2 + backward);
            weightPasses += ((adam ? 9 : 3) + backward) * size;
            batchOperands += (2 + backward) * (double) samples * (architecture.width(l) + architecture.width(l - 1));
            units += architecture.width(l - 1);
        }
        units += architecture.outputWidth();
        int state = adam ? 4 : 1;
        double workingSet = elementBytes * (state * weights + 3.0 * rows * units);
        boolean streamed = workingSet > cacheBytes;
        double bytes = streamed ? elementBytes * (batches * weightPasses + batchOperands) : 2.0 * state * weights * elementBytes;
        return new EpochCost(precision, flops, bytes, workingSet, streamed);
    }

    /** The epoch's products at the gemm rate of its precision. */
    public double gemmSeconds(CoreLimits limits) {
        return flops / (precision == Precision.FLOAT32 ? limits.sgemmFlopsPerSecond() : limits.dgemmFlopsPerSecond());
    }

    /** The epoch's bytes at the memory bandwidth. */
    public double bandwidthSeconds(CoreLimits limits) {
        return bytes / limits.bytesPerSecond();
    }

    /** The larger of the two limits: no epoch is faster. */
    public double boundSeconds(CoreLimits limits) {
        return Math.max(gemmSeconds(limits), bandwidthSeconds(limits));
    }

    /**
     * e.g. {@code 1.71e+11 FLOP, 2.87e+10 B per epoch (working set 64.8 MiB, above the cache: every
     * pass from memory); gemm limit 3.22 s, bandwidth limit 1.56 s; measured 6.42 s, 1.99x the gemm
     * limit}.
     */
    public String against(CoreLimits limits, double measuredSeconds) {
        double gemm = gemmSeconds(limits);
        double bandwidth = bandwidthSeconds(limits);
        return String.format(Locale.ROOT, "%.3g FLOP, %.3g B per epoch (working set %.3g MiB, %s); gemm limit %s, "
                + "bandwidth limit %s; measured %s, %.2fx the %s limit", flops, bytes, workingSetBytes / 1048576,
                streamed ? "above the cache: every pass from memory" : "in cache: state moved once",
                seconds(gemm), seconds(bandwidth), seconds(measuredSeconds),
                measuredSeconds / Math.max(gemm, bandwidth), gemm >= bandwidth ? "gemm" : "bandwidth");
    }

    private static String seconds(double s) {
        return s >= 1 ? String.format(Locale.ROOT, "%.2f s", s) : s >= 1e-3 ? String.format(Locale.ROOT, "%.3g ms", s * 1e3)
                : String.format(Locale.ROOT, "%.3g us", s * 1e6);
    }
}
