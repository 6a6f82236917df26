package org.annft.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import org.apache.spark.util.LongAccumulator;

/**
 * Prints the progress of a running sweep on stderr every few seconds while it changes: runs done
 * out of the total, runs diverged so far, elapsed time and the time left, estimated from the share
 * of the total cost (epochs times multiply-adds per sample) finished so far.
 * Accumulators reach the driver as tasks finish, so a daemon thread can read them while the job runs.
 */
final class ProgressReporter {

    private static final long INTERVAL_MILLIS = 5_000;

    private final PrintWriter out;
    private final int total;
    private final LongAccumulator finished;
    private final LongAccumulator diverged;
    private final double totalCost;
    private final org.apache.spark.util.DoubleAccumulator costDone;
    private final long start = System.nanoTime();
    private Thread thread;

    ProgressReporter(PrintWriter out, int total, double totalCost, LongAccumulator finished, LongAccumulator diverged,
                     org.apache.spark.util.DoubleAccumulator costDone) {
        this.out = out;
        this.total = total;
        this.totalCost = totalCost;
        this.finished = finished;
        this.diverged = diverged;
        this.costDone = costDone;
    }

    void start() {
        thread = new Thread(this::loop, "annft sweep progress");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        report();
    }

    private void loop() {
        long last = -1;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long done = finished.value();
            if (done != last) {
                report();
                last = done;
            }
        }
    }

    private synchronized void report() {
        long done = finished.value();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double costFinished = costDone.value();
        String left = costFinished <= 0 ? "unknown" : duration(elapsed / costFinished * (totalCost - costFinished));
        out.printf(Locale.ROOT, "sweep: %d/%d runs done, %d diverged, %s elapsed, about %s left%n", done, total,
                diverged.value(), duration(elapsed), left);
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
