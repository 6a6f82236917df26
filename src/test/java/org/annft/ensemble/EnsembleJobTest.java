package org.annft.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.annft.spark.ResultStore;
import org.annft.spark.SparkSessions;
import org.annft.spark.TestSpark;
import org.annft.theory.GlobalRate;
import org.annft.train.TrainingMode;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job: aggregation exactness, determinism, and the measured moments against the theory. */
class EnsembleJobTest {

    @TempDir
    Path dir;

    private static EnsembleSettings settings(long samples, int chunk, List<String> activations, List<Double> cW,
                                             List<Integer> widths, List<Integer> layers, List<double[]> inputs,
                                             long keep) {
        List<String> labels = inputs.stream().map(java.util.Arrays::toString).toList();
        return new EnsembleSettings(42, samples, SamplerKind.FUNCTION, chunk, activations, cW, List.of(0.0), widths,
                layers, inputs, labels, 40, 6.0, keep);
    }

    private List<Row> run(SparkSession spark, EnsembleSettings s, int partitions, String name, List<String> tables) {
        ResultStore store = new ResultStore(spark, dir.resolve(name).toString(), false);
        try (ResultStore.Commit c = store.begin()) {
            EnsembleJob.run(spark, s, partitions, c);
            c.commit();
        }
        String[] key = tables.get(0).equals("init_ntk") ? new String[] {"config_id", "layer", "input_a", "input_b"}
                : new String[] {"config_id", "layer", "input_index"};
        return store.read(tables.get(0)).orderBy(key[0], java.util.Arrays.copyOfRange(key, 1, key.length)).collectAsList();
    }

    @Test
    void momentsEqualATwoPassComputationOnTheSameSamples() {
        SparkSession spark = TestSpark.session();
        EnsembleSettings s = settings(3000, 700, List.of("tanh"), List.of(1.5), List.of(6), List.of(2),
                List.of(new double[] {0.3, 0.8}, new double[] {1.0, -0.2}), 3000);
        ResultStore store = new ResultStore(spark, dir.resolve("twopass").toString(), false);
        try (ResultStore.Commit c = store.begin()) {
            EnsembleJob.run(spark, s, 3, c);
            c.commit();
        }
        Map<String, List<Double>> values = new HashMap<>();
        for (Row r : store.read("init_samples").orderBy("sample").collectAsList()) {
            values.computeIfAbsent(r.getAs("layer") + "/" + r.getAs("input_index"), x -> new ArrayList<>())
                    .add(r.<Double>getAs("value"));
        }
        List<Row> moments = store.read("init_moments").collectAsList();
        assertEquals(3 * 2, moments.size());
        for (Row m : moments) {
            double[] x = values.get(m.getAs("layer") + "/" + m.getAs("input_index")).stream()
                    .mapToDouble(Double::doubleValue).toArray();
            assertEquals(3000, x.length);
            SampleMoments ref = SampleMoments.of(x);
            assertEquals(3000L, m.<Long>getAs("samples"));
            assertEquals(ref.mean(), m.<Double>getAs("mean"), 1e-10 * Math.sqrt(ref.m2()));
            assertEquals(ref.m2(), m.<Double>getAs("m2"), 1e-10 * ref.m2());
            assertEquals(ref.m4(), m.<Double>getAs("m4"), 1e-10 * ref.m4());
            assertEquals(ref.kurtosisExcess(), m.<Double>getAs("kurtosis_excess"), 1e-9);
            assertEquals(ref.m2Se(), m.<Double>getAs("m2_se"), 1e-8 * ref.m2Se());
            assertEquals(ref.m4() - 3 * ref.m2() * ref.m2(), m.<Double>getAs("k4"), 1e-10 * ref.m4());
        }
        // Histogram counts add up to the samples inside the range.
        for (Row m : moments) {
            long inRange = store.read("init_histograms")
                    .where("layer = " + m.getAs("layer") + " AND input_index = " + m.getAs("input_index"))
                    .groupBy().sum("count").first().getLong(0);
            assertEquals(3000L - m.<Long>getAs("outside_histogram"), inRange);
        }
        // Covariance of the two inputs at layer 1 against the same samples.
        Row cov = store.read("init_covariance").where("layer = 1").first();
        double[] a = values.get("1/0").stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = values.get("1/1").stream().mapToDouble(Double::doubleValue).toArray();
        double ma = java.util.Arrays.stream(a).average().orElseThrow();
        double mb = java.util.Arrays.stream(b).average().orElseThrow();
        double c = 0;
        for (int i = 0; i < a.length; i++) {
            c += (a[i] - ma) * (b[i] - mb);
        }
        assertEquals(c / a.length, cov.<Double>getAs("covariance"), 1e-10);
    }

