package org.annft.report;

import static org.annft.table.ResultTables.LOSS_BANDS;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;

/**
 * Paper Figs. 8 (ReLU) and 9 (Tanh): the training loss against epochs for each training mode
 * (CICT, CINT, NINT, and Adam), median over runs with the interquartile band, one panel per
 * (width, depth), one figure per activation; log loss axis as in the paper.
 */
public final class LossCurves implements FigureFamily {

    public static final int PANEL_WIDTH = 470;
    public static final int PANEL_HEIGHT = 340;
    /** Curves are thinned to about this many epochs; the bands change slowly. */
    static final int MAX_POINTS = 2000;

    /** One mode's band in one panel. */
    private record Band(String mode, long runsMin, long runsMax, double[] epoch, double[] median, double[] q25, double[] q75) {
    }

    /** A panel: one network width and depth. */
    private record Network(int width, int depth) implements Comparable<Network> {
        @Override
        public int compareTo(Network o) {
            return width != o.width ? Integer.compare(width, o.width) : Integer.compare(depth, o.depth);
        }
    }

    @Override
    public String heading() {
        return "Figs. 8-9: training loss against epochs";
    }

    @Override
    public boolean onePerProtocol() {
        return true;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.LOSS_BANDS);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        Dataset<Row> bands = thinned(source.read(ResultTables.LOSS_BANDS));
        List<Row> rows = Rows.collectSorted(bands.select(LOSS_BANDS.col("activation"), LOSS_BANDS.col("mode"), LOSS_BANDS.col("width"), LOSS_BANDS.col("depth"), LOSS_BANDS.col("epoch"), LOSS_BANDS.col("runs"),
                LOSS_BANDS.col("loss_median"), LOSS_BANDS.col("loss_q25"), LOSS_BANDS.col("loss_q75")), LOSS_BANDS.col("activation"), LOSS_BANDS.col("width"), LOSS_BANDS.col("depth"), LOSS_BANDS.col("mode"), LOSS_BANDS.col("epoch"));
        Map<String, Map<Network, Map<String, List<Row>>>> grouped = new LinkedHashMap<>();
        for (Row r : rows) {
            grouped.computeIfAbsent(r.getAs(LOSS_BANDS.col("activation")), a -> new TreeMap<>())
                    .computeIfAbsent(new Network(r.getAs(LOSS_BANDS.col("width")), r.getAs(LOSS_BANDS.col("depth"))), s -> new TreeMap<>(Labels.MODE_ORDER))
                    .computeIfAbsent(r.getAs(LOSS_BANDS.col("mode")), m -> new ArrayList<>()).add(r);
        }
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, Map<Network, Map<String, List<Row>>>> e : grouped.entrySet()) {
            figures.add(figure(e.getKey(), e.getValue(), source, files));
        }
        return new Section(heading(), figures, "", List.of());
    }

    /** Keeps every k-th recorded epoch (and the last) when there are more than {@link #MAX_POINTS}. */
    private static Dataset<Row> thinned(Dataset<Row> bands) {
        List<Integer> epochs = bands.select(LOSS_BANDS.col("epoch")).distinct().collectAsList().stream()
                .map(r -> r.<Integer>getAs(0)).sorted().toList();
        if (epochs.size() <= MAX_POINTS) {
            return bands;
        }
        int stride = (epochs.size() + MAX_POINTS - 1) / MAX_POINTS;
        TreeSet<Integer> kept = new TreeSet<>();
        for (int i = 0; i < epochs.size(); i += stride) {
            kept.add(epochs.get(i));
        }
        kept.add(epochs.get(epochs.size() - 1));
        return bands.where(col(LOSS_BANDS.col("epoch")).isin(kept.toArray()));
    }

    private Figure figure(String activation, Map<Network, Map<String, List<Row>>> shapes, TableSource source,
                          FigureFiles files) throws Exception {
        String unit = ProtocolCaption.lossUnit(source.runInfo());
        List<JFreeChart> panels = new ArrayList<>();
        TreeSet<String> modes = new TreeSet<>(Labels.MODE_ORDER);
        long runsMin = Long.MAX_VALUE;
        long runsMax = 0;
        int index = 0;
        for (Map.Entry<Network, Map<String, List<Row>>> e : shapes.entrySet()) {
            XYPanel panel = new XYPanel(ChartStyle.integer("epoch"), ChartStyle.log("training loss (" + unit + ")"));
            for (Map.Entry<String, List<Row>> m : e.getValue().entrySet()) {
                Band b = band(m.getKey(), m.getValue());
                modes.add(b.mode());
                runsMin = Math.min(runsMin, b.runsMin());
                runsMax = Math.max(runsMax, b.runsMax());
                panel.band(Labels.mode(b.mode()), b.epoch(), b.median(), b.q25(), b.q75(),
                        ChartStyle.modeColor(b.mode()), ChartStyle.modeStroke(b.mode()));
            }
            Network s = e.getKey();
            panels.add(panel.chart(Labels.letter(index++) + " n = " + s.width() + ", " + Labels.hiddenLayers(s.depth() - 1)
                    + " (l_out = " + s.depth() + ")", true));
        }
        String figureName = switch (activation) {
            case "relu" -> "Fig. 8";
            case "tanh" -> "Fig. 9";
            default -> "Figs. 8-9";
        };
        String title = figureName + ": training loss, " + Labels.activation(activation);
        List<String> modeNames = modes.stream().map(Labels::mode).toList();
        String caption = title + ". Training loss against epochs for " + String.join(", ", modeNames)
                + ": line = median over runs, shaded band = interquartile range (25% to 75%), "
                + (runsMin == runsMax ? runsMin : runsMin + " to " + runsMax) + " runs per curve; log loss axis."
                + ProtocolCaption.describe(source.runInfo(), modes)
                + " " + source.citation();
        PanelGrid grid = new PanelGrid(title, Math.min(2, panels.size()), PANEL_WIDTH, PANEL_HEIGHT);
        return grid.write(panels, files, files.name(figureName.replace("Figs. ", "fig").replace("Fig. ", "fig"), activation),
                caption);
    }

    private static Band band(String mode, List<Row> rows) {
        int n = rows.size();
        double[] epoch = new double[n];
        double[] median = new double[n];
        double[] q25 = new double[n];
        double[] q75 = new double[n];
        long runsMin = Long.MAX_VALUE;
        long runsMax = 0;
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            epoch[i] = r.<Integer>getAs(LOSS_BANDS.col("epoch"));
            median[i] = r.getAs(LOSS_BANDS.col("loss_median"));
            q25[i] = r.getAs(LOSS_BANDS.col("loss_q25"));
            q75[i] = r.getAs(LOSS_BANDS.col("loss_q75"));
            runsMin = Math.min(runsMin, r.<Long>getAs(LOSS_BANDS.col("runs")));
            runsMax = Math.max(runsMax, r.<Long>getAs(LOSS_BANDS.col("runs")));
        }
        return new Band(mode, runsMin, runsMax, epoch, median, q25, q75);
    }
}
