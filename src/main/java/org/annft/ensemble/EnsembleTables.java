package org.annft.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.annft.spark.SparkTables;
import org.annft.stats.CentralMoments;
import org.annft.table.ResultTables;
import org.annft.theory.DepthRecursion;
import org.annft.theory.LayerKernelMatrix;
import org.annft.theory.LearningRates;
import org.annft.theory.NtkVariance;
import org.annft.theory.TheoryProfile;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of the ensemble's tables ({@link ResultTables}: {@code init_configurations},
 * {@code init_moments}, {@code init_histograms}, {@code init_covariance}, {@code init_samples}),
 * built on the driver from the folded chunks of every (configuration, layer, input) and the theory.
 */
final class EnsembleTables {

    private EnsembleTables() {
    }

    // ---- init_configurations ----

    static List<Row> configurationRows(List<EnsembleConfiguration> cs, EnsembleSettings settings) {
        List<Row> rows = new ArrayList<>();
        for (EnsembleConfiguration c : cs) {
            rows.add(SparkTables.row(ResultTables.INIT_CONFIGURATIONS, row(new Object[] {c.id()}, c, settings.samples(),
                    scala.jdk.javaapi.CollectionConverters.asScala(settings.inputLabels()).toSeq())));
        }
        return rows;
    }

    /** The values of the configuration's columns ({@code activation .. sampler}), after the leading ones. */
    private static Object[] row(Object[] leading, EnsembleConfiguration c, Object... rest) {
        Object[] v = new Object[leading.length + 6 + rest.length];
        System.arraycopy(leading, 0, v, 0, leading.length);
        Object[] conf = {c.activationName(), c.cW(), c.cB(), c.width(), c.hiddenLayers(), c.sampler().configName()};
        System.arraycopy(conf, 0, v, leading.length, conf.length);
        System.arraycopy(rest, 0, v, leading.length + conf.length, rest.length);
        return v;
    }

    // ---- init_ntk ----

    /**
     * One row per (configuration, layer, input pair a <= b), in the table's order: the measured NTK's
     * mean and variance over the networks with their standard errors, the infinite-width theory
     * (the recursion with the same rates), the leading-order variance on the diagonal, and the
     * relative fluctuation.
     */
    static List<Row> ntkRows(List<EnsembleConfiguration> cs, EnsembleSettings settings, Map<Long, NtkFold> folds) {
        List<Row> rows = new ArrayList<>();
        for (EnsembleConfiguration c : cs) {
            LearningRates rates = settings.ntk().tensor(c);
            List<LayerKernelMatrix> theory = DepthRecursion.kernelMatrices(c.network().theory(), c.inputs(), rates);
            List<List<NtkVariance.Layer>> predictions = EnsembleTheory.ntkVariance(c, rates);
            int k = c.inputCount();
            for (int l = 1; l <= c.layers(); l++) {
                for (int a = 0; a < k; a++) {
                    for (int b = a; b < k; b++) {
                        CentralMoments m = folds.get(EnsembleJob.key(c.id(), l, ChunkStatistics.pair(a, b, k))).total();
                        double mean = m.mean();
                        double variance = m.variance();
                        boolean ratios = mean != 0;
                        double relativeVariance = variance / (mean * mean);
                        // d(v/m^2) = dv/m^2 - 2 v dm/m^3, with the errors of v and m taken as independent.
                        double relativeVarianceSe = Math.hypot(m.varianceStandardError() / (mean * mean),
                                2 * variance * m.meanStandardError() / Math.abs(mean * mean * mean));
                        NtkVariance.Layer predicted = a == b ? predictions.get(a).get(l - 1) : null;
                        boolean relativeTheory = predicted != null && predicted.ntk() != 0;
                        rows.add(SparkTables.row(ResultTables.INIT_NTK, row(new Object[] {c.id()}, c,
                                settings.ntk().rates().configName(), l, (double) l / c.width(), a, b, m.count(), mean,
                                m.meanStandardError(), variance, m.varianceStandardError(), theory.get(l - 1).ntk(a, b),
                                predicted == null ? null : predicted.variance(),
                                ratios ? Math.sqrt(variance) / Math.abs(mean) : null, ratios ? relativeVariance : null,
                                ratios ? relativeVarianceSe : null, relativeTheory ? predicted.relativeVariance() : null)));
                    }
                }
            }
        }
        return rows;
    }

