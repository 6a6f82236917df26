package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.annft.data.AmeTableWriter;
import org.annft.report.Report;
import org.annft.spark.TestSpark;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result tables as the jobs write them meet their contracts and are what the report needs: a
 * tiny ensemble (two inputs, kept samples) and a tiny sweep, then the report, which skips no figure
 * family for want of a table.
 */
class ResultContractTest {

    @TempDir
    Path dir;

    @Test
    void tinyJobsWriteEveryContractedTableAndTheReportSkipsNothing() throws Exception {
        Path table = new AmeTableWriter().liquidDropChart(8, 24).writeTo(dir.resolve("mass.txt"));
        CliRun cli = new CliRun();
        Path results = dir.resolve("results");
        assertEquals(0, cli.run("init-ensemble", "--out", results.resolve("ensemble").toString(),
                "--set", "ensemble.samples=400", "--set", "ensemble.chunk-size=100", "--set", "ensemble.keep-samples=20",
                "--set", "ensemble.sampler=weight", "--set", "ensemble.ntk=true",
                "--set", "ensemble.activations=[relu]", "--set", "ensemble.c-w=[2.0]", "--set", "ensemble.widths=[16]",
                "--set", "ensemble.hidden-layers=[2]", "--set", "ensemble.raw-inputs=[[0.2, 0.4], [0.7, 0.1]]"), cli.err());
        assertEquals(0, cli.run("sweep", "--ame", table.toString(), "--out", results.resolve("sweep").toString(),
                "--no-estimate", "--set", "sweep.activations=[relu]", "--set", "sweep.modes=[cict, nint]",
                "--set", "sweep.widths=[4, 8]", "--set", "sweep.depths=[3]", "--set", "sweep.runs=2",
                "--set", "train.batch-size=10", "--set", "train.target-scale=100", "--set", "train.log-every=5",
                "--set", "table.cutoff-mev=1e9", "--set", "train.ntk.nuclides=[{z = 8, n = 8}, {z = 20, n = 20}]",
                "--set", "sweep.kernel-baseline=true",
                "--set", "data.holdout.edge-isotopes=1",
                "--set", "train.phases=[{epochs = 10, lambda-b = 0.05, lambda-w = 0.05}]"), cli.err());
        assertEquals(0, cli.run("predict", "--ame", table.toString(), "--models", results.resolve("sweep").toString(),
                "--nuclides", "8:8,20:20,120:200", "--select", "mode=cict", "--out", results.resolve("predict").toString()),
                cli.err());
        // A few nuclides are answered on the terminal too: a header, then per configuration and nuclide a line.
        List<String> listing = cli.out().strip().lines().toList();
        assertTrue(listing.get(0).contains("AME2020 (MeV)") && listing.get(0).contains("5-95% (MeV)"), cli.out());
        assertEquals(1 + 2 * 3, listing.size(), cli.out());
        assertTrue(listing.stream().anyMatch(l -> l.startsWith("relu cict n=4 L=3") && l.contains("Z=120 N=200")), cli.out());
        // A selection of no network fails inside the job, after Spark started: still nothing written.
        assertEquals(2, cli.run("predict", "--ame", table.toString(), "--models", results.resolve("sweep").toString(),
                "--select", "width=999", "--out", results.resolve("none").toString()));
        assertTrue(cli.err().contains("no kept network matches the selection"), cli.err());
        assertFalse(Files.exists(results.resolve("none")), "nothing written");
        assertEquals(0, cli.run("theory", "kernel", "--activation", "relu", "--input", "0.2,0.4;0.7,0.1",
                "--out", results.resolve("theory").toString()), cli.err());

        SparkSession spark = TestSpark.session();
        for (ResultTable contract : ResultTables.all()) {
            Path written = List.of("ensemble", "sweep", "theory", "predict").stream().map(d -> results.resolve(d).resolve(contract.name()))
                    .filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("no job wrote " + contract));
            StructType schema = spark.read().parquet(written.toString()).schema();
            assertEquals(contract.columnNames(), List.of(schema.fieldNames()), contract.name());
        }
        Report.Summary summary = new Report().write(spark, results);
        assertEquals(List.of(), summary.missingTables(), "figure families skipped for want of a table");
        assertTrue(summary.figures() >= 10, "figures: " + summary.figures());
    }
}
