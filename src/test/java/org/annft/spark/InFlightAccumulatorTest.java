package org.annft.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.DoubleAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a running task has added to an accumulator reaches the driver with its heartbeats, before the task ends. */
class InFlightAccumulatorTest {

    @TempDir
    Path dir;

    @Test
    void aRunningTasksAdditionsAreSeenBeforeItEnds() throws Exception {
        SparkSession spark = TestSpark.session();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        DoubleAccumulator work = jsc.sc().doubleAccumulator("work");
        InFlightAccumulator inFlight = new InFlightAccumulator(work);
        spark.sparkContext().addSparkListener(inFlight);
        // The task adds 1 every 10 ms until the driver has seen some of it (or 60 s pass).
        String seen = dir.resolve("seen").toString();
        AtomicReference<Double> observed = new AtomicReference<>(0.0);
        Thread watcher = new Thread(() -> {
            try {
                while (observed.get() == 0) {
                    Thread.sleep(50);
                    observed.set(inFlight.value());
                }
                Files.createFile(Path.of(seen));
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        try {
            jsc.parallelize(List.of(1), 1).foreach(i -> {
                long end = System.nanoTime() + 60_000_000_000L;
                while (!Files.exists(Path.of(seen)) && System.nanoTime() < end) {
                    work.add(1);
                    Thread.sleep(10);
                }
            });
        } finally {
            spark.sparkContext().removeSparkListener(inFlight);
            watcher.interrupt();
        }
        assertTrue(observed.get() > 0, "the driver saw the running task's additions");
        assertTrue(observed.get() <= work.value(), observed.get() + " of " + work.value());
        assertEquals(0.0, inFlight.value(), "an ended task is no longer in flight");
    }
}
