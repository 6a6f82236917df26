package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.annft.spark.ResultStore;
import org.annft.spark.TestSpark;
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
    }
}
