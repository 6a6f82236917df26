package org.annft.sweep;

import org.annft.config.AnnftConfig;
import org.annft.config.Setting;

/**
 * Which runs of a sweep train on several cores: a run of hidden width at least
 * {@code minimumWidth} splits its matrix products over {@code threads} threads ({@code Gemm.blas(int)},
 * the same numbers bit for bit as one thread) and is a Spark task that takes {@code threads} cores
 * (a stage-level {@code TaskResourceProfile} on standalone, YARN and Kubernetes; Spark's local mode
 * has none, so there such runs train {@code cores / threads} at a time, before the other runs).
 *
 * <p>Why: a sweep lasts at least as long as its longest run, and the widest runs are the longest
 * (20000 epochs at width 2000 take about a day on one core); several cores per run shorten that
 * bound, at some loss of throughput per core (the threads share the memory bandwidth).
 *
 * @param minimumWidth the narrowest width trained on several cores
 * @param threads      threads, and task cores, per such run (1: every run on one core)
 */
public record WideRuns(int minimumWidth, int threads) implements java.io.Serializable {

    public static final Setting<Integer> MINIMUM_WIDTH = Setting.integer("sweep.wide-runs.min-width", 1, 1_000_000,
            1000).meaning("""
            Runs of at least this hidden width train on sweep.wide-runs.threads cores each: their matrix
            products are split over that many threads (results bit for bit those of one thread), and each
            is a Spark task that takes that many cores (standalone, YARN, Kubernetes; executors need at
            least that many cores). Local mode cannot reserve cores per task: it trains these runs
            cores / threads at a time, before the others.
            """);
    public static final Setting<Integer> THREADS = Setting.integer("sweep.wide-runs.threads", 1, 256, 2);

    /** Every run on one core. */
    public static final WideRuns NONE = new WideRuns(Integer.MAX_VALUE, 1);

    public WideRuns {
        if (minimumWidth < 1 || threads < 1) {
            throw new IllegalArgumentException("wide runs need a width and threads of at least 1, got " + minimumWidth
                    + " and " + threads);
        }
    }

    static WideRuns fromConfig(AnnftConfig c) {
        return new WideRuns(MINIMUM_WIDTH.read(c), THREADS.read(c));
    }

    /** The threads (and task cores) of {@code run}. */
    public int threads(TrainingRun run) {
        return run.width() >= minimumWidth ? threads : 1;
    }
}
