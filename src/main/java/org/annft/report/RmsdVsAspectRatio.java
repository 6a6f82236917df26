package org.annft.report;

import static org.annft.table.ResultTables.TABLE1;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.annft.data.PaperResults;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * Paper Fig. 13: binding-energy RMSD against the aspect ratio r = l_out / n (log axis), mean and
 * standard deviation over the runs kept by the cutoff, with the optimal aspect ratio r* (paper
 * Eq. 50) as a vertical line and the fraction of failed runs on a second axis; one panel per
 * (activation, mode, protocol, depth), from {@code table1}. Panels of the paper's configuration
 * (ReLU, CICT, l_out = 4) also show the paper's Table I means and standard deviations.
 */
public final class RmsdVsAspectRatio implements FigureFamily {

    public static final int PANEL_WIDTH = 620;
    public static final int PANEL_HEIGHT = 420;

    /** One configuration of Table I. */
    record Point(double r, double mean, double std, long kept, long total, double failed, double cutoff, double rStar) {
    }

    @Override
    public String heading() {
        return "Fig. 13: binding-energy RMSD against the aspect ratio r";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.TABLE1);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        List<Row> rows = Rows.collectSorted(source.read(ResultTables.TABLE1), TABLE1.col("activation"), TABLE1.col("mode"), TABLE1.col("protocol"), TABLE1.col("depth"), TABLE1.col("r"));
        Map<List<Object>, List<Point>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(List.of(r.getAs(TABLE1.col("activation")), r.getAs(TABLE1.col("mode")), r.<Integer>getAs(TABLE1.col("depth")),
                    r.getAs(TABLE1.col("protocol"))), k -> new ArrayList<>()).add(new Point(r.getAs(TABLE1.col("r")), number(r, "mean_rmsd_mev"),
                    number(r, "std_rmsd_mev"), r.getAs(TABLE1.col("runs_kept")), r.getAs(TABLE1.col("runs_total")), r.getAs(TABLE1.col("failed_fraction")),
                    r.getAs(TABLE1.col("cutoff_mev")), number(r, "r_star")));
        }
        boolean severalProtocols = groups.keySet().stream().map(k -> k.get(3)).distinct().count() > 1;
        PaperResults paper = PaperResults.load();
        boolean paperDrawn = false;
        List<JFreeChart> panels = new ArrayList<>();
        List<String> cutoffs = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        long total = 0;
        int index = 0;
        for (Map.Entry<List<Object>, List<Point>> e : groups.entrySet()) {
            String activation = (String) e.getKey().get(0);
            String mode = (String) e.getKey().get(1);
            int depth = (Integer) e.getKey().get(2);
            String protocol = (String) e.getKey().get(3);
            boolean withPaper = activation.equals(PaperResults.TABLE_ONE_ACTIVATION)
                    && mode.equals(PaperResults.TABLE_ONE_MODE) && depth == PaperResults.TABLE_ONE_DEPTH;
            paperDrawn |= withPaper;
            modes.add(mode);
            List<Point> points = e.getValue();
            points.stream().map(p -> Labels.number(p.cutoff())).distinct().filter(c -> !cutoffs.contains(c)).forEach(cutoffs::add);
            total = Math.max(total, points.stream().mapToLong(Point::total).max().orElse(0));
            panels.add(panel(Labels.letter(index++) + " " + Labels.activation(activation) + " " + Labels.mode(mode)
                    + ", l_out = " + depth + (severalProtocols ? ", protocol " + protocol : ""), points,
                    withPaper ? paper : null));
        }
        String title = "Fig. 13: binding-energy RMSD against r = l_out / n";
        String caption = title + ". Mean (points) and standard deviation (error bars) of the RMSD between the AME2020 "
                + "binding energies and the trained networks over the runs kept: runs with an RMSD at or above the cutoff ("
                + String.join(", ", cutoffs) + " MeV) or NaN are excluded; up to " + total + " runs per width. Grey "
                + "squares (right axis): the fraction of failed runs (not kept: diverged, NaN or above the cutoff). Red vertical line: the "
                + "optimal aspect ratio r* (paper Eq. 50); log r axis."
                + (paperDrawn ? " Black diamonds joined by a dotted line (ReLU CICT, l_out = 4): the paper's Table I, mean and std of the "
                        + "RMSD over the runs kept of 100 after 20000 epochs with cutoff 100 MeV (its Fig. 13 uses 30 MeV)." : "")
                + ProtocolCaption.describe(source.runInfo(), modes)
                + " " + source.citation();
        PanelGrid grid = new PanelGrid(title, Math.min(2, panels.size()), PANEL_WIDTH, PANEL_HEIGHT);
        Figure figure = grid.write(panels, files, files.name("fig13"), caption);
        return new Section(heading(), List.of(figure), "", List.of());
    }

    /** A double column; NaN for null (no run kept). */
    private static double number(Row r, String column) {
        return r.isNullAt(r.fieldIndex(column)) ? Double.NaN : r.<Double>getAs(column);
    }

    private static JFreeChart panel(String title, List<Point> points, PaperResults paper) {
        double[] r = points.stream().mapToDouble(Point::r).toArray();
        NumberAxis rmsdAxis = ChartStyle.linear("binding-energy RMSD (MeV)");
        // An RMSD is not negative, even where the standard deviation bar would reach below zero.
        double top = points.stream().mapToDouble(p -> p.mean() + (Double.isFinite(p.std()) ? p.std() : 0))
                .filter(Double::isFinite).max().orElse(1);
        if (paper != null) {
            top = Math.max(top, paper.tableOne().stream().mapToDouble(p -> p.meanRmsdMev() + p.stdRmsdMev()).max().orElse(0));
        }
        rmsdAxis.setRange(0, 1.05 * top);
        XYPanel panel = new XYPanel(ChartStyle.log("aspect ratio r = l_out / n"), rmsdAxis)
                .errorBars("mean RMSD of kept runs", r, points.stream().mapToDouble(Point::mean).toArray(),
                        points.stream().mapToDouble(Point::std).toArray(), ChartStyle.BLUE, true);
        if (paper != null) {
            List<PaperResults.TableOneRow> t = paper.tableOne();
            panel.errorBars("paper, Table I", t.stream().mapToDouble(p -> (double) PaperResults.TABLE_ONE_DEPTH / p.width())
                    .toArray(), t.stream().mapToDouble(PaperResults.TableOneRow::meanRmsdMev).toArray(),
                    t.stream().mapToDouble(PaperResults.TableOneRow::stdRmsdMev).toArray(), Color.BLACK, true,
                    ChartStyle.DIAMOND, ChartStyle.dotted(1.0f));
        }
        XYPlot plot = panel.plot();
        // The failed fraction lives on its own axis, so its dataset is mapped there after the panel built it.
        NumberAxis failedAxis = ChartStyle.linear("failed fraction");
        failedAxis.setRange(-0.03, 1.05);
        plot.setRangeAxis(1, failedAxis);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        panel.points("failed fraction (right axis)", r, points.stream().mapToDouble(Point::failed).toArray(),
                ChartStyle.GREY, ChartStyle.dashed(1.0f), new Rectangle2D.Double(-3, -3, 6, 6));
        plot.mapDatasetToRangeAxis(plot.getDatasetCount() - 1, 1);
        double rStar = points.stream().mapToDouble(Point::rStar).filter(Double::isFinite).findFirst().orElse(Double.NaN);
        if (Double.isFinite(rStar)) {
            plot.addDomainMarker(ChartStyle.rStarMarker(rStar));
        }
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        return panel.chart(title, true);
    }
}
