package org.annft.report;

import static org.annft.table.ResultTables.RUNS;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.annft.data.PaperResults;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.annft.train.RunOutcome;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;

/**
 * The distribution behind Table I's means: every run's binding-energy RMSD as a strip per width,
 * one panel per training mode, runs marked by their outcome ({@code runs.outcome}), with the
 * paper's Table I mean ± std beside the strips of its configuration. A bimodal width (Table I's
 * asterisks) shows as two clusters in its strip.
 */
public final class RmsdStrips implements FigureFamily {

    public static final int PANEL_WIDTH = 620;
    public static final int PANEL_HEIGHT = 440;
    /** Half the width of a strip, as a factor on the log width axis. */
    private static final double STRIP = 0.08;
    /** The paper's marker sits this far right of the strip (a factor on the log width axis). */
    private static final double PAPER_OFFSET = 1.18;

    private static final Shape[] OUTCOME_SHAPES = {new Ellipse2D.Double(-3, -3, 6, 6), new Rectangle2D.Double(-3, -3, 6, 6),
        ChartStyle.seriesShape(2), ChartStyle.seriesShape(3), ChartStyle.seriesShape(5)};
    private static final Color[] OUTCOME_COLORS = {ChartStyle.BLUE, ChartStyle.ORANGE, ChartStyle.PURPLE, ChartStyle.RED,
        Color.BLACK};

    /** One run. */
    record Run(int width, int run, double rmsd, String outcome) {
    }

