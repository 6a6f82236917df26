package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.annft.data.AmeTableWriter;
import org.annft.spark.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {

    @TempDir
    Path dir;

    private Path table;
    private final CliRun cli = new CliRun();

    @BeforeEach
    void writeTable() throws IOException {
        table = new AmeTableWriter()
                .nuclide(2, 2, "He", 7073.9156)
                .nuclide(' ', 26, 30, "Fe", "-60607.163", "0.268", "8790.3563", "0.0048")
                .estimatedNuclide(28, 20, "Ni", 7000)
                .nuclide(82, 126, "Pb", 7867.4530)
                .estimatedNuclide(3, 0, "Li", -2267)
                .writeTo(dir.resolve("mass.txt"));
    }


    @Test
    void writesTheDatasetTableAndRunInfo() {
        SparkSession spark = TestSpark.session();
        Path results = dir.resolve("results");
        int code = cli.run("data", "--ame", table.toString(), "--out", results.toString(), "--subset", "experimental");
        assertEquals(0, code, cli.err());
        assertTrue(cli.out().contains("3 nuclides (3 experimental, 0 estimated)"), cli.out());
        // 56Fe scaled with Z in [2, 82] and N in [2, 126].
        assertTrue(cli.out().contains("z=0.300000, n=0.225806"), cli.out());

        List<Row> rows = spark.read().parquet(results.resolve("dataset").toString()).orderBy("z").collectAsList();
        assertEquals(3, rows.size());
        Row fe = rows.get(1);
        assertEquals(26, fe.<Integer>getAs("z"));
        assertEquals(56 * 8790.3563 / 1000, fe.<Double>getAs("binding_energy_mev"), 1e-12);
        assertEquals(24.0 / 80, fe.<Double>getAs("input_z"), 1e-15);
        assertEquals(28.0 / 124, fe.<Double>getAs("input_n"), 1e-15);
        assertFalse(fe.<Boolean>getAs("estimated"));

        Row info = spark.read().parquet(results.resolve("run_info").toString()).first();
        assertEquals("data", info.<String>getAs("command"));
        assertTrue(info.<String>getAs("config_json").contains("\"subset\":\"experimental\""));

        // A second run must not clobber the result without --overwrite.
        assertEquals(2, cli.run("data", "--ame", table.toString(), "--out", results.toString()));
        assertTrue(cli.err().contains("--overwrite"), cli.err());
        assertEquals(0, cli.run("data", "--ame", table.toString(), "--out", results.toString(), "--overwrite"));
        assertEquals(5, spark.read().parquet(results.resolve("dataset").toString()).count());
        // AME2020's unbound nuclides (B < 0) are data, and the summary counts them.
        assertTrue(cli.out().contains("binding energy B: -6.801 .. 1636.430 MeV (B < 0, unbound: 1)"), cli.out());
    }

    @Test
    void badInputExitsWithTwoAndWritesNothing() throws IOException {
        Path results = dir.resolve("bad");
        assertEquals(2, cli.run("data", "--ame", dir.resolve("missing.txt").toString(), "--out", results.toString()));
        assertTrue(cli.err().contains("missing.txt") && cli.err().contains("fetch-ame2020.sh"), cli.err());

        assertEquals(2, cli.run("data", "--ame", table.toString(), "--out", results.toString(), "--set", "data.sub=all"));
        assertTrue(cli.err().contains("unknown config key 'data.sub'"), cli.err());

        assertEquals(2, cli.run("data", "--ame", table.toString(), "--out", results.toString(), "--subset", "most"));
        assertTrue(cli.err().contains("data.subset") && cli.err().contains("most"), cli.err());

        Path broken = Files.writeString(dir.resolve("broken.txt"),
                String.join("\n", new AmeTableWriter().nuclide(2, 2, "He", 7073.9).raw("   0    2    2    4 He    garbage").lines()));
        assertEquals(2, cli.run("data", "--ame", broken.toString(), "--out", results.toString()));
        assertTrue(cli.err().contains("broken.txt:8"), cli.err());

        for (String bad : List.of("-1", "101", "two", "1.5")) {
            assertEquals(2, cli.run("data", "--ame", table.toString(), "--out", results.toString(), "--set",
                    "data.holdout.edge-isotopes=" + bad), bad);
            assertTrue(cli.err().contains("data.holdout.edge-isotopes"), cli.err());
        }

        assertEquals(2, cli.run("data", "--no-such-option"));
        assertFalse(Files.exists(results), "no output directory for a failed command");
    }
}
