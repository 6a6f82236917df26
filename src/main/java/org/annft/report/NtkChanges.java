package org.annft.report;

import static org.annft.table.ResultTables.NTK_CHANGES;
import static org.annft.table.ResultTables.TABLE1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;

/**
 * How much the NTK moves in training, against the aspect ratio, from {@code ntk_changes}: the
 * relative Frobenius change {@code ||H_T - H_0||_F / ||H_0||_F} of the NTK at the reference nuclides
 * after the last epoch, mean over the runs, against r = l_out / n on log
 * axes, one series per mode; one panel per (activation, depth, protocol), with r* from
 * {@code table1} where the sweep wrote it. Beside Fig. 13: at small r the kernel hardly moves (lazy
 * training), and its motion grows with r.
 */
public final class NtkChanges implements FigureFamily {

    public static final int PANEL_WIDTH = 560;
    public static final int PANEL_HEIGHT = 420;

    @Override
    public String heading() {
        return "The NTK through training against the aspect ratio";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.NTK_CHANGES);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        // The last snapshot of every run: the kernel after training against the initial one.
        source.read(ResultTables.NTK_CHANGES).createOrReplaceTempView("report_ntk_changes");
        List<Row> rows = Rows.collectSorted(source.spark().sql("SELECT activation, depth, protocol, mode, r, "
                + "avg(frobenius_change) AS mean, count(*) AS runs FROM (SELECT *, row_number() OVER (PARTITION BY activation, mode, protocol, "
                + "width, depth, run ORDER BY epoch DESC) AS k FROM report_ntk_changes) WHERE k = 1 AND epoch > 0 "
                + "AND NOT isnan(frobenius_change) GROUP BY activation, depth, protocol, mode, r"),
                NTK_CHANGES.col("activation"), NTK_CHANGES.col("depth"), NTK_CHANGES.col("protocol"), NTK_CHANGES.col("mode"), NTK_CHANGES.col("r"));
        Map<String, Double> rStar = new TreeMap<>();
        source.readIfPresent(ResultTables.TABLE1).ifPresent(t -> t.select(NTK_CHANGES.col("activation"), NTK_CHANGES.col("depth"), TABLE1.col("r_star")).distinct().collectAsList()
                .forEach(r -> rStar.put(r.getAs(NTK_CHANGES.col("activation")) + "/" + r.<Integer>getAs(NTK_CHANGES.col("depth")),
                        r.isNullAt(2) ? Double.NaN : r.<Double>getAs(TABLE1.col("r_star")))));
        Map<List<Object>, Map<String, List<Row>>> panels = new LinkedHashMap<>();
        for (Row r : rows) {
            panels.computeIfAbsent(List.of(r.getAs(NTK_CHANGES.col("activation")), r.<Integer>getAs(NTK_CHANGES.col("depth")), r.getAs(NTK_CHANGES.col("protocol"))),
                    k -> new TreeMap<>(Labels.MODE_ORDER)).computeIfAbsent(r.getAs(NTK_CHANGES.col("mode")), m -> new ArrayList<>()).add(r);
        }
        if (panels.isEmpty()) {
            return new Section(heading(), List.of(), "No trained run recorded its NTK.", List.of());
        }
        boolean severalProtocols = panels.keySet().stream().map(k -> k.get(2)).distinct().count() > 1;
        List<JFreeChart> charts = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        int index = 0;
        for (Map.Entry<List<Object>, Map<String, List<Row>>> e : panels.entrySet()) {
            String activation = (String) e.getKey().get(0);
            int depth = (Integer) e.getKey().get(1);
            XYPanel panel = new XYPanel(ChartStyle.log("aspect ratio r = l_out / n"),
                    ChartStyle.log("||H_T - H_0||_F / ||H_0||_F"));
            for (Map.Entry<String, List<Row>> m : e.getValue().entrySet()) {
                modes.add(m.getKey());
                List<Row> points = m.getValue();
                panel.points(Labels.mode(m.getKey()), points.stream().mapToDouble(r -> r.<Double>getAs(NTK_CHANGES.col("r"))).toArray(),
                        points.stream().mapToDouble(r -> r.<Double>getAs("mean")).toArray(), ChartStyle.modeColor(m.getKey()),
                        ChartStyle.modeStroke(m.getKey()), ChartStyle.modeShape(m.getKey()));
            }
            Double star = rStar.get(activation + "/" + depth);
            if (star != null && Double.isFinite(star)) {
                panel.plot().addDomainMarker(ChartStyle.rStarMarker(star));
            }
            charts.add(panel.chart(Labels.letter(index++) + " " + Labels.activation(activation) + ", l_out = " + depth
                    + (severalProtocols ? ", protocol " + e.getKey().get(2) : ""), true));
        }
        long runs = rows.stream().mapToLong(r -> r.<Long>getAs("runs")).max().orElse(0);
        String title = "The NTK through training: relative change against r = l_out / n";
        String caption = title + ". Relative Frobenius change of the empirical NTK at the reference nuclides "
                + "(train.ntk.nuclides) between the initial and the trained network, mean over up to " + runs
                + " runs per width (diverged runs left out), one series per mode; log axes"
                + (rStar.isEmpty() ? "" : "; red line: the optimal aspect ratio r* (paper Eq. 50)")
                + ". The NTK uses the learning-rate tensor of each run's mode at raw rates 1. A kernel that hardly "
                + "moves trains lazily, as a linear model in its parameters."
                + RunOutcomes.sentence(source, modes, "the means include every run that did not diverge")
                + ProtocolCaption.describe(source.runInfo(), modes)
                + " " + source.citation();
        PanelGrid grid = new PanelGrid(title, Math.min(2, charts.size()), PANEL_WIDTH, PANEL_HEIGHT);
        Figure figure = grid.write(charts, files, files.name("ntk-changes"), caption);
        return new Section(heading(), List.of(figure), "", List.of());
    }
}
