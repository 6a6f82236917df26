package org.annft.linalg;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;

/**
 * Runs blocks {@code 0 .. count-1} of one product at once: block 0 on the calling thread, the others
 * on threads of a JVM-wide pool that grows with the callers and lets idle threads end after a minute
 * (so a training needs no shutdown). One instance per training; not for concurrent calls.
 *
 * <p>Nothing is allocated per call but the pool's hand-off: the block tasks are made once, and a
 * reusable semaphore counts the finished ones.
 */
final class ColumnBlocks {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "annft-gemm-block");
        thread.setDaemon(true);
        return thread;
    });

    private final Runnable[] tasks;
    private final Semaphore finished = new Semaphore(0);
    private IntConsumer block;
    private volatile Throwable failure;

    /** @param threads the most blocks a call runs at once, at least 2 */
    ColumnBlocks(int threads) {
        if (threads < 2) {
            throw new IllegalArgumentException("column blocks need at least 2 threads, got " + threads);
        }
        tasks = new Runnable[threads];
        for (int i = 1; i < threads; i++) {
            int index = i;
            tasks[i] = () -> {
                try {
                    block.accept(index);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    finished.release();
                }
            };
        }
    }

    int threads() {
        return tasks.length;
    }

    /**
     * Runs {@code block.accept(b)} for {@code b = 0 .. count-1}, returning when all have finished.
     *
     * @throws IllegalStateException wrapping the first failure of another thread's block
     */
    void run(int count, IntConsumer block) {
        if (count < 1 || count > tasks.length) {
            throw new IllegalArgumentException("blocks " + count + " outside 1 .. " + tasks.length);
        }
        // The semaphore's release/acquire orders this write before the workers' reads.
        this.block = block;
        failure = null;
        for (int b = 1; b < count; b++) {
            POOL.execute(tasks[b]);
        }
        Throwable own = null;
        try {
            block.accept(0);
        } catch (Throwable t) {
            own = t;
        }
        finished.acquireUninterruptibly(count - 1);
        if (own instanceof RuntimeException e) {
            throw e;
        }
        if (own instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("gemm block failed: " + failure, failure);
        }
    }
}
