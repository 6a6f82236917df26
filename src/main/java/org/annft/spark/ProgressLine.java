package org.annft.spark;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * A running job's progress on one line of stderr: items (runs, chunks) done out of the total, how
 * many failed, the elapsed time, and the time left, {@code elapsed (1 - f) / f} with {@code f} the
 * finished share of the total cost. On a terminal the line is rewritten in place (carriage return)
 * every second; otherwise a plain line is printed every five seconds while the count changes, at
 * most once a minute while only the finished share grows (by at least 1%: work inside long tasks,
 * which the executors' heartbeats report, {@link InFlightAccumulator}), and once at the end. The
 * counts come from accumulators, which reach the driver as tasks finish, so a daemon thread can read
 * them while the job runs.
 */
public final class ProgressLine {

    private static final long TERMINAL_INTERVAL_MILLIS = 1_000;
    private static final long PLAIN_INTERVAL_MILLIS = 5_000;
    /** Without a count change, a plain line at most this often (and only if the share grew by 1%). */
    private static final long QUIET_NANOS = 60_000_000_000L;

    private final PrintWriter out;
    private final String label;
    private final String items;
    private final String failedWord;
    private final long total;
    private final LongSupplier done;
    private final LongSupplier failed;
    private final DoubleSupplier finishedShare;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long start;
    private long lastPrintedDone = -1;
    private long lastPrintedNanos;
    private double lastPrintedShare;
    private int lastLength;
    private Thread thread;

    /**
     * @param label the job, e.g. {@code sweep}
     * @param items what is counted, e.g. {@code runs}
     * @param failedWord what a failure is called, e.g. {@code diverged}; null when items cannot fail
     * @param finishedShare the finished share of the total cost, in [0, 1]
     * @param terminal whether {@code out} is a terminal (rewrite the line in place)
     * @param nanoClock the clock, {@code System::nanoTime} outside tests
     */
    public ProgressLine(PrintWriter out, String label, String items, String failedWord, long total, LongSupplier done,
                        LongSupplier failed, DoubleSupplier finishedShare, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.label = label;
        this.items = items;
        this.failedWord = failedWord;
        this.total = total;
        this.done = done;
        this.failed = failed;
        this.finishedShare = finishedShare;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastPrintedNanos = start;
    }

    /** True if this process's stderr is taken to be a terminal: the JVM has a console. */
    public static boolean stderrIsTerminal() {
        return System.console() != null;
    }

    /** Starts the daemon thread that prints the line. */
    public void start() {
        thread = new Thread(this::loop, "annft " + label + " progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread and prints the final line (ending it with a newline on a terminal). */
    public void stop() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        finish();
    }

    private void loop() {
        long interval = terminal ? TERMINAL_INTERVAL_MILLIS : PLAIN_INTERVAL_MILLIS;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            tick();
        }
    }

    /** One update: on a terminal the line is redrawn; otherwise printed if the count changed. */
    synchronized void tick() {
        long d = done.getAsLong();
        long now = nanoClock.getAsLong();
        double share = finishedShare.getAsDouble();
        if (terminal) {
            redraw(line());
        } else if (d != lastPrintedDone || (now - lastPrintedNanos >= QUIET_NANOS && share - lastPrintedShare >= 0.01)) {
            out.println(line());
            out.flush();
            lastPrintedNanos = now;
            lastPrintedShare = share;
        }
        lastPrintedDone = d;
    }

    /** The last line, always printed; on a terminal it replaces the line in place and ends it. */
    synchronized void finish() {
        if (terminal) {
            redraw(line());
            out.println();
        } else {
            out.println(line());
        }
        out.flush();
    }

    private void redraw(String text) {
        // Spaces over what is left of a longer previous line.
        out.print('\r' + text + " ".repeat(Math.max(0, lastLength - text.length())));
        out.flush();
        lastLength = text.length();
    }

    /**
     * E.g. {@code sweep: 5/24 runs done, 1 diverged, 0m35s elapsed, about 2m10s left}; the time left
     * only once some work has finished to time the rest by.
     */
    String line() {
        double elapsed = (nanoClock.getAsLong() - start) / 1e9;
        double share = finishedShare.getAsDouble();
        String left = share <= 0 ? "" : ", about " + duration(elapsed / share * (1 - share)) + " left";
        return String.format(Locale.ROOT, "%s: %d/%d %s done, %s%s elapsed%s", label, done.getAsLong(), total,
                items, failedWord == null ? "" : failed.getAsLong() + " " + failedWord + ", ", duration(elapsed), left);
    }

    /** E.g. {@code 2m05s}, {@code 1h07m}. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
