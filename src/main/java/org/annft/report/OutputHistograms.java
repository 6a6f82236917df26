package org.annft.report;

import static org.annft.table.ResultTables.INIT_HISTOGRAMS;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Paper Fig. 4: histograms of the network output (the last layer, {@code l_out = L + 1}) at
 * initialization with the Gaussian of the same mean and variance, one panel per activation
 * (columns) and width (rows), one figure per (C_W, C_b).
 */
public final class OutputHistograms implements FigureFamily {

    public static final int PANEL_WIDTH = 340;
    public static final int PANEL_HEIGHT = 250;

    /** One configuration's histogram of the output at the first input. */
    private record Histogram(int configId, String activation, double cW, double cB, int width, int hiddenLayers,
                             List<double[]> bins) {
        /** Networks inside the histogram range. */
        long count() {
            return bins.stream().mapToLong(b -> (long) b[4]).sum();
        }
    }

    /** The figures group configurations by initialization. */
    private record Initialization(double cW, double cB) {
    }

    @Override
    public String heading() {
        return "Fig. 4: output distributions at initialization";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.INIT_HISTOGRAMS);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        Dataset<Row> histogramRows = source.read(ResultTables.INIT_HISTOGRAMS)
                .where(col(INIT_HISTOGRAMS.col("layer")).equalTo(col(INIT_HISTOGRAMS.col("hidden_layers")).plus(1)).and(col(INIT_HISTOGRAMS.col("input_index")).equalTo(0)))
                .select(INIT_HISTOGRAMS.col("config_id"), INIT_HISTOGRAMS.col("activation"), INIT_HISTOGRAMS.col("c_w"), INIT_HISTOGRAMS.col("c_b"), INIT_HISTOGRAMS.col("width"), INIT_HISTOGRAMS.col("hidden_layers"), INIT_HISTOGRAMS.col("bin_low"), INIT_HISTOGRAMS.col("bin_high"),
                        INIT_HISTOGRAMS.col("bin"), INIT_HISTOGRAMS.col("count"), INIT_HISTOGRAMS.col("density"), INIT_HISTOGRAMS.col("gaussian_density"));
        List<Row> rows = Rows.collectSorted(histogramRows, INIT_HISTOGRAMS.col("config_id"), INIT_HISTOGRAMS.col("bin"));
        Map<Integer, Histogram> histograms = new TreeMap<>();
        for (Row r : rows) {
            Histogram h = histograms.computeIfAbsent(r.<Integer>getAs(INIT_HISTOGRAMS.col("config_id")), id -> new Histogram(id,
                    r.getAs(INIT_HISTOGRAMS.col("activation")), r.getAs(INIT_HISTOGRAMS.col("c_w")), r.getAs(INIT_HISTOGRAMS.col("c_b")), r.getAs(INIT_HISTOGRAMS.col("width")), r.getAs(INIT_HISTOGRAMS.col("hidden_layers")),
                    new ArrayList<>()));
            h.bins().add(new double[] {r.getAs(INIT_HISTOGRAMS.col("bin_low")), r.getAs(INIT_HISTOGRAMS.col("bin_high")), r.getAs(INIT_HISTOGRAMS.col("density")),
                Rows.doubleOrNaN(r, "gaussian_density"), r.<Long>getAs(INIT_HISTOGRAMS.col("count"))});
        }
        EnsembleConfigurations configurations = EnsembleConfigurations.of(source);
        Map<Initialization, List<Histogram>> byInitialization = new LinkedHashMap<>();
        for (Histogram h : histograms.values()) {
            byInitialization.computeIfAbsent(new Initialization(h.cW(), h.cB()), k -> new ArrayList<>()).add(h);
        }
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<Initialization, List<Histogram>> e : byInitialization.entrySet()) {
            figures.add(figure(e.getKey(), e.getValue(), source, configurations, files));
        }
        return new Section(heading(), figures, "", List.of());
    }

    private Figure figure(Initialization init, List<Histogram> histograms, TableSource source,
                          EnsembleConfigurations configurations, FigureFiles files) throws Exception {
        List<String> activations = histograms.stream().map(Histogram::activation).distinct().toList();
        List<List<Integer>> rowKeys = histograms.stream().map(h -> List.of(h.hiddenLayers(), h.width())).distinct()
                .sorted((a, b) -> a.get(0).equals(b.get(0)) ? a.get(1) - b.get(1) : a.get(0) - b.get(0)).toList();
        boolean severalDepths = rowKeys.stream().map(k -> k.get(0)).distinct().count() > 1;
        List<JFreeChart> panels = new ArrayList<>();
        for (int row = 0; row < rowKeys.size(); row++) {
            for (int column = 0; column < activations.size(); column++) {
                List<Integer> key = rowKeys.get(row);
                String activation = activations.get(column);
                int index = row * activations.size() + column;
                panels.add(histograms.stream()
                        .filter(h -> h.activation().equals(activation) && h.hiddenLayers() == key.get(0) && h.width() == key.get(1))
                        .findFirst().map(h -> panel(h, index, severalDepths)).orElse(null));
            }
        }
        int hidden = histograms.get(0).hiddenLayers();
        // "Fig. 4" only for the paper's set-up; another ensemble's figure is named after what it shows.
        String title = (againstThePaper(histograms).isEmpty() ? "Fig. 4: output" : "Output") + " distributions, C_W = " + Labels.number(init.cW()) + ", C_b = " + Labels.number(init.cB())
                + (severalDepths ? "" : ", " + Labels.hiddenLayers(hidden));
        long inRange = histograms.stream().mapToLong(Histogram::count).min().orElse(0);
        String caption = title + ". Distribution of the network output f(x) (the last layer, l_out = L + 1) at "
                + "initialization for the input " + configurations.inputLabel(0) + "; columns: activation, rows: " + (severalDepths ? "depth and width n" : "width n") + ". "
                + configurations.samplesPerConfiguration("the sampled") + " networks per configuration"
                + (configurations.sampler().isEmpty() ? "" : " (" + configurations.sampler() + "-space sampler)")
                + ", at least " + inRange + " of them inside the histogram range. Bars: histogram (density); red line: "
                + "the Gaussian with the sample mean and variance." + againstThePaper(histograms) + " " + source.citation();
        PanelGrid grid = new PanelGrid(title, activations.size(), PANEL_WIDTH, PANEL_HEIGHT);
        return grid.write(panels, files, files.name("fig4", "cw" + Labels.number(init.cW()), "cb" + Labels.number(init.cB())),
                caption);
    }

    private static JFreeChart panel(Histogram h, int index, boolean showDepth) {
        XYIntervalSeries bars = new XYIntervalSeries("histogram");
        XYSeries gaussian = new XYSeries("Gaussian, same mean and variance");
        for (double[] b : h.bins()) {
            double center = (b[0] + b[1]) / 2;
            bars.add(center, b[0], b[1], b[2], b[2], b[2]);
            gaussian.add(center, b[3]);
        }
        XYPlot plot = ChartStyle.plot(ChartStyle.linear("output f(x)"), ChartStyle.linear("probability density"));
        XYBarRenderer barRenderer = new XYBarRenderer(0);
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(false);
        barRenderer.setSeriesPaint(0, ChartStyle.HISTOGRAM);
        XYIntervalSeriesCollection barData = new XYIntervalSeriesCollection();
        barData.addSeries(bars);
        plot.setDataset(0, barData);
        plot.setRenderer(0, barRenderer);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, ChartStyle.RED);
        line.setSeriesStroke(0, ChartStyle.solid(1.6f));
        plot.setDataset(1, new XYSeriesCollection(gaussian));
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        String title = Labels.letter(index) + " " + Labels.activation(h.activation()) + ", n = " + h.width()
                + (showDepth ? ", L = " + h.hiddenLayers() : "");
        return ChartStyle.chart(title, plot, false);
    }

    /** The paper's Fig. 4: networks of 2 hidden layers, widths 1 to 1000. */
    static final int PAPER_HIDDEN_LAYERS = 2;
    static final int PAPER_WIDTH_MIN = 1;
    static final int PAPER_WIDTH_MAX = 1000;

    /** Where the ensemble's set-up differs from the paper's Fig. 4, said so; empty where it is the same. */
    static String againstThePaper(List<Histogram> histograms) {
        java.util.TreeSet<Integer> depths = new java.util.TreeSet<>();
        java.util.TreeSet<Integer> widths = new java.util.TreeSet<>();
        histograms.forEach(h -> {
            depths.add(h.hiddenLayers());
            widths.add(h.width());
        });
        boolean sameDepth = depths.equals(java.util.Set.of(PAPER_HIDDEN_LAYERS));
        boolean sameWidths = widths.first() <= PAPER_WIDTH_MIN && widths.last() >= PAPER_WIDTH_MAX;
        if (sameDepth && sameWidths) {
            return "";
        }
        return " Set-up differs from the paper's Fig. 4 (" + PAPER_HIDDEN_LAYERS + " hidden layers, widths "
                + PAPER_WIDTH_MIN + " to " + PAPER_WIDTH_MAX + "): here "
                + depths.stream().map(Labels::hiddenLayers).collect(java.util.stream.Collectors.joining(", "))
                + " and widths " + widths.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                + (sameDepth ? "" : "; deeper networks move further from the Gaussian at the same width")
                + ". Run conf/fig4.conf for the paper's set-up.";
    }
}
