package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.annft.data.AmeTableWriter;
import org.annft.report.Report;
import org.annft.spark.TestSpark;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code annft predict --calibration}: tiny sweeps on a chart of seven measured isotopes per element
 * (and two estimated beyond each), one trained without the 2 outermost isotopes on either side, one on
 * all; the calibration fitted on the first's edge isotopes is recomputed here from its networks'
 * predictions and must be the one the second's intervals apply.
 */
class CalibratedPredictionTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private static final String[] GRID = {"--no-estimate", "--set", "data.subset=experimental",
        "--set", "sweep.activations=[relu]", "--set", "sweep.modes=[cict]", "--set", "sweep.widths=[8]",
        "--set", "sweep.depths=[3]", "--set", "sweep.runs=3", "--set", "train.batch-size=16",
        "--set", "table.cutoff-mev=1e9", "--set", "train.ntk.nuclides=[]",
        "--set", "train.phases=[{epochs = 20, lambda-b = 0.05, lambda-w = 0.05}]"};

    private int sweep(Path table, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", "--ame", table.toString(), "--out", out.toString()));
        args.addAll(List.of(GRID));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void intervalsApplyTheCalibrationFittedOnTheHeldOutEdges() throws Exception {
        // Z = 8..27, N = Z - 2 .. Z + 4 measured: 20 elements of 7, 2 held out per side, 80 edge isotopes.
        Path table = new AmeTableWriter().liquidDropChart(8, 28).writeTo(dir.resolve("mass.txt"));
        Path holdout = dir.resolve("holdout");
        Path full = dir.resolve("full");
        assertEquals(0, sweep(table, holdout, "--set", "data.holdout.edge-isotopes=2"), cli.err());
        assertEquals(0, sweep(table, full), cli.err());
        SparkSession spark = TestSpark.session();
        List<Row> edges = spark.read().parquet(holdout.resolve("dataset").toString()).where("split = 'edge'")
                .orderBy("z", "n").collectAsList();
        assertEquals(80, edges.size());
        for (Row e : edges) {
            int offset = e.<Integer>getAs("n") - e.<Integer>getAs("z");
            // N - Z = -2 and 4 are two neutrons from the training isotopes Z .. Z + 2, -1 and 3 one.
            assertEquals(offset == -2 || offset == 4 ? 2 : 1, e.<Integer>getAs("distance"), e.toString());
        }

        // The holdout networks' own predictions of the edges, from which the calibration is recomputed here.
        Path edgeList = Files.writeString(dir.resolve("edges.txt"), edges.stream()
                .map(e -> e.<Integer>getAs("z") + " " + e.<Integer>getAs("n")).collect(Collectors.joining("\n")));
        assertEquals(0, cli.run("predict", "--ame", table.toString(), "--models", holdout.toString(), "--nuclides",
                edgeList.toString(), "--out", dir.resolve("edges").toString()), cli.err());
        Map<Integer, List<Double>> scores = new java.util.TreeMap<>();
        for (Row r : spark.read().parquet(dir.resolve("edges/ensemble_predictions").toString()).collectAsList()) {
            assertEquals("edge", r.getAs("split"));
            double residual = Math.abs(r.<Double>getAs("ame_mev") - r.<Double>getAs("mean_mev"));
            scores.computeIfAbsent(r.<Integer>getAs("distance"), d -> new ArrayList<>()).add(residual / r.<Double>getAs("std_mev"));
        }
        assertEquals(List.of(1, 2), List.copyOf(scores.keySet()));

        Path predicted = dir.resolve("predicted");
        assertEquals(0, cli.run("predict", "--ame", table.toString(), "--models", full.toString(), "--calibration",
                holdout.toString(), "--out", predicted.toString()), cli.err());
        assertTrue(cli.err().contains("conformal calibration fitted on the edge isotopes of " + holdout), cli.err());
        List<Row> calibration = spark.read().parquet(predicted.resolve("calibration").toString()).collectAsList();
        // Two methods x three levels x two distance groups (40 edges at d = 1, 40 at d = 2).
        assertEquals(12, calibration.size());
        double[] levels = {0.68, 0.90, 0.95};
        Map<String, Double> factors = new java.util.HashMap<>();
        for (Row c : calibration) {
            int d = c.getAs("distance_from");
            assertEquals(d, c.<Integer>getAs("distance_to"));
            assertEquals(40, c.<Integer>getAs("nuclides"));
            double p = c.getAs("level");
            // The factor of d = 2 is at least that of d = 1.
            double expected = 0;
            for (int nearer = 1; nearer <= d; nearer++) {
                double[] s = scores.get(nearer).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                // Split conformal: the ceil((m + 1) p)-th smallest score; inflated: z_p sqrt(mean s^2).
                expected = Math.max(expected, c.getAs("method").equals("conformal") ? s[(int) Math.ceil(41 * p) - 1]
                        : new NormalDistribution(0, 1).inverseCumulativeProbability((1 + p) / 2)
                                * Math.sqrt(Arrays.stream(s).map(x -> x * x).sum() / s.length));
            }
            assertEquals(expected, c.<Double>getAs("factor"), 1e-9 * expected, c.toString());
            assertEquals(c.getAs("method").equals("conformal"), c.<Boolean>getAs("applied"));
            assertEquals(holdout.toString(), c.getAs("fitted_on"));
            factors.put(c.getAs("method") + "/" + p + "/" + d, c.getAs("factor"));
        }

        List<Row> rows = spark.read().parquet(predicted.resolve("ensemble_predictions").toString()).collectAsList();
        assertEquals(20 * 9, rows.size());
        for (Row r : rows) {
            int offset = r.<Integer>getAs("n") - r.<Integer>getAs("z");
            // The full sweep trains on every measured isotope; the estimates are 1 and 2 neutrons beyond.
            int distance = offset <= 4 ? 0 : offset - 4;
            assertEquals(distance, r.<Integer>getAs("distance"), r.toString());
            assertEquals(offset <= 4 ? "train" : null, r.getAs("split"));
            assertTrue(r.<String>getAs("calibration").startsWith("conformal, fitted on the edge isotopes of " + holdout));
            for (int l = 0; l < levels.length; l++) {
                // Training nuclides (d = 0) take the nearest group, d = 1.
                double f = factors.get("conformal/" + levels[l] + "/" + Math.max(distance, 1));
                assertEquals(f * r.<Double>getAs("std_mev"), r.<Double>getAs("calibrated_" + Math.round(100 * levels[l])
                        + "_mev"), 1e-12 * f * r.<Double>getAs("std_mev"));
            }
        }

        // The report checks the intervals on the estimates: one figure, its data, and the table of coverages.
        Report.Summary summary = new Report().write(spark, predicted);
        assertEquals(1, summary.figures() - 3, "the extrapolation's three figures and the coverage figure");
        String html = Files.readString(predicted.resolve("report/index.html"));
        assertTrue(html.contains("estimated binding energies, before and after calibration"));
        assertTrue(html.contains("split conformal *"), "the applied method is marked");
        try (var files = Files.list(predicted.resolve("report"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("uncertainty-coverage"))
                    .sorted().toList();
            assertEquals(List.of("uncertainty-coverage.csv", "uncertainty-coverage.pdf", "uncertainty-coverage.png",
                    "uncertainty-coverage.svg"), names);
        }
    }

    @Test
    void aCalibrationWithoutEdgeIsotopesOrOfAnUnknownMethodExitsTwo() throws Exception {
        Path table = new AmeTableWriter().liquidDropChart(8, 14).writeTo(dir.resolve("mass.txt"));
        Path full = dir.resolve("full");
        assertEquals(0, sweep(table, full, "--set", "sweep.runs=2"), cli.err());
        Path out = dir.resolve("out");
        assertEquals(2, cli.run("predict", "--ame", table.toString(), "--models", full.toString(), "--calibration",
                full.toString(), "--out", out.toString()));
        assertTrue(cli.err().contains("0 edge isotopes, a calibration needs at least 30"), cli.err());
        assertEquals(2, cli.run("predict", "--ame", table.toString(), "--models", full.toString(),
                "--calibration-method", "wide", "--out", out.toString()));
        assertTrue(cli.err().contains("unknown calibration method 'wide'"), cli.err());
        assertEquals(2, cli.run("predict", "--ame", table.toString(), "--models", full.toString(), "--calibration",
                dir.resolve("none").toString(), "--out", out.toString()));
        assertTrue(cli.err().contains("not a directory"), cli.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