    @Override
    public String heading() {
        return "RMSD of every run by width and mode (the distributions behind Table I)";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.RUNS);
    }

    @Override
    public boolean onePerProtocol() {
        return true;
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        var table = source.read(ResultTables.RUNS);
        if (!Arrays.asList(table.columns()).contains(RUNS.col("outcome"))) {
            return Section.note(heading(), "Skipped for " + source.displayName() + ": table runs has no outcome column "
                    + "(written by an older sweep).");
        }
        List<Row> rows = Rows.collectSorted(table.select(RUNS.col("activation"), RUNS.col("mode"), RUNS.col("depth"),
                RUNS.col("width"), RUNS.col("run"), RUNS.col("rmsd_mev"), RUNS.col("outcome")),
                RUNS.col("activation"), RUNS.col("depth"), RUNS.col("mode"), RUNS.col("width"), RUNS.col("run"));
        Map<List<Object>, Map<String, List<Run>>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(List.of(r.getAs(RUNS.col("activation")), r.<Integer>getAs(RUNS.col("depth"))),
                    k -> new java.util.TreeMap<>(Labels.MODE_ORDER)).computeIfAbsent(r.getAs(RUNS.col("mode")),
                    k -> new ArrayList<>()).add(new Run(r.getAs(RUNS.col("width")), r.getAs(RUNS.col("run")),
                    Rows.doubleOrNaN(r, RUNS.col("rmsd_mev")), r.getAs(RUNS.col("outcome"))));
        }
        PaperResults paper = PaperResults.load();
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<List<Object>, Map<String, List<Run>>> e : groups.entrySet()) {
            String activation = (String) e.getKey().get(0);
            int depth = (Integer) e.getKey().get(1);
            figures.add(figure(activation, depth, e.getValue(), paper, source, files));
        }
        return new Section(heading(), figures, "", List.of());
    }

    private Figure figure(String activation, int depth, Map<String, List<Run>> byMode, PaperResults paper,
                          TableSource source, FigureFiles files) throws Exception {
        List<JFreeChart> panels = new ArrayList<>();
        boolean paperDrawn = false;
        int diverged = 0;
        TreeSet<Integer> widths = new TreeSet<>();
        byMode.values().forEach(runs -> runs.forEach(r -> widths.add(r.width())));
        // The paper's values are drawn (and promised) where its Table I has a width of the sweep.
        for (Map.Entry<String, List<Run>> m : byMode.entrySet()) {
            boolean withPaper = activation.equals(PaperResults.TABLE_ONE_ACTIVATION)
                    && m.getKey().equals(PaperResults.TABLE_ONE_MODE) && depth == PaperResults.TABLE_ONE_DEPTH
                    && paper.tableOne().stream().anyMatch(p -> widths.contains(p.width()));
            paperDrawn |= withPaper;
            diverged += (int) m.getValue().stream().filter(r -> !Double.isFinite(r.rmsd())).count();
            panels.add(panel(Labels.letter(panels.size()) + " " + Labels.activation(activation) + " " + Labels.mode(m.getKey())
                    + ", l_out = " + depth, m.getValue(), withPaper ? paper : null, widths));
        }
        String title = "RMSD of every run: " + Labels.activation(activation) + ", l_out = " + depth;
        String caption = title + ". Each marker one run's binding-energy RMSD (log axis), in a strip per width n (runs "
                + "spread sideways by their number), one panel per training mode; marker by outcome (runs.outcome): "
                + "converged (RMSD at most " + Labels.number(RunOutcome.CONVERGED_MEV) + " MeV), plateau (above it), "
                + "linear fit (no better than " + Labels.number(RunOutcome.LINEAR_FRACTION) + " of the linear fit's RMSD), "
                + "dead (the output no longer depends on the input), diverged."
                + (diverged > 0 ? " " + diverged + " runs have no finite RMSD and are not drawn." : "")
                + (paperDrawn ? " Black diamonds right of the strips (ReLU CICT, l_out = 4): the paper's Table I mean ± "
                        + "std over the runs kept of 100 (20000 epochs, cutoff 100 MeV), at the widths of this sweep." : "")
                + " Two clusters in one strip are the bimodality that Table I's asterisks mark."
                + ProtocolCaption.describe(source.runInfo(), new ArrayList<>(byMode.keySet())) + " " + source.citation();
        PanelGrid grid = new PanelGrid(title, Math.min(2, panels.size()), PANEL_WIDTH, PANEL_HEIGHT);
        return grid.write(panels, files, files.name("rmsd-strips", activation, "depth" + depth), caption,
                paperDrawn ? List.of(RmsdVsAspectRatio.PAPER_SERIES) : List.of());
    }

    private static JFreeChart panel(String title, List<Run> runs, PaperResults paper, TreeSet<Integer> widths) {
        XYPanel panel = new XYPanel(ChartStyle.log("width n"), ChartStyle.log("binding-energy RMSD (MeV)"));
        int runsMax = runs.stream().mapToInt(Run::run).max().orElse(0) + 1;
        // The outcomes in their order of precedence, then any other name a table holds.
        List<String> outcomes = new ArrayList<>(Arrays.stream(RunOutcome.values()).map(RunOutcome::configName).toList());
        runs.stream().map(Run::outcome).distinct().sorted().filter(o -> !outcomes.contains(o)).forEach(outcomes::add);
        for (int k = 0; k < outcomes.size(); k++) {
            String name = outcomes.get(k);
            List<Run> mine = runs.stream().filter(r -> r.outcome().equals(name) && Double.isFinite(r.rmsd())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            double[] x = mine.stream().mapToDouble(r -> r.width()
                    * Math.exp(runsMax > 1 ? (r.run() / (runsMax - 1.0) - 0.5) * 2 * STRIP : 0)).toArray();
            panel.scatter(name.isEmpty() ? "no outcome" : name, x, mine.stream().mapToDouble(Run::rmsd).toArray(),
                    k < OUTCOME_COLORS.length ? OUTCOME_COLORS[k] : ChartStyle.GREY,
                    k < OUTCOME_SHAPES.length ? OUTCOME_SHAPES[k] : ChartStyle.seriesShape(k));
        }
        if (paper != null) {
            List<PaperResults.TableOneRow> t = paper.tableOne().stream().filter(p -> widths.contains(p.width())).toList();
            panel.errorBars(RmsdVsAspectRatio.PAPER_SERIES, t.stream().mapToDouble(p -> p.width() * PAPER_OFFSET).toArray(),
                    t.stream().mapToDouble(PaperResults.TableOneRow::meanRmsdMev).toArray(),
                    t.stream().mapToDouble(PaperResults.TableOneRow::stdRmsdMev).toArray(), Color.BLACK, false,
                    ChartStyle.DIAMOND, ChartStyle.solid(1.2f));
        }
        panel.plot().getDomainAxis().setRange(widths.first() / 1.5, widths.last() * 1.5);
        return panel.chart(title, true);
    }
}
