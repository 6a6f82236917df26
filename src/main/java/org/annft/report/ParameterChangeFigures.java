package org.annft.report;

import static org.annft.table.ResultTables.PARAM_CHANGE_MEANS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;

/**
 * Paper Figs. 10-12: how far training moves the hidden-layer parameters. Fig. 10: RMSD of the
 * weight change (relative, scaled by sqrt(n)) and of the bias change against width; Fig. 11:
 * Frobenius norms of the initial weights, of their change and the relative change against width;
 * Fig. 12: the same norms against depth. Means over runs (outliers outside the interquartile range
 * excluded) with their standard deviation, one series per (activation, mode).
 */
public final class ParameterChangeFigures implements FigureFamily {

    public static final int PANEL_WIDTH = 400;
    public static final int PANEL_HEIGHT = 320;

    /** A panel: a metric of {@code param_change_means}, its panel title and axis label. */
    private record Metric(String column, String title, String label) {
    }

    /** A figure: three metrics against width (depth fixed) or against depth (width fixed). */
    private record Layout(String figure, String title, List<Metric> metrics, boolean againstWidth, int preferredFixed) {
    }

    private static final List<Metric> RMSD = List.of(
            new Metric("relative_weight_change_rmsd", "relative weight change (RMSD)", "rms(ΔW) / rms(W₀)"),
            new Metric("scaled_weight_change_rmsd", "weight change scaled by √n (RMSD)", "√n · rms(ΔW)"),
            new Metric("bias_change_rmsd", "bias change (RMSD)", "rms(Δb)"));
    private static final List<Metric> FROBENIUS = List.of(
            new Metric("initial_weight_frobenius", "initial weights (Frobenius norm)", "‖W₀‖_F"),
            new Metric("weight_change_frobenius", "weight change (Frobenius norm)", "‖ΔW‖_F"),
            new Metric("relative_weight_change_frobenius", "relative weight change (Frobenius)", "‖ΔW‖_F / ‖W₀‖_F"));
    private static final List<Layout> LAYOUTS = List.of(
            new Layout("Fig. 10", "RMSD of the parameter changes against width", RMSD, true, 4),
            new Layout("Fig. 11", "Frobenius norms of the weights and their changes against width", FROBENIUS, true, 4),
            new Layout("Fig. 12", "Frobenius norms of the weights and their changes against depth", FROBENIUS, false, 120));

    /** One row of {@code param_change_means}. */
    private record Mean(String activation, String mode, int width, int depth, String metric, double mean, double std,
                        long runsKept, long runsTotal) {
    }

    @Override
    public String heading() {
        return "Figs. 10-12: parameter changes in training";
    }

