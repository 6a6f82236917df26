package org.annft.linalg;

/**
 * The least disturbed time of a call: the fastest of repeated calls, so that other load on a shared
 * machine inflates a measurement as little as it can.
 */
public final class FastestCall {

    private FastestCall() {
    }

    /**
     * Seconds of the fastest of at least three calls repeated for {@code minimumSeconds}, after
     * warm-up calls for half that time (so that the just-in-time compiler has compiled the loops).
     */
    public static double seconds(Runnable call, double minimumSeconds) {
        long warm = System.nanoTime() + (long) (minimumSeconds * 0.5e9);
        do {
            call.run();
        } while (System.nanoTime() < warm);
        double best = Double.POSITIVE_INFINITY;
        int calls = 0;
        long end = System.nanoTime() + (long) (minimumSeconds * 1e9);
        while (calls < 3 || System.nanoTime() < end) {
            long start = System.nanoTime();
            call.run();
            best = Math.min(best, (System.nanoTime() - start) * 1e-9);
            calls++;
        }
        return best;
    }
}
