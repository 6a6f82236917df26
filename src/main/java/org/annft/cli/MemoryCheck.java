package org.annft.cli;

import java.util.Locale;

/**
 * Refuses, before any work, a job whose tasks cannot fit the memory they will run in: in local mode
 * the tasks run side by side in this JVM, whose heap {@code jobs/annft} sets from
 * {@code ANNFT_DRIVER_MEMORY}. On a cluster the executors' memory is the cluster's business and is
 * not checked here.
 */
final class MemoryCheck {

    private MemoryCheck() {
    }

    /**
     * @param what the largest task, in words (e.g. "a training of relu width 30000 depth 4")
     * @param perTask its estimated bytes
     * @param concurrent tasks that run at once
     * @param available bytes this JVM may use
     * @throws IllegalArgumentException naming the cost and the limit
     */
    static void check(String job, String what, long perTask, int concurrent, long available) {
        double needed = (double) perTask * concurrent;
        // A third of the heap stays for Spark, the data and the results.
        if (needed > available * (2.0 / 3)) {
            throw new org.annft.config.BadInputException(String.format(Locale.ROOT,
                    "%s: %s needs about %s; %d at once need %s, more than two thirds of the %s this JVM may use "
                            + "(raise ANNFT_DRIVER_MEMORY, e.g. ANNFT_DRIVER_MEMORY=%dg, use fewer cores with "
                            + "--master local[1], or run on a cluster)",
                    job, what, size(perTask), concurrent, size(needed), size(available),
                    (long) Math.ceil(needed * 1.5 / (1L << 30)) + 1));
        }
    }

    /** Whether the tasks run in this JVM: a local master, and not under spark-submit. */
    static boolean local(String master) {
        return System.getProperty("spark.master") == null && master != null && master.startsWith("local");
    }

    /** Tasks at once in local mode: the cores of {@code local[N]}, else this machine's. */
    static int localCores(String master) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("local\\[(\\d+)").matcher(master);
        return m.lookingAt() ? Integer.parseInt(m.group(1)) : master.equals("local") ? 1
                : Runtime.getRuntime().availableProcessors();
    }

    static String size(double bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}
