package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.annft.spark.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TheoryCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();


    @Test
    void kernelPrintsTheCriticalReluTable() {
        assertEquals(0, cli.run("theory", "kernel", "--activation", "relu", "--hidden-layers", "3", "--width", "100",
                "--input", "0.13,0.16"), cli.err());
        String text = cli.out();
        // K = 2 (0.13^2 + 0.16^2) / 2 = 0.0425 in every layer; V/K^2 = 5 (l - 1), so 3V/(nK^2) = 0.45 at l_out = 4.
        assertTrue(text.contains("l_out = 4"), text);
        assertTrue(text.contains("    4   4.250000e-02   2.709375e-02   2.709375e-04    4.500000e-01"), text);
    }

    @Test
    void kernelWritesTheTheoryTables() {
        SparkSession spark = TestSpark.session();
        Path results = dir.resolve("theory");
        assertEquals(0, cli.run("theory", "kernel", "--activation", "relu", "--cw", "2", "--cb", "0", "--hidden-layers", "2",
                "--width", "10", "--input", "0.13,0.16;0.9,0.4", "--out", results.toString()), cli.err());
        List<Row> rows = spark.read().parquet(results.resolve("theory").toString()).orderBy("input", "layer")
                .collectAsList();
        assertEquals(6, rows.size());
        Row output = rows.get(2);
        assertEquals(3, output.<Integer>getAs("layer"));
        assertEquals(0.0425, output.<Double>getAs("kernel"), 1e-15);
        assertEquals(5 * 2 * 0.0425 * 0.0425 / 10, output.<Double>getAs("v_over_n"), 1e-12);
        assertEquals(1.0, output.<Double>getAs("chi_parallel"), 1e-9);
        List<Row> matrix = spark.read().parquet(results.resolve("theory_kernel_matrix").toString())
                .where("input_a = 0 and input_b = 1").orderBy("layer").collectAsList();
        assertEquals(3, matrix.size());
        assertEquals(2 * (0.13 * 0.9 + 0.16 * 0.4) / 2, matrix.get(0).<Double>getAs("kernel"), 1e-15);
        assertTrue(Files.isDirectory(results.resolve("run_info")));
    }

    @Test
    void criticalPrintsJson() {
        assertEquals(0, cli.run("theory", "critical", "--activation", "gelu", "--json"), cli.err());
        String json = cli.out();
        assertTrue(json.contains("\"class\":\"NONTRIVIAL\""), json);
        assertTrue(json.contains("\"fixed_point_kernel\":3.5615528128"), json);
        assertEquals(0, cli.run("theory", "critical", "--activation", "softplus"));
        assertTrue(cli.out().contains("class: none") && cli.out().contains("sigma(0) = 0.693147"),
                cli.out());
    }

    @Test
    void aspectRatioReproducesThePaper() {
        assertEquals(0, cli.run("theory", "aspect-ratio", "--activation", "relu", "--hidden-layers", "3", "--outputs", "1"));
        assertTrue(cli.out().contains("r* = 0.0347826"), cli.out());
        assertTrue(cli.out().contains("n* = l_out / r* = 115.0000"), cli.out());
    }

    /** The default input is the paper's Fig. 4 caption value, not annft's scaled 56Fe; the help says which is which. */
    @Test
    void kernelHelpNamesBothFe56Inputs() {
        assertEquals(0, cli.run("theory", "kernel", "--help"));
        String help = cli.out().replaceAll("\\s+", " ");
        assertFalse(help.contains("scaled 56Fe)"), help);
        assertTrue(help.contains("Fig. 4 caption") && help.contains("0.2203,0.1695"), help);
    }

    /** Shifted softplus: its K* = 0 repels (a1 = 3/16), so critical says so and aspect-ratio gives no r*. */
    @Test
    void shiftedSoftplusFixedPointRepelsAndHasNoAspectRatio() {
        assertEquals(0, cli.run("theory", "critical", "--activation", "shifted-softplus"));
        assertTrue(cli.out().contains("= 0.1875") && cli.out().contains("the fixed point repels"), cli.out());
        assertEquals(0, cli.run("theory", "aspect-ratio", "--activation", "shifted-softplus"));
        assertTrue(cli.out().contains("no r*: the K* = 0 fixed point repels"), cli.out());
        assertFalse(cli.out().contains("r* ="), cli.out());
        assertEquals(0, cli.run("theory", "aspect-ratio", "--activation", "tanh"));
        assertTrue(cli.out().contains("r* = 0.260870"), cli.out());
    }

    @Test
    void badInputExitsWithTwoAndNamesTheProblem() {
        Path results = dir.resolve("bad");
        assertBadInput("unknown activation 'swoosh'", "theory", "kernel", "--activation", "swoosh", "--out",
                results.toString());
        assertBadInput("--width must be at least 1", "theory", "kernel", "--activation", "relu", "--width", "0",
                "--out", results.toString());
        assertBadInput("--hidden-layers must be at least 1", "theory", "kernel", "--activation", "relu", "--hidden-layers", "0");
        assertBadInput("component 'x' of input 2", "theory", "kernel", "--activation", "relu", "--input", "0.1,0.2;0.3,x");
        assertBadInput("input 2 has 1 components", "theory", "kernel", "--activation", "relu", "--input", "0.1,0.2;0.3");
        assertBadInput("pass --cw and --cb", "theory", "kernel", "--activation", "softplus");
        assertBadInput("--cw (C_W) must be positive", "theory", "kernel", "--activation", "relu", "--cw", "-1");
        assertBadInput("--outputs must be at least 1", "theory", "aspect-ratio", "--activation", "relu", "--outputs", "0");
        assertBadInput("--activation", "theory", "critical");
        assertBadInput("--raw-lambda-w must be a finite rate >= 0, got -1.0", "theory", "kernel", "--activation", "relu",
                "--raw-lambda-w", "-1");
        assertBadInput("--hidden-layers 2000000000 is above the limit of 100000", "theory", "kernel", "--activation",
                "relu", "--hidden-layers", "2000000000");
        // The depth is l_out everywhere (train.depth, sweep.depths); the theory counts hidden layers by name.
        assertEquals(2, cli.run("theory", "kernel", "--activation", "relu", "--depth", "3"));
        assertBadInput("--master bogus://x: not a Spark master URL", "data", "--master", "bogus://x", "--out",
                results.toString());
        assertBadInput("--master local[0]: not a Spark master URL", "data", "--master", "local[0]", "--out",
                results.toString());
        assertFalse(Files.exists(results), "no output directory for a failed command");
    }

    private void assertBadInput(String fragment, String... args) {
        assertEquals(2, cli.run(args), String.join(" ", args));
        assertTrue(cli.err().contains(fragment), () -> "'" + fragment + "' not in: " + cli.err());
    }

    /** The infinite-width baseline: refuses an activation without closed two-point forms, and runs on a small table. */
    @org.junit.jupiter.api.Test
    void regressionRefusesQuadratureActivationsAndRunsOnATable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        CliRun cli = new CliRun();
        org.junit.jupiter.api.Assertions.assertEquals(2, cli.run("theory", "regression", "--activation", "tanh"));
        org.junit.jupiter.api.Assertions.assertTrue(cli.err().contains("no closed-form two-point"), cli.err());
        java.nio.file.Path table = new org.annft.data.AmeTableWriter().liquidDropChain(8, 30).writeTo(dir.resolve("t.txt"));
        org.junit.jupiter.api.Assertions.assertEquals(0, cli.run("theory", "regression", "--ame", table.toString(),
                "--set", "data.test-fraction=0.25", "--ridge", "1e-4"), cli.err());
        org.junit.jupiter.api.Assertions.assertTrue(cli.out().contains("6 held out") && cli.out().contains("NTK, converged")
                && cli.out().contains("trained, 20000 epochs (mae)") && cli.out().contains("within 1 / 2 std"), cli.out());
        // CINT's global rates grow with the width: no infinite-width limit, refused before anything is written.
        org.junit.jupiter.api.Assertions.assertEquals(2, cli.run("theory", "regression", "--ame", table.toString(),
                "--mode", "cint", "--out", dir.resolve("cint").toString()));
        org.junit.jupiter.api.Assertions.assertTrue(cli.err().contains("--mode cint"), cli.err());
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(dir.resolve("cint")));
    }
}