    // ---- init_moments ----

    /** Columns of {@code init_moments} that later tables read. */
    private static final int SAMPLES = ResultTables.INIT_MOMENTS.index("samples");
    private static final int MEAN = ResultTables.INIT_MOMENTS.index("mean");
    private static final int M2 = ResultTables.INIT_MOMENTS.index("m2");

    /**
     * One row per (configuration, layer, input), in that order (the table's): the measured moments, their
     * standard errors, and the theory from the inputs and from the measured first layer. Ratios to
     * the variance are NULL where it is 0 (every network gives the same value there).
     */
    static List<Row> momentRows(List<EnsembleConfiguration> cs, List<EnsembleTheory> theory,
                                        Map<Long, ChunkFold> folds) {
        List<Row> rows = new ArrayList<>();
        for (EnsembleConfiguration c : cs) {
            EnsembleTheory t = theory.get(c.id());
            List<TheoryProfile> fromMeasured = new ArrayList<>();
            for (int a = 0; a < c.inputCount(); a++) {
                ChunkFold first = folds.get(EnsembleJob.key(c.id(), 1, a));
                double firstM2 = first.centralMoment(2);
                fromMeasured.add(firstM2 > 0 ? EnsembleTheory.fromMeasured(c, firstM2,
                        (first.centralMoment(4) - 3 * firstM2 * firstM2) / 3) : null);
            }
            for (int l = 1; l <= c.layers(); l++) {
                for (int a = 0; a < c.inputCount(); a++) {
                    ChunkFold f = folds.get(EnsembleJob.key(c.id(), l, a));
                    TheoryProfile measured = fromMeasured.get(a);
                    long samples = f.samples();
                    double c2 = f.centralMoment(2);
                    double c4 = f.centralMoment(4);
                    double[] errors = f.standardErrors();
                    double kernel = t.kernel(l, a);
                    double v = t.vertexOverWidth(l, a);
                    rows.add(SparkTables.row(ResultTables.INIT_MOMENTS, row(new Object[] {c.id(), l, a}, c, samples, f.mean(), c2, c4, c4 - 3 * c2 * c2,
                            (c4 - 3 * c2 * c2) / 3, c2 > 0 ? c4 / (c2 * c2) - 3 : null,
                            Math.sqrt((c4 - c2 * c2) / samples), errors[0],
                            c2 > 0 && !Double.isNaN(errors[1]) ? errors[1] : null, f.outside(), kernel, v,
                            kernel > 0 ? 3 * v / (kernel * kernel) : null,
                            measured == null ? Double.NaN : measured.layer(l).kernel(),
                            measured == null ? Double.NaN : measured.layer(l).vertexOverWidth())));
                }
            }
        }
        return rows;
    }

    /** The moment row of (configuration, layer, input) in {@link #momentRows}' order. */
    private static Row momentRow(List<Row> moments, List<EnsembleConfiguration> cs, int configurationId, int layer,
                                 int input) {
        int index = 0;
        for (EnsembleConfiguration c : cs) {
            if (c.id() == configurationId) {
                return moments.get(index + (layer - 1) * c.inputCount() + input);
            }
            index += c.inputCount() * c.layers();
        }
        throw new IllegalArgumentException("no configuration " + configurationId);
    }

    // ---- init_histograms ----

