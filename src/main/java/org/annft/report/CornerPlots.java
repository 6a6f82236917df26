package org.annft.report;

import static org.annft.table.ResultTables.INIT_CONFIGURATIONS;
import static org.annft.table.ResultTables.INIT_COVARIANCE;
import static org.annft.table.ResultTables.INIT_SAMPLES;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Drawable;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Paper Fig. 5: corner plots of the network outputs at several inputs, one figure per
 * configuration (depth): pairwise scatter plots of the kept samples below the diagonal, marginal
 * histograms on it, and the correlation (measured, and the infinite-width theory when
 * {@code init_covariance} is present) above it.
 */
public final class CornerPlots implements FigureFamily {

    public static final int PANEL_SIZE = 190;
    /** At most this many networks per configuration are drawn (the first ones, by sample index). */
    public static final int MAX_SAMPLES = 5000;

    private static final int HISTOGRAM_BINS = 40;
    private static final double LOW_QUANTILE = 0.005;
    private static final double HIGH_QUANTILE = 0.995;

    /** One configuration's kept outputs: {@code outputs[input][sample]}. */
    private record Samples(int configId, double[][] outputs) {
    }

    /** What {@code init_configurations} says about a configuration. */
    private record Configuration(String activation, double cW, double cB, int width, int hiddenLayers) {
    }