    @Override
    public boolean onePerProtocol() {
        return true;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.PARAM_CHANGE_MEANS);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        List<Mean> means = source.read(ResultTables.PARAM_CHANGE_MEANS)
                .select(PARAM_CHANGE_MEANS.col("activation"), PARAM_CHANGE_MEANS.col("mode"), PARAM_CHANGE_MEANS.col("width"), PARAM_CHANGE_MEANS.col("depth"), PARAM_CHANGE_MEANS.col("metric"), PARAM_CHANGE_MEANS.col("mean"), PARAM_CHANGE_MEANS.col("std"), PARAM_CHANGE_MEANS.col("runs_kept"), PARAM_CHANGE_MEANS.col("runs_total"))
                .collectAsList().stream().map(r -> new Mean(r.getAs(PARAM_CHANGE_MEANS.col("activation")), r.getAs(PARAM_CHANGE_MEANS.col("mode")), r.getAs(PARAM_CHANGE_MEANS.col("width")),
                        r.getAs(PARAM_CHANGE_MEANS.col("depth")), r.getAs(PARAM_CHANGE_MEANS.col("metric")), r.getAs(PARAM_CHANGE_MEANS.col("mean")), r.getAs(PARAM_CHANGE_MEANS.col("std")), r.getAs(PARAM_CHANGE_MEANS.col("runs_kept")),
                        r.getAs(PARAM_CHANGE_MEANS.col("runs_total")))).toList();
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Layout layout : LAYOUTS) {
            ToIntFunction<Mean> fixed = layout.againstWidth() ? Mean::depth : Mean::width;
            ToIntFunction<Mean> varied = layout.againstWidth() ? Mean::width : Mean::depth;
            Integer value = fixedValue(means, fixed, varied, layout.preferredFixed());
            if (value == null) {
                notes.add(layout.figure() + " skipped for " + source.displayName() + ": no "
                        + (layout.againstWidth() ? "depth with two or more widths" : "width with two or more depths") + ".");
                continue;
            }
            List<Mean> selected = means.stream().filter(m -> fixed.applyAsInt(m) == value).toList();
            figures.add(figure(layout, value, selected, varied, source, files));
        }
        return new Section(heading(), figures, "", notes);
    }

    /**
     * The depth (or width) to hold fixed: the one with the most widths (depths), the paper's
     * choice (depth 4, width 120) among equals; null when none has two.
     */
    private static Integer fixedValue(List<Mean> means, ToIntFunction<Mean> fixed, ToIntFunction<Mean> varied, int preferred) {
        Map<Integer, TreeSet<Integer>> values = new TreeMap<>();
        means.forEach(m -> values.computeIfAbsent(fixed.applyAsInt(m), k -> new TreeSet<>()).add(varied.applyAsInt(m)));
        return values.entrySet().stream().filter(e -> e.getValue().size() >= 2)
                .max(Comparator.<Map.Entry<Integer, TreeSet<Integer>>>comparingInt(e -> e.getValue().size())
                        .thenComparing(e -> e.getKey() == preferred)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private Figure figure(Layout layout, int fixedValue, List<Mean> means, ToIntFunction<Mean> varied,
                          TableSource source, FigureFiles files) throws Exception {
        List<JFreeChart> panels = new ArrayList<>();
        for (int i = 0; i < layout.metrics().size(); i++) {
            Metric metric = layout.metrics().get(i);
            List<Mean> rows = means.stream().filter(m -> m.metric().equals(metric.column())).toList();
            ValueAxis x = layout.againstWidth() ? ChartStyle.log("width n") : ChartStyle.integer("depth l_out");
            ValueAxis y = ChartStyle.scaled(metric.label(), rows.stream().mapToDouble(Mean::mean).toArray());
            XYPanel panel = new XYPanel(x, y);
            Map<List<String>, List<Mean>> series = new LinkedHashMap<>();
            rows.stream().sorted(Comparator.comparing(Mean::activation).thenComparing(Mean::mode, Labels.MODE_ORDER)
                            .thenComparingInt(varied))
                    .forEach(m -> series.computeIfAbsent(List.of(m.activation(), m.mode()), k -> new ArrayList<>()).add(m));
            String firstActivation = series.keySet().iterator().next().get(0);
            for (Map.Entry<List<String>, List<Mean>> s : series.entrySet()) {
                String activation = s.getKey().get(0);
                String mode = s.getKey().get(1);
                List<Mean> points = s.getValue();
                // A second activation is told apart by thin dotted lines; the modes keep their colours and markers.
                panel.errorBars(Labels.activation(activation) + " " + Labels.mode(mode),
                        points.stream().mapToDouble(varied::applyAsInt).toArray(),
                        points.stream().mapToDouble(Mean::mean).toArray(),
                        points.stream().mapToDouble(Mean::std).toArray(), ChartStyle.modeColor(mode), true,
                        ChartStyle.modeShape(mode),
                        activation.equals(firstActivation) ? ChartStyle.modeStroke(mode) : ChartStyle.dotted(1.2f));
            }
            panels.add(panel.chart(Labels.letter(i) + " " + metric.title(), true));
        }
        long kept = means.stream().mapToLong(Mean::runsKept).min().orElse(0);
        long total = means.stream().mapToLong(Mean::runsTotal).max().orElse(0);
        String fixedText = layout.againstWidth() ? "depth l_out = " + fixedValue + " (" + Labels.hiddenLayers(fixedValue - 1) + ")"
                : "width n = " + fixedValue;
        String title = layout.figure() + ": " + layout.title() + ", " + fixedText;
        String caption = title + ". Per run, the metric is averaged over the hidden layers; shown is the mean "
                + "over runs with runs outside the interquartile range of each metric excluded (at least " + kept + " of "
                + total + " runs kept per point), error bars: standard deviation over the kept runs. W₀: initial weights, "
                + "ΔW, Δb: change of the weights and biases in training; n: width of the layer's input."
                + (layout.figure().equals("Fig. 10") ? againstThePaper(means) : "")
                + RunOutcomes.sentence(source, means.stream().map(Mean::mode).distinct().toList(),
                        "runs that did not converge count in the means unless the interquartile rule drops them")
                + ProtocolCaption.describe(source.runInfo(), means.stream().map(Mean::mode).distinct().toList())
                + " " + source.citation();
        PanelGrid grid = new PanelGrid(title, layout.metrics().size(), PANEL_WIDTH, PANEL_HEIGHT);
        return grid.write(panels, files, files.name(layout.figure().replace("Fig. ", "fig"),
                layout.againstWidth() ? "depth" + fixedValue : "width" + fixedValue), caption);
    }

    /**
     * Fig. 10's magnitudes against the paper's statement that the changes in parameters are small:
     * rms(ΔW) / rms(W₀) of 1 means the weights moved by as much as their initial size.
     */
    static String againstThePaper(List<Mean> means) {
        double largest = means.stream().filter(m -> m.metric().equals("relative_weight_change_rmsd"))
                .mapToDouble(Mean::mean).filter(Double::isFinite).max().orElse(Double.NaN);
        if (!Double.isFinite(largest)) {
            return "";
        }
        String verdict = largest >= 1 ? "not small: the weights moved by more than their initial size, so this training "
                + "leaves the regime of the paper's statement"
                : largest >= 0.1 ? "moderate: the weights moved by a sizeable fraction of their initial size"
                : "small, as the paper finds";
        return " The paper finds that the changes in parameters are small; here the relative weight change reaches "
                + Labels.number(largest) + " (" + Math.round(100 * largest) + "% of rms(W₀)), " + verdict + ".";
    }
}
