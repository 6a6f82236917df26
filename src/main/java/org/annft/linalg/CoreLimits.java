package org.annft.linalg;

import java.util.Locale;

/**
 * What one core can do at most, measured on this machine: the BLAS's {@code dgemm} and
 * {@code sgemm} rates on {@value #GEMM_SIZE}^3 products (the arithmetic limit of a training's
 * matrix products) and the memory bandwidth of STREAM's triad ({@link StreamTriad}, the limit of
 * the bytes it moves), each the fastest of repeated calls on the calling thread, with the BLAS's
 * thread count as set ({@code OPENBLAS_NUM_THREADS=1} in {@code jobs/annft}); and the last-level
 * cache that decides which bytes come from memory.
 *
 * @param dgemmFlopsPerSecond float64 products
 * @param sgemmFlopsPerSecond float32 products
 * @param bytesPerSecond      STREAM triad bandwidth
 * @param cache               the last-level cache
 */
public record CoreLimits(double dgemmFlopsPerSecond, double sgemmFlopsPerSecond, double bytesPerSecond,
        LastLevelCache cache) {

    /** The side of the square products timed. */
    public static final int GEMM_SIZE = 1000;

    /**
     * Measures the three rates, each for {@code minimumSeconds} after half that of warm-up (about
     * {@code 4.5 minimumSeconds} in all, and the triad's arrays filled once).
     */
    public static CoreLimits measure(double minimumSeconds) {
        LastLevelCache cache = LastLevelCache.ofThisMachine();
        double dgemm = squareFlops() / FastestCall.seconds(SquareProduct.of(Gemm.blas(), GEMM_SIZE), minimumSeconds);
        double sgemm = squareFlops() / FastestCall.seconds(FloatSquareProduct.of(FloatGemm.blas(), GEMM_SIZE),
                minimumSeconds);
        double bandwidth = new StreamTriad(StreamTriad.elementsFor(cache.bytes())).bytesPerSecond(minimumSeconds);
        return new CoreLimits(dgemm, sgemm, bandwidth, cache);
    }

    /** Each rate the better of this and {@code other}'s: the limit the machine showed when least disturbed. */
    public CoreLimits best(CoreLimits other) {
        return new CoreLimits(Math.max(dgemmFlopsPerSecond, other.dgemmFlopsPerSecond),
                Math.max(sgemmFlopsPerSecond, other.sgemmFlopsPerSecond), Math.max(bytesPerSecond, other.bytesPerSecond),
                cache);
    }

    /** e.g. {@code dgemm 53.2 GFLOP/s, sgemm 101.9 GFLOP/s (1000^3), STREAM triad 18.4 GB/s, last-level cache 32 MiB shared by 2 CPUs}. */
    public String describe() {
        return String.format(Locale.ROOT, "dgemm %.1f GFLOP/s, sgemm %.1f GFLOP/s (%d^3), STREAM triad %.1f GB/s, "
                + "last-level cache %s", dgemmFlopsPerSecond * 1e-9, sgemmFlopsPerSecond * 1e-9, GEMM_SIZE,
                bytesPerSecond * 1e-9, cache.bytes() == 0 ? "unknown"
                        : String.format(Locale.ROOT, "%.4g MiB shared by %d CPUs", cache.bytes() / 1048576.0, cache.sharingCpus()));
    }

    private static double squareFlops() {
        return 2.0 * GEMM_SIZE * GEMM_SIZE * (double) GEMM_SIZE;
    }
}
