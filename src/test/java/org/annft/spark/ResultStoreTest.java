package org.annft.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {

    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path out;

    private Dataset<Row> numbers(int n) {
        return spark.range(n).toDF("i");
    }

    @Test
    void committedTablesAppearTogether() {
        ResultStore store = new ResultStore(spark, out.toString(), false);
        try (ResultStore.Commit c = store.begin()) {
            c.write("a", numbers(5));
            c.write("b", numbers(7));
            assertFalse(store.exists("a"), "nothing is visible before commit");
            c.commit();
        }
        assertEquals(5, store.read("a").count());
        assertEquals(0 + 1 + 2 + 3 + 4 + 5 + 6, store.read("b").groupBy().sum("i").first().getLong(0));
        assertEquals(List.of(ResultStore.MANIFEST, "a", "b"), listing());
        assertEquals(List.of("a", "b"), manifest());
    }

    /** A table computed in SQL is checked against its contract before anything is written. */
    @Test
    void aTableThatDiffersFromItsContractIsNotWritten() {
        org.annft.table.ResultTable contract = org.annft.table.ResultTable.named("t", "test")
                .column("i", org.annft.table.ColumnType.LONG).column("x", org.annft.table.ColumnType.DOUBLE).sortedBy("i");
        ResultStore store = new ResultStore(spark, out.toString(), false);
        try (ResultStore.Commit c = store.begin()) {
            String wrongType = assertThrows(IllegalStateException.class,
                    () -> c.writeSorted(contract, numbers(3).selectExpr("i", "CAST(i AS INT) AS x"))).getMessage();
            assertTrue(wrongType.contains("column 2 computed as x int, its contract has x double"), wrongType);
            String missing = assertThrows(IllegalStateException.class,
                    () -> c.writeSorted(contract, numbers(3))).getMessage();
            assertTrue(missing.contains("computed with columns [i], its contract has [i, x]"), missing);
            c.writeSorted(contract, numbers(3).selectExpr("i", "CAST(i AS DOUBLE) / 2 AS x").orderBy(functions.desc("i")));
            c.commit();
        }
        assertEquals(List.of(0L, 1L, 2L), store.read("t").collectAsList().stream().map(r -> r.getLong(0)).toList());
        assertEquals(SparkTables.schema(contract).fieldNames().length, store.read("t").schema().fieldNames().length);
    }

    /** A small table written sorted is one Parquet file whose rows come back in key order. */
    @Test
    void sortedTablesAreOneFileInKeyOrder() throws IOException {
        ResultStore store = new ResultStore(spark, out.toString(), false);
        try (ResultStore.Commit c = store.begin()) {
            c.writeSorted("t", spark.range(40).repartition(4).selectExpr("id % 5 AS k", "-id AS v"), "k", "v");
            c.commit();
        }
        try (Stream<Path> files = Files.list(out.resolve("t"))) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count());
        }
        List<Row> rows = store.read("t").collectAsList();
        assertEquals(40, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            Row a = rows.get(i - 1);
            Row b = rows.get(i);
            assertTrue(a.getLong(0) < b.getLong(0) || a.getLong(0) == b.getLong(0) && a.getLong(1) < b.getLong(1),
                    "row " + i + " out of order: " + a + " then " + b);
        }
    }

    @Test
    void aJobThatFailsMidwayLeavesNoTable() {
        ResultStore store = new ResultStore(spark, out.toString(), false);
        Exception failure = assertThrows(Exception.class, () -> {
            try (ResultStore.Commit c = store.begin()) {
                c.write("a", numbers(5));
                // The second table's computation fails inside an executor task.
                c.write("b", numbers(5).map((org.apache.spark.api.java.function.MapFunction<Row, Long>) r -> {
                    if (r.getLong(0) == 3) {
                        throw new IllegalStateException("boom at row 3");
                    }
                    return r.getLong(0);
                }, org.apache.spark.sql.Encoders.LONG()).toDF("i"));
                c.commit();
            }
        });
        assertTrue(stackContains(failure, "boom"), "the job failed for the injected reason");
        assertFalse(store.exists("a"));
        assertFalse(store.exists("b"));
        assertEquals(List.of(), listing(), "no staging directory, table or marker is left behind");
    }

    @Test
    void existingTablesAreProtectedUnlessOverwriting() {
        ResultStore store = new ResultStore(spark, out.toString(), false);
        try (ResultStore.Commit c = store.begin()) {
            c.write("a", numbers(2));
            c.commit();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.checkWritable(List.of("a")));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());

        ResultStore overwriting = new ResultStore(spark, out.toString(), true);
        try (ResultStore.Commit c = overwriting.begin()) {
            c.write("a", numbers(9));
            c.commit();
        }
        assertEquals(9, store.read("a").count());
    }

    /** An overwrite by a job that writes fewer tables removes the earlier run's other tables. */
    @Test
    void overwritingWithFewerTablesLeavesNoneOfTheEarlierRun() {
        ResultStore first = new ResultStore(spark, out.toString(), false);
        first.checkWritable(List.of("a", "b", "c"));
        try (ResultStore.Commit c = first.begin()) {
            c.write("a", numbers(1));
            c.write("b", numbers(2));
            c.write("c", numbers(3));
            c.commit();
        }
        ResultStore second = new ResultStore(spark, out.toString(), true);
        second.checkWritable(List.of("a", "b", "c"));
        try (ResultStore.Commit c = second.begin()) {
            c.write("a", numbers(4));
            c.commit();
        }
        assertEquals(List.of(ResultStore.MANIFEST, "a"), listing());
        assertEquals(4, second.read("a").count());
        // Without --overwrite a directory that holds a result set is refused, whatever the tables.
        ResultStore third = new ResultStore(spark, out.toString(), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> third.checkWritable(List.of("z")));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
    }

    /**
     * A commit of {@code --overwrite} killed after each of its steps leaves readers the earlier result
     * set or the new one, never a mix: the reader (the report's scan, predict's check) completes or
     * undoes the interrupted commit first. A rerun then replaces the set as any job does.
     */
    @Test
    void anInterruptedOverwriteLeavesReadersTheEarlierOrTheNewSet() throws IOException {
        for (String stop : List.of("marked", "aside _annft_result_set", "aside a", "aside b", "aside c", "set aside",
                "moved a", "moved b", "manifest")) {
            Path dir = out.resolve(stop.replace(' ', '-'));
            ResultStore old = new ResultStore(spark, dir.toString(), false);
            old.checkWritable(List.of("a", "b", "c"));
            try (ResultStore.Commit c = old.begin()) {
                c.write("a", numbers(1));
                c.write("b", numbers(1));
                c.write("c", numbers(1));
                c.commit();
            }
            ResultStore store = new ResultStore(spark, dir.toString(), true);
            store.checkWritable(List.of("a", "b"));
            ResultStore.Commit interrupted = store.begin();
            interrupted.write("a", numbers(2));
            interrupted.write("b", numbers(2));
            boolean[] reached = {false};
            interrupted.onStep(step -> {
                if (step.equals(stop)) {
                    reached[0] = true;
                    throw new IOException("killed after " + step);
                }
            });
            assertThrows(java.io.UncheckedIOException.class, interrupted::commit);
            assertTrue(reached[0], "the commit has a step " + stop);
            assertTrue(Files.exists(dir.resolve(ResultStore.COMMITTING)), stop);

            // Predict's check and the report's scan see one whole set: the new one once its manifest is written.
            boolean newSet = stop.equals("manifest");
            assertEquals(newSet ? java.util.Set.of("a", "b") : java.util.Set.of("a", "b", "c"),
                    ResultSetCheck.listedTables(dir).orElseThrow(), stop);
            org.annft.report.Tables tables = org.annft.report.Tables.scan(spark, dir);
            assertEquals(newSet ? java.util.Set.of("a", "b") : java.util.Set.of("a", "b", "c"), tables.names(), stop);
            for (String t : tables.names()) {
                assertEquals(newSet ? 2 : 1, ResultStore.readTable(spark, dir.resolve(t).toString()).count(), stop + " " + t);
            }
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(), s.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("_") && !n.equals(ResultStore.MANIFEST)).toList(), stop + ": no debris");
            }

            // A rerun replaces the set as any job does.
            ResultStore rerun = new ResultStore(spark, dir.toString(), true);
            rerun.checkWritable(List.of("a", "b"));
            try (ResultStore.Commit c = rerun.begin()) {
                c.write("a", numbers(3));
                c.write("b", numbers(3));
                c.commit();
            }
            assertEquals(java.util.Set.of("a", "b"), org.annft.report.Tables.scan(spark, dir).names(), stop);
            assertEquals(3, rerun.read("a").count());
        }
    }

    /** The state a reader compares before and after reading changes with every commit, and with a commit under way. */
    @Test
    void theStateOfAResultSetChangesWithEveryCommit() throws IOException {
        Path dir = out.resolve("state");
        java.util.Set<String> states = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            states.add(ResultSetCheck.state(dir.resolve("x").getParent()));
            ResultStore store = new ResultStore(spark, dir.toString(), true);
            try (ResultStore.Commit c = store.begin()) {
                c.write("a", numbers(1));
                c.commit();
            }
        }
        states.add(ResultSetCheck.state(dir));
        assertEquals(4, states.size(), "the same tables committed again are another result set");
        Files.writeString(dir.resolve(ResultStore.COMMITTING), "a\n");
        assertTrue(states.add(ResultSetCheck.state(dir)), "a commit under way");
    }

    /** A reader does not touch a directory a running job holds while it commits: it waits, in one line. */
    @Test
    void aReaderRefusesACommitInProgress() throws IOException {
        Path dir = out.resolve("busy");
        ResultStore store = new ResultStore(spark, dir.toString(), false);
        store.lock();
        Files.writeString(dir.resolve(ResultStore.COMMITTING), "# annft: tables of an interrupted commit\n# commit x\na\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultSetCheck.listedTables(dir));
        assertTrue(e.getMessage().startsWith("a job is committing its tables into " + dir), e.getMessage());
        assertTrue(Files.exists(dir.resolve(ResultStore.COMMITTING)), "left as it is");
        store.unlock();
    }

    /** A table left in the directory but not in its manifest is not part of the result set. */
    @Test
    void readersTakeOnlyTheManifestsTables() throws IOException {
        ResultStore store = new ResultStore(spark, out.toString(), false);
        try (ResultStore.Commit c = store.begin()) {
            c.write("a", numbers(1));
            c.commit();
        }
        spark.range(2).write().parquet(out.resolve("stray").toString());
        assertEquals(java.util.Set.of("a"), org.annft.report.Tables.scan(spark, out).names());
    }

    /** An output path that is a file, or lies under one, is refused before any work. */
    @Test
    void anOutputThatIsAFileIsRefusedUpFront() throws IOException {
        Path file = Files.writeString(out.resolve("plain.txt"), "x");
        for (Path bad : List.of(file, file.resolve("below"))) {
            ResultStore store = new ResultStore(spark, bad.toString(), true);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.checkWritable(List.of("a")));
            assertTrue(e.getMessage().contains("is a file"), e.getMessage());
        }
        assertEquals(List.of("plain.txt"), listing());
    }

    /** One job at a time per directory; a lock left by a process that has ended is taken over. */
    @Test
    void aSecondJobIsRefusedWhileTheFirstHoldsTheDirectory() throws IOException {
        ResultStore first = new ResultStore(spark, out.toString(), true);
        first.lock();
        ResultStore second = new ResultStore(spark, out.toString(), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, second::lock);
        assertTrue(e.getMessage().contains("another annft job") && e.getMessage().contains(
                Long.toString(ProcessHandle.current().pid())), e.getMessage());
        first.unlock();
        second.lock();
        second.unlock();
        assertFalse(Files.exists(out.resolve(ResultStore.LOCK)));

        // A killed job's lock: this host, a process id that is not running.
        long dead = 1;
        while (ProcessHandle.of(dead).isPresent()) {
            dead += 7919;
        }
        Files.writeString(out.resolve(ResultStore.LOCK), java.net.InetAddress.getLocalHost().getHostName() + "\n"
                + dead + "\n2026-01-01T00:00:00Z\n");
        ResultStore third = new ResultStore(spark, out.toString(), true);
        third.lock();
        assertTrue(Files.readString(out.resolve(ResultStore.LOCK)).contains(Long.toString(ProcessHandle.current().pid())));
        third.unlock();
    }

    /**
     * An empty lock (a job killed between creating the file and writing it) is refused while a writer
     * could still be filling it, and taken over once it is older than that.
     */
    @Test
    void anEmptyLockIsStaleOnceOld() throws IOException {
        Files.createDirectories(out);
        Path lock = out.resolve(ResultStore.LOCK);
        Files.writeString(lock, "");
        ResultStore fresh = new ResultStore(spark, out.toString(), true);
        assertThrows(IllegalArgumentException.class, fresh::lock, "a lock just created may be filled yet");
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 2 * ResultStore.STALE_EMPTY_LOCK_MILLIS));
        ResultStore later = new ResultStore(spark, out.toString(), true);
        later.lock();
        assertTrue(Files.readString(lock).contains(Long.toString(ProcessHandle.current().pid())));
        later.unlock();
        assertFalse(Files.exists(lock));
    }

    /** The lock appears whole, by a link from a temporary file that is removed: nothing else is left. */
    @Test
    void theLockIsPublishedWholeAndLeavesNoTemporaryFile() throws IOException {
        Path whole = out.resolve("whole");
        ResultStore store = new ResultStore(spark, whole.toString(), false);
        store.lock();
        java.util.List<String> lines = Files.readAllLines(whole.resolve(ResultStore.LOCK));
        assertEquals(3, lines.size(), "host, process, time: " + lines);
        assertEquals(Long.toString(ProcessHandle.current().pid()), lines.get(1));
        try (var files = Files.list(whole)) {
            assertEquals(java.util.List.of(ResultStore.LOCK), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        store.unlock();
    }

    private List<String> manifest() {
        try {
            return Files.readAllLines(out.resolve(ResultStore.MANIFEST)).stream().filter(l -> !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static boolean stackContains(Throwable t, String text) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (String.valueOf(x.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private List<String> listing() {
        try (Stream<Path> s = Files.list(out)) {
            // Hadoop's local file system keeps a hidden checksum file beside each file.
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
