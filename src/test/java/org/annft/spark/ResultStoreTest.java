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
        assertEquals(List.of("a", "b"), listing());
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
        assertEquals(List.of(), listing(), "no staging directory or table is left behind");
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
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
