package org.annft.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.annft.spark.ResultStore;
import org.annft.spark.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the report reads: paths with glob characters as they are, damaged Parquet files refused in one line. */
class TablesScanTest {

    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path dir;

    private Path commit(Path out, int rows) {
        ResultStore store = new ResultStore(spark, out.toString(), false);
        try (ResultStore.Commit c = store.begin()) {
            c.write("runs", spark.range(rows).toDF("i"));
            c.commit();
        }
        return out;
    }

    @Test
    void globCharactersInTheDirectoryAreLiteral() {
        // A sibling that the glob "run[12]" would match instead of the literal name.
        commit(dir.resolve("run1"), 5);
        for (String name : new String[] {"run[12]", "a{b,c}", "star*", "what?"}) {
            Path out = commit(dir.resolve(name), 3);
            Tables tables = Tables.scan(spark, out);
            assertEquals(Set.of("runs"), tables.names(), name);
            assertEquals(3, tables.sources().get(0).read("runs").count(), name);
        }
    }

    @Test
    void aTruncatedParquetFileIsNamedInOneLine() throws IOException {
        Path out = commit(dir.resolve("t"), 100);
        Path part;
        try (var files = Files.list(out.resolve("runs"))) {
            part = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(part);
        Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tables.scan(spark, out));
        assertTrue(e.getMessage().contains(part.toString()) && e.getMessage().contains("not a complete Parquet file"),
                e.getMessage());
    }
}
