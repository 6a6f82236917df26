package org.annft.report;

import static org.annft.table.ResultTables.PREDICTIONS;
import static org.annft.table.ResultTables.RESIDUALS;
import static org.annft.table.ResultTables.RUNS;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.annft.train.RunOutcome;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Paper Fig. 14: binding-energy residuals (experiment minus mean prediction) on the nuclear chart,
 * N across and Z up, one panel per width, one figure per (activation, mode, depth), with one
 * diverging colour scale symmetric around zero shared by all panels (robust: a high percentile of
 * |residual|, not the largest), a colour bar with five ticks, and the magic numbers marked.
 */
public final class ResidualMaps implements FigureFamily {

    public static final int PANEL_WIDTH = 440;
    public static final int PANEL_HEIGHT = 340;
    public static final int COLOUR_BAR_WIDTH = 110;
    /** The scale saturates at this quantile of |residual|, so a few outliers do not wash out the rest. */
    static final double SCALE_QUANTILE = 0.98;
    /** The magic numbers of protons and neutrons, marked on the chart. */
    static final int[] MAGIC = {8, 20, 28, 50, 82, 126};
    /** Ticks on the colour bar: -limit, -limit/2, 0, limit/2, limit. */
    static final int COLOUR_BAR_INTERVALS = 4;

    /** One width's residuals. */
    record Map2d(int width, double r, long runs, double[] n, double[] z, double[] residual) {
        double rmsd() {
            return Math.sqrt(Arrays.stream(residual).filter(Double::isFinite).map(x -> x * x).average().orElse(Double.NaN));
        }
    }

    @Override
    public String heading() {
        return "Fig. 14: binding-energy residuals on the nuclear chart";
    }

