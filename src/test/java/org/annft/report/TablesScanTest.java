package org.annft.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.annft.spark.ResultStore;
import org.annft.spark.SparkTables;
import org.annft.spark.TestSpark;
import org.annft.table.ResultTables;
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
            assertEquals(3, ResultStore.readTable(spark, tables.sources().get(0).dir().resolve("runs").toString()).count(),
                    name);
        }
    }

    /** A table is read through its contract: one of another schema is refused, naming what differs. */
    @Test
    void aTableOfAnotherSchemaIsRefusedByItsContract() {
        TableSource source = Tables.scan(spark, commit(dir.resolve("foreign"), 3)).sources().get(0);
        SparkTables.TableContractException e = assertThrows(SparkTables.TableContractException.class,
                () -> source.read(ResultTables.RUNS));
        assertTrue(e.getMessage().startsWith("table runs does not match its contract: no column activation"),
                e.getMessage());
        assertFalse(e.getMessage().contains("no column protocol"), "protocol may predate: " + e.getMessage());

        // Every column there but one of another type.
        Path typed = dir.resolve("typed");
        ResultStore store = new ResultStore(spark, typed.toString(), false);
        try (ResultStore.Commit c = store.begin()) {
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> runs = spark.createDataFrame(List.of(),
                    SparkTables.schema(ResultTables.RUNS));
            c.write("runs", runs.withColumn("width", runs.col("width").cast("string")));
            c.commit();
        }
        e = assertThrows(SparkTables.TableContractException.class,
                () -> Tables.scan(spark, typed).sources().get(0).read(ResultTables.RUNS));
        assertEquals("table runs does not match its contract: column width is string, the contract says int",
                e.getMessage());
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

    /** A protocol's captions come from table protocols: each protocol states its own phases. */
    @Test
    void eachProtocolIsDescribedByItsOwnRowsOfTableProtocols() {
        SyntheticTables tables = new SyntheticTables(spark, dir.resolve("scan"));
        tables.runInfo("sweep", "{\"train\": {\"phases\": [{\"epochs\": 5000, \"lambda-b\": 0.3, \"lambda-w\": 0.3}]}}");
        List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
        for (int epochs : new int[] {100, 200}) {
            rows.add(SparkTables.row(ResultTables.PROTOCOLS, "p" + epochs, "train.phases",
                    "[{\"epochs\":" + epochs + ",\"lambda-b\":0.1,\"lambda-w\":0.1}]"));
        }
        tables.write(ResultTables.PROTOCOLS, rows);
        TableSource source = Tables.scan(spark, dir.resolve("scan")).sources().get(0);
        assertEquals(java.util.Optional.of(5000), ProtocolCaption.sgdEpochs(source.runInfo().orElseThrow()));
        for (int epochs : new int[] {100, 200}) {
            RunDescription run = source.forProtocol("p" + epochs).runInfo().orElseThrow();
            assertEquals(java.util.Optional.of(epochs), ProtocolCaption.sgdEpochs(run));
            assertTrue(ProtocolCaption.describe(java.util.Optional.of(run), List.of("cict"))
                    .contains("SGD " + epochs + " epochs at raw rates lambda~_b = 0.1"));
        }
    }
}
