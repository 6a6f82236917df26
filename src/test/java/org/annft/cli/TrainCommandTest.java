package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.annft.config.AnnftConfig;
import org.annft.data.AmeTableWriter;
import org.annft.spark.TestSpark;
import org.annft.sweep.TrainingRun;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path dir;

    private Path table;
    private Path config;
    private final CliRun cli = new CliRun();

    /** 40 nuclides with liquid-drop binding energies, and a small, fast training config. */
    @BeforeEach
    void writeTableAndConfig() throws IOException {
        table = new AmeTableWriter().liquidDropChain(8, 48).writeTo(dir.resolve("mass.txt"));
        config = Files.writeString(dir.resolve("train.conf"), String.join("\n",
                "seed = 5",
                "data.test-fraction = 0.25",
                "train {",
                "  width = 8",
                "  depth = 3",
                "  batch-size = 10",
                "  log-every = 10",
                "  target-scale = 100",
                "  phases = [{epochs = 30, lambda-b = 0.05, lambda-w = 0.05}, {epochs = 20, lambda-b = 0.01, lambda-w = 0.01}]",
                "}"));
    }


    @Test
    void trainsOneNetworkAndWritesItsTables() {
        SparkSession spark = TestSpark.session();
        Path results = dir.resolve("results");
        assertEquals(0, cli.run("train", "--config", config.toString(), "--ame", table.toString(), "--out", results.toString()), cli.err());

        List<Row> runs = spark.read().parquet(results.resolve("runs").toString()).collectAsList();
        assertEquals(1, runs.size());
        Row r = runs.get(0);
        assertEquals("relu", r.<String>getAs("activation"));
        assertEquals("cict", r.<String>getAs("mode"));
        assertEquals(8, r.<Integer>getAs("width"));
        assertEquals(3, r.<Integer>getAs("depth"));
        assertEquals(3.0 / 8, r.<Double>getAs("r"));
        assertEquals("ok", r.<String>getAs("status"));
        assertEquals(50, r.<Integer>getAs("epochs_done"));
        assertNull(r.getAs("divergence_epoch"));
        assertEquals(30, r.<Integer>getAs("train_size"));
        assertEquals(10, r.<Integer>getAs("test_size"));
        assertEquals(2.0, r.<Double>getAs("c_w"));
        assertEquals("float64", r.<String>getAs("precision"));
        double train = r.<Double>getAs("rmsd_train_mev");
        double test = r.<Double>getAs("rmsd_test_mev");
        assertEquals(Math.sqrt((30 * train * train + 10 * test * test) / 40), r.<Double>getAs("rmsd_mev"), 1e-9);
        assertTrue(r.<Double>getAs("final_loss") < r.<Double>getAs("initial_loss"), "training must lower the loss");
        AnnftConfig resolved = AnnftConfig.load(Optional.of(config), List.of());
        assertEquals(TrainingRun.fromConfig(resolved).seed(5), r.<Long>getAs("seed"));

        List<Row> curve = spark.read().parquet(results.resolve("loss_curves").toString()).orderBy("epoch").collectAsList();
        assertEquals(List.of(0, 10, 20, 30, 40, 50), curve.stream().map(x -> x.<Integer>getAs("epoch")).toList());
        assertEquals(r.<Double>getAs("initial_loss"), curve.get(0).<Double>getAs("loss"));

        List<Row> changes = spark.read().parquet(results.resolve("param_changes").toString()).orderBy("layer").collectAsList();
        assertEquals(3, changes.size());
        assertEquals(List.of(false, true, false), changes.stream().map(x -> x.<Boolean>getAs("hidden_to_hidden")).toList());
        assertTrue(changes.get(1).<Double>getAs("weight_change_frobenius") > 0);
        assertEquals(8, changes.get(1).<Integer>getAs("fan_in"));
    }

    @Test
    void badSettingsExitWithTwoAndWriteNothing() {
        Path results = dir.resolve("bad");
        assertEquals(2, cli.run("train", "--config", config.toString(), "--ame", table.toString(), "--out", results.toString(),
                "--set", "train.width=0"));
        assertTrue(cli.err().contains("train.width"), cli.err());
        assertEquals(2, cli.run("train", "--config", config.toString(), "--ame", table.toString(), "--out", results.toString(),
                "--set", "train.activation=\"relu6\""));
        assertTrue(cli.err().contains("train.activation") && cli.err().contains("relu6"), cli.err());
        assertEquals(2, cli.run("train", "--config", config.toString(), "--ame", table.toString(), "--out", results.toString(),
                "--set", "train.init=\"critical\"", "--set", "train.activation=\"softplus\""));
        assertTrue(cli.err().contains("no critical initialization"), cli.err());
        assertEquals(2, cli.run("train", "--config", config.toString(), "--ame", table.toString(), "--out", results.toString(),
                "--set", "train.phases=[]"));
        assertTrue(cli.err().contains("train.phases"), cli.err());
        assertEquals(2, cli.run("train", "--config", config.toString(), "--ame", table.toString(), "--out", results.toString(),
                "--set", "train.precision=\"float16\""));
        assertTrue(cli.err().contains("train.precision") && cli.err().contains("float16"), cli.err());
        // Width 30000: about 2e9 parameters, tens of GB, more than the test JVM may use.
        assertEquals(2, cli.run("train", "--config", config.toString(), "--ame", table.toString(), "--out", results.toString(),
                "--set", "train.width=30000"));
        assertTrue(cli.err().contains("a training of relu width 30000 depth") && cli.err().contains("needs about")
                && cli.err().contains("ANNFT_DRIVER_MEMORY"), cli.err());
        assertEquals(2, cli.run("sweep", "--config", config.toString(), "--ame", table.toString(), "--out", results.toString(),
                "--set", "sweep.widths=[10,30000]", "--no-estimate"));
        assertTrue(cli.err().contains("sweep: a training of") && cli.err().contains("width 30000"), cli.err());
        assertEquals(2, cli.run("sweep", "--config", config.toString(), "--ame", table.toString(), "--out", results.toString(),
                "--set", "sweep.activations=[softplus]", "--set", "sweep.modes=[cict]", "--no-estimate"));
        assertTrue(cli.err().contains("sweep.modes") && cli.err().contains("softplus has no critical initialization"),
                cli.err());
        assertEquals(2, cli.run("bench", "train", "--widths", "0"));
        assertTrue(cli.err().contains("bench train options"), cli.err());
        assertEquals(2, cli.run("init-ensemble", "--out", results.toString(), "--set", "ensemble.sampler=weight",
                "--set", "ensemble.widths=[1000000]", "--set", "ensemble.raw-inputs=[[0.5]]"));
        assertTrue(cli.err().contains("init-ensemble: a chunk of") && cli.err().contains("width 1000000"), cli.err());
        assertEquals(2, cli.run("sweep", "--config", config.toString(), "--ame", table.toString(), "--out", "",
                "--set", "sweep.widths=[8,8]", "--no-estimate"));
        assertTrue(cli.err().contains("sweep.widths") && cli.err().contains("twice"), cli.err());
        assertEquals(2, cli.run("train", "--config", config.toString(), "--ame", table.toString(), "--out", " "));
        assertTrue(cli.err().contains("--out is empty"), cli.err());
        assertFalse(Files.exists(results), "no output directory for a failed command");
    }

    /** The memory estimate of a training counts its parameters and activations as documented. */
    @Test
    void trainingMemoryIsSixCopiesOfTheParametersAndTwoActivationsPerUnitAndNuclide() {
        TrainingRun r = TrainingRun.fromConfig(org.annft.config.AnnftConfig.load(java.util.Optional.empty(),
                List.of("train.width=100", "train.depth=4")));
        // P = 2*100 + 100 + 2*(100*100 + 100) + 100 + 1 = 20601; activations 2 * 1000 * 100 * 4.
        assertEquals(8L * (6 * 20601 + 2 * 1000 * 100 * 4), r.memoryBytes(2, 1000));
    }

    @Test
    void benchTrainPrintsRatiosAgainstDgemmSgemmAndTheBandwidth() {
        assertEquals(0, cli.run("bench", "train", "--widths", "16", "--samples", "64", "--seconds", "0.05"), cli.err());
        String report = cli.out();
        assertTrue(report.lines().anyMatch(l -> l.matches("BLAS: (bundled|system|java) .*")), report);
        assertTrue(report.lines().anyMatch(l -> l.matches("limits of one core: dgemm .* GFLOP/s, sgemm .* GFLOP/s \\(1000\\^3\\), "
                + "STREAM triad .* GB/s, .*")), report);
        for (String row : List.of("float64 32 16 ", "float32 32 16 ", "float64 full 16 ", "float32 full 16 ")) {
            assertTrue(report.lines().anyMatch(l -> l.trim().replaceAll(" +", " ").startsWith(row) && l.contains("%")),
                    row + " in\n" + report);
        }
        // Against the limits: 2 x 64 x (2 (16 x 2 + 16 x 16 + 16 x 16 + 16) + 16 x 16 + 16 x 16 + 16) flops per epoch.
        for (String precision : List.of("float64", "float32")) {
            assertTrue(report.contains("  " + precision + " batch 32 width 16: 2.11e+05 FLOP, "), precision + " in\n" + report);
        }
    }

    @Test
    void float32TrainingIsRecordedAsSuch() {
        SparkSession spark = TestSpark.session();
        Path results = dir.resolve("float32");
        assertEquals(0, cli.run("train", "--config", config.toString(), "--ame", table.toString(), "--out", results.toString(),
                "--set", "train.precision=\"float32\""), cli.err());
        Row r = spark.read().parquet(results.resolve("runs").toString()).collectAsList().get(0);
        assertEquals("float32", r.<String>getAs("precision"));
        assertEquals(org.annft.linalg.BlasLibrary.current().summary(), r.<String>getAs("gemm"),
                "sgemm runs on the library annft.blas chose, recorded as for float64");
        assertTrue(r.<Double>getAs("final_loss") < r.<Double>getAs("initial_loss"), "training must lower the loss");
        String config = spark.read().parquet(results.resolve("run_info").toString()).collectAsList().get(0).getAs("config_json");
        assertTrue(config.contains("\"precision\":\"float32\""), config);
    }
}