    @Test
    void reluVarianceIsConstantAtCriticalityAndScalesByHalfCwAway() {
        SparkSession spark = TestSpark.session();
        EnsembleSettings s = settings(40_000, 10_000, List.of("relu"), List.of(2.0, 1.0, 3.0), List.of(30),
                List.of(6), List.<double[]>of(new double[] {0.22, 0.17}), 0);
        List<Row> rows = run(spark, s, 0, "criticality", List.of("init_moments"));
        double k1 = 2.0 * (0.22 * 0.22 + 0.17 * 0.17) / 2;
        for (Row r : rows) {
            double cW = r.getAs("c_w");
            int layer = r.getAs("layer");
            double expected = k1 * cW / 2.0 * Math.pow(cW / 2.0, layer - 1);
            // E[G^(l+1)] = C_W E[relu(z)^2] = (C_W/2) E[z^2] holds exactly at any width for ReLU, C_b = 0.
            assertEquals(expected, r.<Double>getAs("theory_kernel"), 1e-12 * expected);
            assertTrue(Math.abs(r.<Double>getAs("m2") - expected) < 4 * r.<Double>getAs("m2_se"),
                    "C_W=" + cW + " layer " + layer + ": m2 " + r.getAs("m2") + " vs " + expected);
        }
    }

    @Test
    void measuredVertexMatchesTheoryAtWidth240() {
        SparkSession spark = TestSpark.session();
        EnsembleSettings s = settings(200_000, 25_000, List.of("relu"), List.of(2.0), List.of(240), List.of(3),
                List.<double[]>of(new double[] {0.22, 0.17}), 0);
        for (Row r : run(spark, s, 0, "vertex", List.of("init_moments"))) {
            int layer = r.getAs("layer");
            double kernel = r.getAs("theory_kernel");
            double theory = r.getAs("theory_v_over_n");
            // Critical ReLU: V/n = 5 (l - 1) K^2 / n.
            assertEquals(5.0 * (layer - 1) * kernel * kernel / 240, theory, 1e-9 * kernel * kernel);
            double measured = r.getAs("v_over_n");
            double se = r.getAs("v_over_n_se");
            // Statistical tolerance 4 standard errors, plus 5% of the value for the O(1/n) corrections
            // to the leading-order vertex.
            assertTrue(Math.abs(measured - theory) <= 4 * se + 0.05 * Math.abs(theory),
                    "layer " + layer + ": V/n measured " + measured + " +- " + se + ", theory " + theory);
            assertEquals(r.<Double>getAs("theory_v_over_n_from_measured"), theory,
                    4 * se + 0.05 * Math.abs(theory) + 1e-12, "from the measured first layer");
        }
    }

