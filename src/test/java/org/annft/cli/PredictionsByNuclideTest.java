package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.annft.spark.ResultStore;
import org.annft.spark.TestSpark;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table {@code predictions} is tidy: each row names its nuclide, so it joins by (Z, N) with no
 * reliance on row order. Checked on the real AME2020 table for 56Fe and 208Pb against AME's values
 * and the table {@code residuals} of the same sweep.
 */
class PredictionsByNuclideTest {

    @TempDir
    Path dir;

    @Test
    void predictionsJoinNuclidesByKey() {
        CliRun cli = new CliRun();
        Path out = dir.resolve("sweep");
        assertEquals(0, cli.run("sweep", "--no-estimate", "--out", out.toString(), "--set", "sweep.activations=[relu]",
                "--set", "sweep.modes=[cict]", "--set", "sweep.widths=[4]", "--set", "sweep.depths=[2]",
                "--set", "sweep.runs=1", "--set", "train.batch-size=0", "--set", "table.cutoff-mev=1e9",
                "--set", "train.phases=[{epochs = 3, lambda-b = 0.01, lambda-w = 0.01}]"), cli.err());
        SparkSession spark = TestSpark.session();
        ResultStore.readTable(spark, out.resolve("predictions").toString()).createOrReplaceTempView("p");
        ResultStore.readTable(spark, out.resolve("residuals").toString()).createOrReplaceTempView("r");
        List<Row> rows = spark.sql("SELECT p.z, p.n, p.a, p.element, p.prediction_mev, r.prediction_mean_mev, "
                + "r.binding_energy_mev FROM p JOIN r ON p.z = r.z AND p.n = r.n "
                + "WHERE (p.z = 26 AND p.n = 30) OR (p.z = 82 AND p.n = 126) ORDER BY p.z").collectAsList();
        assertEquals(2, rows.size());
        assertEquals(List.of(26, 30, 56, "Fe"), List.of(rows.get(0).get(0), rows.get(0).get(1), rows.get(0).get(2),
                rows.get(0).get(3)));
        assertEquals(List.of(82, 126, 208, "Pb"), List.of(rows.get(1).get(0), rows.get(1).get(1), rows.get(1).get(2),
                rows.get(1).get(3)));
        // AME2020: B(56Fe) = 492.26 MeV, B(208Pb) = 1636.43 MeV.
        assertEquals(492.26, rows.get(0).getDouble(6), 0.01);
        assertEquals(1636.43, rows.get(1).getDouble(6), 0.01);
        for (Row r : rows) {
            // One run: its prediction is the configuration's mean prediction of the residuals table.
            assertEquals(r.getDouble(5), r.getDouble(4), 1e-9 * Math.abs(r.getDouble(5)), r.toString());
            assertTrue(Double.isFinite(r.getDouble(4)));
        }

        // The sweep writes the data set it trained on, keyed by the index predictions refer to.
        ResultStore.readTable(spark, out.resolve("dataset").toString()).createOrReplaceTempView("d");
        assertEquals(0L, spark.sql("SELECT count(*) FROM p JOIN d USING (nuclide_index) WHERE p.z != d.z OR p.n != d.n "
                + "OR p.element != d.element").first().getLong(0), "predictions and dataset agree on every nuclide");
        assertEquals(spark.sql("SELECT count(*) FROM d").first().getLong(0),
                spark.sql("SELECT count(DISTINCT nuclide_index) FROM p").first().getLong(0), "one prediction per nuclide");
        assertEquals(1636.43, spark.sql("SELECT binding_energy_mev FROM d WHERE z = 82 AND n = 126").first().getDouble(0), 0.01);

        // For scripts: every row of ensemble_predictions on standard output, as CSV or JSON Lines.
        Path predicted = dir.resolve("predicted");
        assertEquals(0, cli.run("predict", "--models", out.toString(), "--nuclides", "208Pb,Fe-56", "--format", "csv",
                "--out", predicted.toString()), cli.err());
        List<String> csv = cli.out().lines().toList();
        assertEquals(String.join(",", ResultTables.ENSEMBLE_PREDICTIONS.columnNames()), csv.get(0));
        assertEquals(3, csv.size(), cli.out());
        List<String> fe = List.of(csv.get(1).split(","));
        int z = ResultTables.ENSEMBLE_PREDICTIONS.index("z");
        int mean = ResultTables.ENSEMBLE_PREDICTIONS.index("mean_mev");
        assertEquals(List.of("26", "30", "56", "Fe"), fe.subList(z, z + 4));
        assertEquals(rows.get(0).getDouble(4), Double.parseDouble(fe.get(mean)), 1e-9 * Math.abs(rows.get(0).getDouble(4)),
                "the mean of one network is its prediction, printed to the last bit");
        assertEquals(0, cli.run("predict", "--models", out.toString(), "--nuclides", "208Pb,Fe-56", "--format", "json",
                "--out", predicted.toString(), "--overwrite"), cli.err());
        List<String> json = cli.out().lines().toList();
        assertEquals(2, json.size(), cli.out());
        try {
            com.fasterxml.jackson.databind.JsonNode pb = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.get(1));
            assertEquals(82, pb.get("z").asInt());
            assertEquals("Pb", pb.get("element").asText());
            assertEquals(false, pb.get("ame_estimated").asBoolean());
            assertEquals(rows.get(1).getDouble(4), pb.get("mean_mev").asDouble(), 1e-9 * Math.abs(rows.get(1).getDouble(4)));
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json.get(1), e);
        }
        assertEquals(2, cli.run("predict", "--models", out.toString(), "--nuclides", "208Pb", "--format", "xml",
                "--out", dir.resolve("x").toString()), cli.out());
        assertTrue(cli.err().contains("'xml' is not one of table, csv, json"), cli.err());
    }
}
