package org.annft.linalg;

/**
 * The memory bandwidth one thread reaches, measured as STREAM's triad does (McCalpin, STREAM:
 * Sustainable Memory Bandwidth in High Performance Computers): {@code a[i] = b[i] + q c[i]} over
 * three double arrays too large for the caches, fastest of repeated passes. Counted as STREAM
 * counts: 24 bytes per element (two 8-byte reads, one 8-byte write); the read a write-allocate
 * cache does before writing {@code a} is not counted, as the training's byte count does not count
 * it either.
 */
final class StreamTriad {

    private final double[] a;
    private final double[] b;
    private final double[] c;

    /** Three arrays of {@code elements} doubles each, initialized (so their pages are mapped). */
    StreamTriad(int elements) {
        a = new double[elements];
        b = new double[elements];
        c = new double[elements];
        java.util.Arrays.fill(a, 1.0);
        java.util.Arrays.fill(b, 2.0);
        java.util.Arrays.fill(c, 0.5);
    }

    /**
     * Elements per array for STREAM's rule, the three arrays together at least four times the
     * last-level cache (and at least 4 Mi elements, 96 MiB, when the cache is unknown), at most a
     * twelfth of the heap each.
     */
    static int elementsFor(long lastLevelCacheBytes) {
        long wanted = Math.max(4L << 20, 4 * lastLevelCacheBytes / 24 + 1);
        return (int) Math.min(wanted, Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 96));
    }

    /** One triad pass. */
    void pass() {
        double q = 3.0;
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + q * c[i];
        }
    }

    /** Bytes per second of the fastest pass (24 bytes per element). */
    double bytesPerSecond(double minimumSeconds) {
        return 24.0 * a.length / FastestCall.seconds(this::pass, minimumSeconds);
    }
}
