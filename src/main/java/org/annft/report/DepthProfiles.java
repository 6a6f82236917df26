package org.annft.report;

import static org.annft.table.ResultTables.INIT_MOMENTS;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;

/**
 * Paper Figs. 6 and 7: the output variance and the unstandardized four-point vertex {@code V/n}
 * against depth, measured (with standard errors) and from the kernel and vertex recursions, one
 * panel per (activation, C_W), one figure per width. Depth {@code d} is read off the layers of one
 * deep network: the preactivation of layer {@code d + 1} has the distribution of the output of a
 * network with {@code d} hidden layers.
 */
public final class DepthProfiles implements FigureFamily {

    public static final int PANEL_WIDTH = 400;
    public static final int PANEL_HEIGHT = 300;

    /** One layer of one configuration. */
    private record Layer(int depth, double m2, double m2Se, double vOverN, double vOverNSe, double theoryKernel,
                         double theoryKernelFromMeasured, double theoryVOverN, double theoryVOverNFromMeasured) {
    }

    /** A configuration's depth profile. */
    private record Profile(String activation, double cW, double cB, int width, int hiddenLayers, long samples,
                           List<Layer> layers) {
        /** ReLU at its critical point, where V/n = 5 K^2 d / n at leading order (paper Eq. 48). */
        boolean criticalRelu() {
            return activation.equals("relu") && cW == 2.0 && cB == 0.0;
        }

        double[] column(java.util.function.ToDoubleFunction<Layer> f) {
            return layers.stream().mapToDouble(f).toArray();
        }
    }

    /** Which moment a figure shows. */
    private enum Moment { VARIANCE, VERTEX }