    @Override
    public boolean onePerProtocol() {
        return true;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.RESIDUALS);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        Residuals residuals = residuals(source);
        List<Row> rows = Rows.collectSorted(residuals.table(), RESIDUALS.col("activation"), RESIDUALS.col("mode"),
                RESIDUALS.col("depth"), RESIDUALS.col("width"));
        Map<List<Object>, Map<Integer, List<Row>>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(List.of(r.getAs(RESIDUALS.col("activation")), r.getAs(RESIDUALS.col("mode")), r.<Integer>getAs(RESIDUALS.col("depth"))),
                    k -> new TreeMap<>()).computeIfAbsent(r.getAs(RESIDUALS.col("width")), w -> new ArrayList<>()).add(r);
        }
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<List<Object>, Map<Integer, List<Row>>> e : groups.entrySet()) {
            String activation = (String) e.getKey().get(0);
            String mode = (String) e.getKey().get(1);
            int depth = (Integer) e.getKey().get(2);
            List<Map2d> maps = e.getValue().entrySet().stream().map(w -> map(w.getKey(), depth, w.getValue())).toList();
            figures.add(figure(activation, mode, depth, maps, residuals.converged(), source, files));
        }
        return new Section(heading(), figures, "", residuals.withoutConverged("Fig. 14", rows, source));
    }

    /**
     * The residuals drawn: of the mean prediction of the converged runs ({@code runs.outcome}) where the
     * sweep has outcomes and predictions, so that no failed network shifts a mean; else the table
     * {@code residuals} (the runs kept by Table I's cutoff).
     */
    record Residuals(Dataset<Row> table, boolean converged, List<Row> configurations) {

        /**
         * Notes for the configurations (activation, mode, depth) of which no width has a converged run,
         * so that a figure left out is said to be.
         */
        List<String> withoutConverged(String figure, List<Row> drawn, TableSource source) {
            java.util.Set<List<Object>> present = new java.util.HashSet<>();
            drawn.forEach(r -> present.add(key(r)));
            java.util.Set<List<Object>> missing = new java.util.LinkedHashSet<>();
            configurations.stream().map(Residuals::key).filter(k -> !present.contains(k)).forEach(missing::add);
            return missing.stream().map(k -> figure + " " + Labels.activation((String) k.get(0)) + " "
                    + Labels.mode((String) k.get(1)) + ", l_out = " + k.get(2) + " (" + source.displayName()
                    + "): not drawn, no run converged (runs.outcome) at any width.").toList();
        }

        private static List<Object> key(Row r) {
            return List.of(r.getAs(RESIDUALS.col("activation")), r.getAs(RESIDUALS.col("mode")),
                    r.<Integer>getAs(RESIDUALS.col("depth")));
        }
    }

    private static final List<String> CONFIGURATION = List.of("activation", "mode", "protocol", "width", "depth");

    static Residuals residuals(TableSource source) {
        Dataset<Row> all = source.read(ResultTables.RESIDUALS);
        Optional<Dataset<Row>> runs = source.readIfPresent(ResultTables.RUNS)
                .filter(t -> Arrays.asList(t.columns()).contains(RUNS.col("outcome")));
        Optional<Dataset<Row>> predictions = source.readIfPresent(ResultTables.PREDICTIONS);
        List<Row> configurations = Rows.collectSorted(all.select(RESIDUALS.col("activation"), RESIDUALS.col("mode"),
                RESIDUALS.col("depth")).distinct(), RESIDUALS.col("activation"), RESIDUALS.col("mode"), RESIDUALS.col("depth"));
        if (runs.isEmpty() || predictions.isEmpty()) {
            return new Residuals(all.select(RESIDUALS.col("activation"), RESIDUALS.col("mode"), RESIDUALS.col("width"),
                    RESIDUALS.col("depth"), RESIDUALS.col("z"), RESIDUALS.col("n"), RESIDUALS.col("a"),
                    RESIDUALS.col("binding_energy_mev"), RESIDUALS.col("residual_mev"), RESIDUALS.col("runs")), false,
                    configurations);
        }
        List<String> runKey = new ArrayList<>(CONFIGURATION);
        runKey.add("run");
        Dataset<Row> converged = runs.get().where(col(RUNS.col("outcome")).equalTo(RunOutcome.CONVERGED.configName()))
                .select(runKey.stream().map(functions::col).toArray(Column[]::new));
        List<String> nuclideKey = new ArrayList<>(CONFIGURATION);
        nuclideKey.addAll(List.of("z", "n"));
        Dataset<Row> means = predictions.get().join(converged, seq(runKey))
                .groupBy(nuclideKey.stream().map(functions::col).toArray(Column[]::new))
                .agg(avg(PREDICTIONS.col("prediction_mev")).as("prediction_mean_mev"), count(lit(1)).as("runs"));
        Dataset<Row> joined = all.select(CONFIGURATION.get(0), "mode", "protocol", "width", "depth", "z", "n", "a",
                        "binding_energy_mev")
                .join(means, seq(nuclideKey))
                .withColumn("residual_mev", col("binding_energy_mev").minus(col("prediction_mean_mev")));
        return new Residuals(joined.select(col("activation"), col("mode"), col("width"), col("depth"), col("z"), col("n"),
                col("a"), col("binding_energy_mev"), col("residual_mev"), col("runs")), true, configurations);
    }

    private static scala.collection.immutable.Seq<String> seq(List<String> columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(columns).toSeq();
    }

    private static Map2d map(int width, int depth, List<Row> rows) {
        double[] n = rows.stream().mapToDouble(r -> r.<Integer>getAs(RESIDUALS.col("n"))).toArray();
        double[] z = rows.stream().mapToDouble(r -> r.<Integer>getAs(RESIDUALS.col("z"))).toArray();
        double[] residual = rows.stream().mapToDouble(r -> r.<Double>getAs(RESIDUALS.col("residual_mev"))).toArray();
        long runs = rows.stream().mapToLong(r -> r.<Long>getAs(RESIDUALS.col("runs"))).max().orElse(0);
        return new Map2d(width, (double) depth / width, runs, n, z, residual);
    }

    /**
     * The shared scale: the {@link #SCALE_QUANTILE} quantile of |residual| over every panel, rounded up
     * to a round value; robust to the few nuclides (light ones, mostly) that no width fits.
     */
    static double scaleLimit(List<double[]> residuals) {
        double[] all = residuals.stream().flatMapToDouble(Arrays::stream).filter(Double::isFinite).map(Math::abs)
                .sorted().toArray();
        if (all.length == 0) {
            return 1;
        }
        double q = all[(int) Math.ceil(SCALE_QUANTILE * (all.length - 1))];
        return niceCeiling(q > 0 ? q : Math.max(all[all.length - 1], 1e-9));
    }

    /** The next of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten: colour-bar ticks land on round values. */
    static double niceCeiling(double x) {
        double decade = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * decade >= x * (1 - 1e-12)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    private Figure figure(String activation, String mode, int depth, List<Map2d> maps, boolean converged,
                          TableSource source, FigureFiles files) throws Exception {
        DivergingPaintScale scale = new DivergingPaintScale(scaleLimit(maps.stream().map(Map2d::residual).toList()));
        double nMax = maps.stream().flatMapToDouble(m -> Arrays.stream(m.n())).max().orElse(1) + 2;
        double zMax = maps.stream().flatMapToDouble(m -> Arrays.stream(m.z())).max().orElse(1) + 2;
        List<JFreeChart> panels = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            panels.add(panel(Labels.letter(i), maps.get(i), scale, nMax, zMax));
        }
        String title = "Fig. 14: residuals, " + Labels.activation(activation) + " " + Labels.mode(mode) + ", l_out = " + depth;
        long runsMin = maps.stream().mapToLong(Map2d::runs).min().orElse(0);
        long runsMax = maps.stream().mapToLong(Map2d::runs).max().orElse(0);
        String caption = title + ". Residual B_exp - B_pred (MeV) of every nuclide, B_pred the mean prediction of "
                + (runsMin == runsMax ? runsMin : runsMin + " to " + runsMax)
                + (converged ? " converged networks (runs.outcome = converged, RMSD at most "
                        + Labels.number(RunOutcome.CONVERGED_MEV) + " MeV; failed runs, whose predictions would dominate "
                        + "the mean, are left out)" : " trained networks (those kept by Table I's cutoff)")
                + ", on the nuclear chart "
                + "(N across, Z up); one panel per width n with r = l_out / n and the RMSD of the mean prediction. "
                + "Dotted lines: the magic numbers " + Arrays.stream(MAGIC).mapToObj(Integer::toString)
                        .collect(java.util.stream.Collectors.joining(", ")) + ". "
                + "One colour scale for all panels, symmetric around zero: red where the networks underbind, blue where "
                + "they overbind; it saturates at +-" + Labels.number(scale.getUpperBound()) + " MeV (the "
                + Math.round(SCALE_QUANTILE * 100) + "th percentile of |residual| over all panels, rounded up), so that "
                + "the few nuclides beyond it do not wash out the shell structure."
                + ProtocolCaption.describe(source.runInfo(), List.of(mode)) + " " + source.citation();
        PanelGrid grid = new PanelGrid(title, Math.min(2, panels.size()), PANEL_WIDTH, PANEL_HEIGHT,
                colourBar(scale, "residual B_exp - B_pred (MeV)"), COLOUR_BAR_WIDTH);
        return grid.write(panels, files, files.name("fig14", activation, mode, "depth" + depth), caption);
    }

    private static final Color MAGIC_LINE = new Color(0x55, 0x55, 0x55);

    static JFreeChart panel(String letter, Map2d m, DivergingPaintScale scale, double nMax, double zMax) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("residual", new double[][] {m.n(), m.z(), m.residual()});
        NumberAxis n = ChartStyle.linear("neutron number N");
        n.setRange(-0.5, nMax);
        NumberAxis z = ChartStyle.linear("proton number Z");
        z.setRange(-0.5, zMax);
        XYBlockRenderer renderer = new FilledBlockRenderer();
        renderer.setPaintScale(scale);
        renderer.setBlockWidth(1);
        renderer.setBlockHeight(1);
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        XYPlot plot = ChartStyle.plot(n, z);
        plot.setDataset(data);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(new Color(0xfc, 0xfc, 0xfc));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int magic : MAGIC) {
            if (magic < nMax) {
                plot.addDomainMarker(new ValueMarker(magic, MAGIC_LINE, ChartStyle.dotted(1.0f)), Layer.FOREGROUND);
            }
            if (magic < zMax) {
                plot.addRangeMarker(new ValueMarker(magic, MAGIC_LINE, ChartStyle.dotted(1.0f)), Layer.FOREGROUND);
            }
        }
        return ChartStyle.chart(letter + " n = " + m.width() + ", r = " + Labels.number(m.r()) + ", RMSD "
                + Labels.fixed(m.rmsd(), 2) + " MeV", plot, false);
    }

    /** The one colour bar of the figure, drawn in the grid's right-hand strip. */
    static Drawable colourBar(DivergingPaintScale scale, String label) {
        NumberAxis axis = ChartStyle.linear(label);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        axis.setTickUnit(new NumberTickUnit((scale.getUpperBound() - scale.getLowerBound()) / COLOUR_BAR_INTERVALS));
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(18);
        legend.setSubdivisionCount(200);
        legend.setAxisOffset(4);
        legend.setFrame(BlockBorder.NONE);
        legend.setMargin(new RectangleInsets(40, 10, 60, 10));
        legend.setBackgroundPaint(Color.WHITE);
        return (Graphics2D g, Rectangle2D area) -> legend.draw(g, area);
    }
}