    /**
     * An input of 0 with C_b = 0: every ReLU network outputs exactly 0 there, at every layer, and
     * softplus only in layer 1. The ratios to that variance (excess kurtosis, its error, the
     * Gaussian density, correlations) are NULL; V/n and its error are 0; the other input is untouched.
     */
    @Test
    void zeroVarianceGivesNullRatios() {
        SparkSession spark = TestSpark.session();
        EnsembleSettings s = settings(2000, 500, List.of("relu", "softplus"), List.of(2.0), List.of(6), List.of(2),
                List.of(new double[] {0.0}, new double[] {0.5}), 0);
        ResultStore store = new ResultStore(spark, dir.resolve("zero").toString(), false);
        try (ResultStore.Commit c = store.begin()) {
            EnsembleJob.run(spark, s, 2, c);
            c.commit();
        }
        List<Row> moments = store.read("init_moments").collectAsList();
        assertEquals(2 * 3 * 2, moments.size());
        int zero = 0;
        for (Row m : moments) {
            String where = m.getAs("activation") + " layer " + m.getAs("layer") + " input " + m.getAs("input_index");
            boolean constant = m.<Integer>getAs("input_index") == 0
                    && (m.getAs("activation").equals("relu") || m.<Integer>getAs("layer") == 1);
            if (constant) {
                zero++;
                assertEquals(0.0, m.<Double>getAs("m2"), where);
                assertEquals(0.0, m.<Double>getAs("v_over_n"), where);
                assertEquals(0.0, m.<Double>getAs("v_over_n_se"), where);
                assertTrue(m.isNullAt(m.fieldIndex("kurtosis_excess")), where);
                assertTrue(m.isNullAt(m.fieldIndex("kurtosis_excess_se")), where);
                assertTrue(m.isNullAt(m.fieldIndex("theory_kurtosis_excess")), where);
            } else {
                assertTrue(m.<Double>getAs("m2") > 0, where);
                assertTrue(Double.isFinite(m.<Double>getAs("kurtosis_excess")), where);
                assertTrue(m.<Double>getAs("kurtosis_excess_se") > 0, where);
            }
        }
        assertEquals(4, zero);
        assertEquals(4, store.read("init_histograms").where("gaussian_density IS NULL")
                .select("config_id", "layer", "input_index").distinct().count());
        assertEquals(0, store.read("init_histograms").where("gaussian_density IS NULL AND input_index = 1").count());
        // The correlation of the two inputs is undefined wherever input 0 has no variance.
        assertEquals(4, store.read("init_covariance").where("correlation IS NULL").count());
        assertEquals(2, store.read("init_covariance").where("correlation IS NOT NULL").count());
    }

    /**
     * With {@code ensemble.ntk}: the NTK table has a row per (layer, pair a <= b), is the same to the
     * last bit for 1 and 5 partitions, and the weight sampler's moments come with it.
     */
    @Test
    void ntkTableIsBitIdenticalAcrossPartitioning() {
        EnsembleSettings s = new EnsembleSettings(42, 900, SamplerKind.WEIGHT, 100, List.of("tanh"), List.of(1.0),
                List.of(0.0), List.of(12), List.of(2), List.of(new double[] {0.3, 0.8}, new double[] {1.0, -0.2}),
                List.of("a", "b"), 20, 6.0, 0).withNtk(new NtkSettings(TrainingMode.GLOBAL, GlobalRate.PRACTICE));
        SparkSession spark = TestSpark.session();
        List<Row> one = run(spark, s, 1, "ntk1", List.of("init_ntk"));
        List<Row> five = run(spark, s, 5, "ntk5", List.of("init_ntk"));
        assertEquals(3 * 3, one.size());
        assertEquals(one, five);
        for (Row r : one) {
            assertEquals(900L, r.<Long>getAs("samples"));
            assertEquals("global", r.getAs("rates"));
            assertTrue(r.<Double>getAs("theory") > 0);
        }
    }

    @Test
    void tablesAreBitIdenticalAcrossPartitioningAndCores() {
        EnsembleSettings s = settings(12_000, 1_000, List.of("relu", "softplus"), List.of(2.0), List.of(10),
                List.of(3), List.of(new double[] {0.22, 0.17}, new double[] {0.5, 0.5}), 0);
        List<String> tables = List.of("init_moments");
        SparkSession two = TestSpark.session();
        List<Row> one = run(two, s, 1, "p1", tables);
        List<Row> seven = run(two, s, 7, "p7", tables);
        List<Row> byDefault = run(two, s, 0, "p0", tables);
        two.stop();
        SparkSession single = SparkSessions.create("annft tests, one core", "local[1]", false);
        List<Row> oneCore = run(single, s, 5, "c1", tables);
        single.stop();
        assertEquals(one, seven);
        assertEquals(one, byDefault);
        assertEquals(one, oneCore);
        assertEquals(2 * 4 * 2, one.size());
    }
}