    @Override
    public String heading() {
        return "Figs. 6-7: variance and four-point vertex V/n against depth";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.INIT_MOMENTS);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        Dataset<Row> layers = source.read(ResultTables.INIT_MOMENTS).where(col(INIT_MOMENTS.col("input_index")).equalTo(0).and(col(INIT_MOMENTS.col("layer")).geq(2)))
                .select(INIT_MOMENTS.col("config_id"), INIT_MOMENTS.col("activation"), INIT_MOMENTS.col("c_w"), INIT_MOMENTS.col("c_b"), INIT_MOMENTS.col("width"), INIT_MOMENTS.col("hidden_layers"), INIT_MOMENTS.col("layer"), INIT_MOMENTS.col("samples"),
                        INIT_MOMENTS.col("m2"), INIT_MOMENTS.col("m2_se"), INIT_MOMENTS.col("v_over_n"), INIT_MOMENTS.col("v_over_n_se"), INIT_MOMENTS.col("theory_kernel"), INIT_MOMENTS.col("theory_kernel_from_measured"),
                        INIT_MOMENTS.col("theory_v_over_n"), INIT_MOMENTS.col("theory_v_over_n_from_measured"));
        List<Row> rows = Rows.collectSorted(layers, INIT_MOMENTS.col("config_id"), INIT_MOMENTS.col("layer"));
        Map<Integer, Profile> byConfig = new TreeMap<>();
        for (Row r : rows) {
            Profile p = byConfig.computeIfAbsent(r.<Integer>getAs(INIT_MOMENTS.col("config_id")), id -> new Profile(r.getAs(INIT_MOMENTS.col("activation")),
                    r.getAs(INIT_MOMENTS.col("c_w")), r.getAs(INIT_MOMENTS.col("c_b")), r.getAs(INIT_MOMENTS.col("width")), r.getAs(INIT_MOMENTS.col("hidden_layers")), r.getAs(INIT_MOMENTS.col("samples")),
                    new ArrayList<>()));
            p.layers().add(new Layer(r.<Integer>getAs(INIT_MOMENTS.col("layer")) - 1, r.getAs(INIT_MOMENTS.col("m2")), r.getAs(INIT_MOMENTS.col("m2_se")), r.getAs(INIT_MOMENTS.col("v_over_n")),
                    r.getAs(INIT_MOMENTS.col("v_over_n_se")), r.getAs(INIT_MOMENTS.col("theory_kernel")), r.getAs(INIT_MOMENTS.col("theory_kernel_from_measured")),
                    r.getAs(INIT_MOMENTS.col("theory_v_over_n")), r.getAs(INIT_MOMENTS.col("theory_v_over_n_from_measured"))));
        }
        // The deepest network of each (activation, C_W, C_b, width) holds every shallower depth.
        Map<List<Object>, Profile> deepest = new LinkedHashMap<>();
        for (Profile p : byConfig.values()) {
            deepest.merge(List.of(p.activation(), p.cW(), p.cB(), p.width()), p,
                    (a, b) -> b.hiddenLayers() > a.hiddenLayers() ? b : a);
        }
        Map<Integer, List<Profile>> byWidth = new TreeMap<>();
        deepest.values().forEach(p -> byWidth.computeIfAbsent(p.width(), w -> new ArrayList<>()).add(p));
        EnsembleConfigurations configurations = EnsembleConfigurations.of(source);
        List<Figure> figures = new ArrayList<>();
        for (Moment moment : Moment.values()) {
            for (List<Profile> profiles : byWidth.values()) {
                figures.add(figure(moment, profiles, configurations, source, files));
            }
        }
        return new Section(heading(), figures, "", List.of());
    }

    private Figure figure(Moment moment, List<Profile> profiles, EnsembleConfigurations configurations,
                          TableSource source, FigureFiles files) throws Exception {
        List<String> activations = profiles.stream().map(Profile::activation).distinct().toList();
        List<List<Double>> initializations = profiles.stream().map(p -> List.of(p.cW(), p.cB())).distinct()
                .sorted(Comparator.<List<Double>>comparingDouble(k -> k.get(0)).thenComparingDouble(k -> k.get(1))).toList();
        List<JFreeChart> panels = new ArrayList<>();
        int dropped = 0;
        // A full grid has a row per (C_W, C_b) and a column per activation; where some activation lacks
        // an initialization (each at its own criticality, say) the panels are laid out without gaps.
        boolean fullGrid = profiles.size() == activations.size() * initializations.size();
        for (List<Double> init : initializations) {
            for (String activation : activations) {
                Profile p = profiles.stream().filter(x -> x.activation().equals(activation) && x.cW() == init.get(0)
                        && x.cB() == init.get(1)).findFirst().orElse(null);
                if (p == null) {
                    continue;
                }
                XYPanel panel = moment == Moment.VARIANCE ? variancePanel(p) : vertexPanel(p);
                dropped += panel.dropped();
                panels.add(panel.chart(Labels.letter(panels.size()) + " " + Labels.activation(activation) + ", C_W = "
                        + Labels.number(init.get(0)) + ", C_b = " + Labels.number(init.get(1)), true));
            }
        }
        int columns = fullGrid ? activations.size() : Math.min(2, panels.size());
        Profile first = profiles.get(0);
        String figureName = moment == Moment.VARIANCE ? "Fig. 6" : "Fig. 7";
        String title = figureName + (moment == Moment.VARIANCE ? ": output variance" : ": four-point vertex V/n")
                + " against depth, width n = " + first.width();
        String caption = title + ". Measured at initialization on "
                + configurations.samplesPerConfiguration(String.valueOf(first.samples()))
                + " networks per configuration" + (configurations.sampler().isEmpty() ? "" : " (" + configurations.sampler()
                + "-space sampler)") + " at the input " + configurations.inputLabel(0) + ". The depth d counts hidden "
                + "layers: the preactivation of layer d + 1 of one network with " + first.hiddenLayers()
                + " hidden layers has the distribution of the output of a network with d hidden layers, so one deep "
                + "network gives every depth. "
                + (moment == Moment.VARIANCE
                ? "Blue: measured variance m2 with its standard error; red dashed: the kernel recursion started from the "
                + "measured first layer; purple dashed: the kernel recursion from the input (infinite-width theory)."
                : "Green: measured V/n = (m4 - 3 m2^2)/3 with its standard error; red dashed: the vertex recursion "
                + "(with the squared chi_parallel) started from the measured first layer; purple dashed: the recursion from "
                + "the input (V = 0 in the first layer); blue: 5 K^2 d / n, the leading-order critical ReLU result "
                + "(paper Eq. 48), drawn for ReLU at C_W = 2, C_b = 0.")
                + (fullGrid ? " Rows: C_W; columns: activation." : " One panel per activation and initialization.")
                + " Log y axes where the values (for V/n: the theory values) span more than two decades"
                + (dropped > 0 ? "; " + dropped + " non-positive measured values are not shown on them" : "")
                + ". " + source.citation();
        PanelGrid grid = new PanelGrid(title, columns, PANEL_WIDTH, PANEL_HEIGHT);
        return grid.write(panels, files, files.name(moment == Moment.VARIANCE ? "fig6" : "fig7", "width" + first.width()),
                caption);
    }

    private static XYPanel variancePanel(Profile p) {
        double[] depth = p.column(Layer::depth);
        ValueAxis y = ChartStyle.scaled("output variance m2", concat(p.column(Layer::theoryKernel), p.column(Layer::m2)));
        return new XYPanel(ChartStyle.integer("depth d (hidden layers)"), y)
                .errorBars("measured", depth, p.column(Layer::m2), p.column(Layer::m2Se), ChartStyle.BLUE, false)
                .line("from measured", depth, p.column(Layer::theoryKernelFromMeasured), ChartStyle.RED,
                        ChartStyle.dashed(1.8f))
                .line("theory", depth, p.column(Layer::theoryKernel), ChartStyle.PURPLE, ChartStyle.dashed(1.8f));
    }

    private static XYPanel vertexPanel(Profile p) {
        double[] depth = p.column(Layer::depth);
        ValueAxis y = ChartStyle.scaled("V/n",
                concat(p.column(Layer::theoryVOverN), p.column(Layer::theoryVOverNFromMeasured)));
        XYPanel panel = new XYPanel(ChartStyle.integer("depth d (hidden layers)"), y)
                .errorBars("measured", depth, p.column(Layer::vOverN), p.column(Layer::vOverNSe), ChartStyle.GREEN, false)
                .line("from measured", depth, p.column(Layer::theoryVOverNFromMeasured), ChartStyle.RED,
                        ChartStyle.dashed(1.8f))
                .line("theory", depth, p.column(Layer::theoryVOverN), ChartStyle.PURPLE, ChartStyle.dashed(1.8f));
        if (p.criticalRelu()) {
            double[] leading = p.layers().stream()
                    .mapToDouble(l -> 5 * l.theoryKernel() * l.theoryKernel() * l.depth() / p.width()).toArray();
            panel.line("5K²d/n", depth, leading, ChartStyle.BLUE, ChartStyle.solid(1.4f));
        }
        return panel;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
