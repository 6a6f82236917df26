package org.annft.cli;

import java.util.Locale;
import org.annft.config.BadInputException;

/**
 * Limits on the size of one job, checked in its first second: a mistyped setting (a sample count
 * with three zeros too many) is refused with its estimate instead of starting hundreds of thousands
 * of tasks. {@code --force} runs a job above them. The limits lie about ten times above the paper's
 * own experiments.
 */
final class SizeLimits {

    /** Spark tasks of one job (the paper's largest ensemble at the default chunk size: 50 per configuration). */
    static final long MAX_TASKS = 100_000;
    /** Training epochs summed over a sweep's runs (the paper's Table I: about 1.1e8). */
    static final double MAX_EPOCHS = 1e9;

    private SizeLimits() {
    }

    /**
     * @param what the job and its estimate, e.g. {@code init-ensemble: 4 configurations x 2e9 samples}
     * @throws BadInputException above a limit without {@code force}
     */
    static void check(String what, long tasks, double epochs, boolean force) {
        if (force) {
            return;
        }
        if (tasks > MAX_TASKS) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: %d tasks, above the limit of %d; "
                    + "check the settings, or pass --force to run it", what, tasks, MAX_TASKS));
        }
        if (epochs > MAX_EPOCHS) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: %.3g training epochs in all, above the limit of %.0e; "
                    + "check the settings, or pass --force to run it", what, epochs, MAX_EPOCHS));
        }
    }
}