    /**
     * The non-empty bins on {@code [-h, h]}: counts, the density {@code count / (N * width)} and the
     * Gaussian of the measured mean and variance at the bin's centre.
     */
    static List<Row> histogramRows(List<EnsembleConfiguration> cs, List<double[]> halfRanges, int bins,
                                           Map<Long, ChunkFold> folds, List<Row> moments) {
        List<Row> rows = new ArrayList<>();
        for (EnsembleConfiguration c : cs) {
            for (int l = 1; l <= c.layers(); l++) {
                for (int a = 0; a < c.inputCount(); a++) {
                    long[] counts = folds.get(EnsembleJob.key(c.id(), l, a)).histogram();
                    Row m = momentRow(moments, cs, c.id(), l, a);
                    long samples = m.getLong(SAMPLES);
                    double mean = m.getDouble(MEAN);
                    double m2 = m.getDouble(M2);
                    double h = halfRanges.get(c.id())[(l - 1) * c.inputCount() + a];
                    for (int b = 0; b < bins; b++) {
                        if (counts[b] > 0) {
                            double low = -h + 2 * h * b / bins;
                            double high = -h + 2 * h * (b + 1) / bins;
                            rows.add(SparkTables.row(ResultTables.INIT_HISTOGRAMS, row(new Object[] {c.id()}, c, l, a, b, low, high, counts[b],
                                    counts[b] / (samples * (high - low)),
                                    m2 > 0 ? Math.exp(-Math.pow((low + high) / 2 - mean, 2) / (2 * m2))
                                            / Math.sqrt(2 * Math.PI * m2) : null)));
                        }
                    }
                }
            }
        }
        return rows;
    }

    // ---- init_covariance ----

    /** Per input pair a &lt; b: {@code cov = S_ab / N - m_a m_b}, the correlation, and the theory's kernel. */
    static List<Row> covarianceRows(List<EnsembleConfiguration> cs, List<EnsembleTheory> theory,
                                            Map<Long, ChunkFold> folds, List<Row> moments) {
        List<Row> rows = new ArrayList<>();
        for (EnsembleConfiguration c : cs) {
            EnsembleTheory t = theory.get(c.id());
            for (int l = 1; l <= c.layers(); l++) {
                for (int a = 0; a < c.inputCount(); a++) {
                    ChunkFold f = folds.get(EnsembleJob.key(c.id(), l, a));
                    Row ma = momentRow(moments, cs, c.id(), l, a);
                    for (int b = a + 1; b < c.inputCount(); b++) {
                        Row mb = momentRow(moments, cs, c.id(), l, b);
                        long n = f.samples();
                        double covariance = f.crossSum(b) / n - ma.getDouble(MEAN) * mb.getDouble(MEAN);
                        double va = ma.getDouble(M2);
                        double vb = mb.getDouble(M2);
                        double kab = t.kernel(l, a, b);
                        double kaa = t.kernel(l, a, a);
                        double kbb = t.kernel(l, b, b);
                        rows.add(SparkTables.row(ResultTables.INIT_COVARIANCE, row(new Object[] {c.id()}, c, l, a, b, n, covariance,
                                va > 0 && vb > 0 ? covariance / Math.sqrt(va * vb) : null, va, vb, kab,
                                kaa > 0 && kbb > 0 ? kab / Math.sqrt(kaa * kbb) : null)));
                    }
                }
            }
        }
        return rows;
    }

    // ---- init_samples ----

    static Dataset<Row> samples(SparkSession spark, JavaRDD<ChunkStatistics> chunks) {
        StructType schema = SparkTables.schema(ResultTables.INIT_SAMPLES);
        JavaRDD<Row> rows = chunks.flatMap(s -> {
            List<Row> r = new ArrayList<>();
            for (int i = 0; i < s.keptSamples.size(); i++) {
                double[] z = s.keptSamples.get(i);
                for (int la = 0; la < z.length; la++) {
                    r.add(SparkTables.row(ResultTables.INIT_SAMPLES, s.task.configurationId(), s.task.firstSample() + i, la / s.k + 1,
                            la % s.k, z[la]));
                }
            }
            return r.iterator();
        });
        return spark.createDataFrame(rows, schema).orderBy("config_id", "sample", "layer", "input_index");
    }
}