    @Override
    public String heading() {
        return "Fig. 5: correlations between inputs at initialization (corner plots)";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.INIT_SAMPLES);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        Dataset<Row> all = source.read(ResultTables.INIT_SAMPLES);
        Dataset<Row> lastLayer = all.groupBy(INIT_SAMPLES.col("config_id")).agg(max(INIT_SAMPLES.col("layer")).as("last_layer"));
        List<Row> rows = all.join(lastLayer, "config_id")
                .where(col(INIT_SAMPLES.col("layer")).equalTo(col("last_layer")).and(col(INIT_SAMPLES.col("sample")).lt(MAX_SAMPLES)))
                .select(INIT_SAMPLES.col("config_id"), INIT_SAMPLES.col("sample"), INIT_SAMPLES.col("input_index"), INIT_SAMPLES.col("value")).collectAsList();
        Map<Integer, Samples> samples = samples(rows);
        Map<Integer, Configuration> configurations = configurations(source);
        Map<List<Integer>, double[]> correlations = correlations(source);
        EnsembleConfigurations labels = EnsembleConfigurations.of(source);
        List<Figure> figures = new ArrayList<>();
        int index = 0;
        for (Samples s : samples.values()) {
            figures.add(figure(s, configurations.get(s.configId()), correlations, labels, index++, source, files));
        }
        return new Section(heading(), figures, "", List.of());
    }

    private static Map<Integer, Samples> samples(List<Row> rows) {
        Map<Integer, Integer> inputs = new HashMap<>();
        Map<Integer, Long> count = new HashMap<>();
        for (Row r : rows) {
            inputs.merge(r.getAs(INIT_SAMPLES.col("config_id")), r.<Integer>getAs(INIT_SAMPLES.col("input_index")) + 1, Math::max);
            count.merge(r.getAs(INIT_SAMPLES.col("config_id")), r.<Long>getAs(INIT_SAMPLES.col("sample")) + 1, Math::max);
        }
        Map<Integer, Samples> out = new TreeMap<>();
        for (Map.Entry<Integer, Integer> e : inputs.entrySet()) {
            double[][] outputs = new double[e.getValue()][Math.toIntExact(count.get(e.getKey()))];
            for (double[] o : outputs) {
                Arrays.fill(o, Double.NaN);
            }
            out.put(e.getKey(), new Samples(e.getKey(), outputs));
        }
        for (Row r : rows) {
            out.get(r.<Integer>getAs(INIT_SAMPLES.col("config_id"))).outputs()[r.<Integer>getAs(INIT_SAMPLES.col("input_index"))]
                    [Math.toIntExact(r.<Long>getAs(INIT_SAMPLES.col("sample")))] = r.getAs(INIT_SAMPLES.col("value"));
        }
        return out;
    }

    private static Map<Integer, Configuration> configurations(TableSource source) {
        Map<Integer, Configuration> out = new HashMap<>();
        source.readIfPresent(ResultTables.INIT_CONFIGURATIONS).ifPresent(t -> t.collectAsList().forEach(r -> out.put(
                r.getAs(INIT_SAMPLES.col("config_id")), new Configuration(r.getAs(INIT_CONFIGURATIONS.col("activation")), r.getAs(INIT_CONFIGURATIONS.col("c_w")), r.getAs(INIT_CONFIGURATIONS.col("c_b")),
                        r.getAs(INIT_CONFIGURATIONS.col("width")), r.getAs(INIT_CONFIGURATIONS.col("hidden_layers"))))));
        return out;
    }

    /** (config, input a, input b) to {measured correlation, theory correlation} at the last layer. */
    private static Map<List<Integer>, double[]> correlations(TableSource source) {
        Map<List<Integer>, double[]> out = new HashMap<>();
        source.readIfPresent(ResultTables.INIT_COVARIANCE).ifPresent(t -> {
            Dataset<Row> last = t.groupBy(INIT_SAMPLES.col("config_id")).agg(max(INIT_SAMPLES.col("layer")).as("last_layer"));
            t.join(last, "config_id").where(col(INIT_SAMPLES.col("layer")).equalTo(col("last_layer")))
                    .select(INIT_SAMPLES.col("config_id"), INIT_COVARIANCE.col("input_a"), INIT_COVARIANCE.col("input_b"), INIT_COVARIANCE.col("correlation"), INIT_COVARIANCE.col("theory_correlation"))
                    .collectAsList().forEach(r -> out.put(List.of(r.getAs(INIT_SAMPLES.col("config_id")), r.getAs(INIT_COVARIANCE.col("input_a")), r.getAs(INIT_COVARIANCE.col("input_b"))),
                            new double[] {Rows.doubleOrNaN(r, "correlation"), Rows.doubleOrNaN(r, "theory_correlation")}));
        });
        return out;
    }

    private Figure figure(Samples s, Configuration c, Map<List<Integer>, double[]> correlations,
                          EnsembleConfigurations labels, int index, TableSource source, FigureFiles files) throws Exception {
        int k = s.outputs().length;
        double[][] ranges = new double[k][];
        for (int a = 0; a < k; a++) {
            ranges[a] = range(s.outputs()[a]);
        }
        List<Drawable> panels = new ArrayList<>();
        for (int row = 0; row < k; row++) {
            for (int column = 0; column < k; column++) {
                String xLabel = row == k - 1 ? "f(" + inputName(labels.inputLabel(column)) + ")" : null;
                String yLabel = column == 0 && row > 0 ? "f(" + inputName(labels.inputLabel(row)) + ")" : null;
                if (row == column) {
                    panels.add(histogram(s.outputs()[row], ranges[row], xLabel, column == 0));
                } else if (row > column) {
                    panels.add(scatter(s.outputs()[column], s.outputs()[row], ranges[column], ranges[row], xLabel, yLabel));
                } else {
                    double[] measured = correlations.get(List.of(s.configId(), row, column));
                    panels.add(correlationText(pearson(s.outputs()[row], s.outputs()[column]), measured));
                }
            }
        }
        String what = c == null ? "configuration " + s.configId()
                : Labels.activation(c.activation()) + ", n = " + c.width() + ", " + Labels.hiddenLayers(c.hiddenLayers())
                + " (r = l_out/n = " + Labels.number((c.hiddenLayers() + 1.0) / c.width()) + ")";
        String title = "Fig. 5 " + Labels.letter(index) + ": " + what;
        int shown = s.outputs()[0].length;
        String caption = title + (c == null ? "" : ", C_W = " + Labels.number(c.cW()) + ", C_b = " + Labels.number(c.cB()))
                + ". Joint distribution of the network outputs f(x) (the last layer) at the " + k + " inputs, "
                + "for the first " + shown + " of " + labels.samplesPerConfiguration("the sampled")
                + " networks. Below the diagonal: pairwise scatter plots; on it: histograms of each output; above it: "
                + "the correlation coefficient ρ of the pair in the networks shown"
                + (correlations.isEmpty() ? "" : ", in the whole ensemble, and the infinite-width theory (kernel recursion)")
                + ". Axes span the 0.5% to 99.5% quantiles of the outputs. " + source.citation();
        PanelGrid grid = new PanelGrid(title, k, PANEL_SIZE, PANEL_SIZE);
        return grid.write(panels, files, files.name("fig5", "config" + s.configId()), caption);
    }

    /** Raw inputs are labelled as vectors, [-1.5]; a scalar one reads better as x = -1.5. */
    private static String inputName(String label) {
        return label.matches("\\[[^,]*]") ? "x = " + label.substring(1, label.length() - 1) : label;
    }

    private static double[] range(double[] values) {
        double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return new double[] {-1, 1};
        }
        double low = sorted[(int) Math.floor(LOW_QUANTILE * (sorted.length - 1))];
        double high = sorted[(int) Math.ceil(HIGH_QUANTILE * (sorted.length - 1))];
        double pad = high > low ? 0.04 * (high - low) : Math.max(1e-12, Math.abs(low) * 0.1);
        return new double[] {low - pad, high + pad};
    }

    /** Every panel reserves the same axis space, so the grid stays aligned whether or not it shows labels. */
    private static XYPlot cornerPlot(double[] xRange, double[] yRange, String xLabel, String yLabel, boolean yTicks) {
        NumberAxis x = ChartStyle.linear(xLabel);
        x.setRange(xRange[0], xRange[1]);
        x.setTickLabelsVisible(xLabel != null);
        NumberAxis y = ChartStyle.linear(yLabel);
        if (yRange != null) {
            y.setRange(yRange[0], yRange[1]);
        }
        y.setTickLabelsVisible(yTicks);
        XYPlot plot = ChartStyle.plot(x, y);
        AxisSpace left = new AxisSpace();
        left.setLeft(52);
        plot.setFixedRangeAxisSpace(left);
        AxisSpace bottom = new AxisSpace();
        bottom.setBottom(44);
        plot.setFixedDomainAxisSpace(bottom);
        return plot;
    }

    private static JFreeChart histogram(double[] values, double[] range, String xLabel, boolean firstColumn) {
        int[] counts = new int[HISTOGRAM_BINS];
        double width = (range[1] - range[0]) / HISTOGRAM_BINS;
        int total = 0;
        for (double v : values) {
            int b = (int) Math.floor((v - range[0]) / width);
            if (b >= 0 && b < HISTOGRAM_BINS) {
                counts[b]++;
            }
            total += Double.isFinite(v) ? 1 : 0;
        }
        XYIntervalSeries bars = new XYIntervalSeries("histogram");
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            double lo = range[0] + b * width;
            double density = counts[b] / (total * width);
            bars.add(lo + width / 2, lo, lo + width, density, density, density);
        }
        XYPlot plot = cornerPlot(range, null, xLabel, firstColumn ? "density" : null, false);
        XYBarRenderer renderer = new XYBarRenderer(0);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.HISTOGRAM);
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(bars);
        plot.setDataset(data);
        plot.setRenderer(renderer);
        return ChartStyle.chart(null, plot, false);
    }

    private static JFreeChart scatter(double[] x, double[] y, double[] xRange, double[] yRange, String xLabel, String yLabel) {
        XYSeries points = new XYSeries("outputs", false, true);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                points.add(x[i], y[i], false);
            }
        }
        XYPlot plot = cornerPlot(xRange, yRange, xLabel, yLabel, yLabel != null);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-1.2, -1.2, 2.4, 2.4));
        renderer.setSeriesPaint(0, new Color(0x00, 0x72, 0xb2, 70));
        plot.setDataset(new XYSeriesCollection(points));
        plot.setRenderer(renderer);
        return ChartStyle.chart(null, plot, false);
    }

    private static Drawable correlationText(double sampleCorrelation, double[] ensemble) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "ρ = %.3f (shown)", sampleCorrelation));
        if (ensemble != null) {
            lines.add(String.format(Locale.ROOT, "ensemble %.3f", ensemble[0]));
            lines.add(String.format(Locale.ROOT, "theory %.3f", ensemble[1]));
        }
        return (Graphics2D g, Rectangle2D area) -> {
            g.setColor(new Color(0xf7, 0xf7, 0xf7));
            g.fill(new Rectangle2D.Double(area.getX() + 6, area.getY() + 6, area.getWidth() - 12, area.getHeight() - 12));
            g.setColor(ChartStyle.GRID);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Rectangle2D.Double(area.getX() + 6, area.getY() + 6, area.getWidth() - 12, area.getHeight() - 12));
            g.setColor(Color.DARK_GRAY);
            g.setFont(ChartStyle.ANNOTATION.deriveFont(13f));
            FontMetrics fm = g.getFontMetrics();
            double y = area.getCenterY() - (lines.size() - 1) * fm.getHeight() / 2.0 + fm.getAscent() / 2.0;
            for (String line : lines) {
                g.drawString(line, (float) (area.getCenterX() - fm.stringWidth(line) / 2.0), (float) y);
                y += fm.getHeight();
            }
        };
    }

    private static double pearson(double[] a, double[] b) {
        int[] both = IntStream.range(0, a.length).filter(i -> Double.isFinite(a[i]) && Double.isFinite(b[i])).toArray();
        if (both.length < 2) {
            return Double.NaN;
        }
        return new PearsonsCorrelation().correlation(Arrays.stream(both).mapToDouble(i -> a[i]).toArray(),
                Arrays.stream(both).mapToDouble(i -> b[i]).toArray());
    }
}
