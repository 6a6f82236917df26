package org.annft.report;

import static org.annft.table.ResultTables.ENSEMBLE_PREDICTIONS;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;
import org.jfree.chart.JFreeChart;

/**
 * Predictions of AME2020's estimated binding energies by networks trained on the measured ones,
 * from {@code ensemble_predictions} ({@code annft predict}): per (activation, mode, protocol, depth)
 * three figures over the widths,
 * <ul>
 * <li>the residual AME estimate minus the ensemble mean on the nuclear chart, one panel per width;
 * <li>the RMSD against the distance from the measured region: for a nuclide of element Z, the
 *     neutrons beyond the heaviest or below the lightest measured isotope of Z (rows with
 *     {@code ame_estimated = false} give the measured region);
 * <li>calibration: the fraction of estimated nuclides whose AME value lies within one and two
 *     ensemble standard deviations of the mean and within the 5-95% band, against the nominal 68.3%,
 *     95.4% and 90%.
 * </ul>
 */
public final class Extrapolation implements FigureFamily {

    public static final int PANEL_WIDTH = 560;
    public static final int PANEL_HEIGHT = 420;

    /** One estimated nuclide's prediction. */
    record Point(int z, int n, int distance, double mean, double std, double q05, double q95, double ame, long runs) {
        double residual() {
            return ame - mean;
        }
    }

    /**
     * Calibration of one width: the fractions within 1 and 2 sigma and within the 5-95% band, and the
     * RMSD of the mean prediction.
     */
    record Calibration(int nuclides, double oneSigma, double twoSigma, double band, double rmsd) {

        static Calibration of(List<Point> points) {
            int one = 0;
            int two = 0;
            int band = 0;
            double squares = 0;
            for (Point p : points) {
                double r = Math.abs(p.residual());
                one += r <= p.std() ? 1 : 0;
                two += r <= 2 * p.std() ? 1 : 0;
                band += p.ame() >= p.q05() && p.ame() <= p.q95() ? 1 : 0;
                squares += r * r;
            }
            int n = points.size();
            return new Calibration(n, (double) one / n, (double) two / n, (double) band / n, Math.sqrt(squares / n));
        }
    }

    @Override
    public String heading() {
        return "Extrapolation to AME2020's estimated binding energies";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.ENSEMBLE_PREDICTIONS);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        List<Row> rows = Rows.collectSorted(source.read(ResultTables.ENSEMBLE_PREDICTIONS).where("ame_mev IS NOT NULL"),
                ENSEMBLE_PREDICTIONS.col("activation"), ENSEMBLE_PREDICTIONS.col("mode"), ENSEMBLE_PREDICTIONS.col("protocol"), ENSEMBLE_PREDICTIONS.col("depth"), ENSEMBLE_PREDICTIONS.col("width"), ENSEMBLE_PREDICTIONS.col("z"), ENSEMBLE_PREDICTIONS.col("n"));
        Map<List<Object>, Map<Integer, List<Row>>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(List.of(r.getAs(ENSEMBLE_PREDICTIONS.col("activation")), r.getAs(ENSEMBLE_PREDICTIONS.col("mode")), r.getAs(ENSEMBLE_PREDICTIONS.col("protocol")), r.<Integer>getAs(ENSEMBLE_PREDICTIONS.col("depth"))),
                    k -> new TreeMap<>()).computeIfAbsent(r.getAs(ENSEMBLE_PREDICTIONS.col("width")), w -> new ArrayList<>()).add(r);
        }
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<List<Object>, Map<Integer, List<Row>>> e : groups.entrySet()) {
            Map<Integer, List<Point>> byWidth = new TreeMap<>();
            for (Map.Entry<Integer, List<Row>> w : e.getValue().entrySet()) {
                List<Point> points = estimated(w.getValue());
                if (!points.isEmpty()) {
                    byWidth.put(w.getKey(), points);
                }
            }
            if (byWidth.isEmpty()) {
                continue;
            }
            String name = Labels.activation((String) e.getKey().get(0)) + " " + Labels.mode((String) e.getKey().get(1))
                    + ", l_out = " + e.getKey().get(3) + (e.getKey().get(2).equals(TableSource.DEFAULT_PROTOCOL) ? ""
                    : ", protocol " + e.getKey().get(2));
            int depth = (Integer) e.getKey().get(3);
            // The protocol names the files too: a sweep of several protocols draws one set per protocol.
            String protocol = (String) e.getKey().get(2);
            String[] fileKey = protocol.equals(TableSource.DEFAULT_PROTOCOL)
                    ? new String[] {(String) e.getKey().get(0), (String) e.getKey().get(1), "depth" + depth}
                    : new String[] {(String) e.getKey().get(0), (String) e.getKey().get(1), protocol, "depth" + depth};
            figures.add(residualMap(name, depth, byWidth, source, files, fileKey));
            figures.add(distance(name, byWidth, source, files, fileKey));
            figures.add(calibration(name, byWidth, source, files, fileKey));
        }
        if (figures.isEmpty()) {
            return new Section(heading(), List.of(), "No prediction of an AME2020 estimate to compare with.", List.of());
        }
        return new Section(heading(), figures, "", List.of());
    }

    /**
     * The estimated nuclides of one configuration's rows with their distance from the measured
     * region; nuclides of an element without a measured isotope are left out.
     */
    static List<Point> estimated(List<Row> rows) {
        Map<Integer, int[]> measured = new HashMap<>();
        for (Row r : rows) {
            if (!r.<Boolean>getAs(ENSEMBLE_PREDICTIONS.col("ame_estimated"))) {
                int z = r.getAs(ENSEMBLE_PREDICTIONS.col("z"));
                int n = r.getAs(ENSEMBLE_PREDICTIONS.col("n"));
                measured.merge(z, new int[] {n, n}, (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        List<Point> out = new ArrayList<>();
        for (Row r : rows) {
            int[] range = measured.get(r.<Integer>getAs(ENSEMBLE_PREDICTIONS.col("z")));
            if (!r.<Boolean>getAs(ENSEMBLE_PREDICTIONS.col("ame_estimated")) || range == null) {
                continue;
            }
            int n = r.getAs(ENSEMBLE_PREDICTIONS.col("n"));
            int distance = n > range[1] ? n - range[1] : n < range[0] ? range[0] - n : 0;
            out.add(new Point(r.getAs(ENSEMBLE_PREDICTIONS.col("z")), n, distance, r.getAs(ENSEMBLE_PREDICTIONS.col("mean_mev")), r.getAs(ENSEMBLE_PREDICTIONS.col("std_mev")), r.getAs(ENSEMBLE_PREDICTIONS.col("q05_mev")),
                    r.getAs(ENSEMBLE_PREDICTIONS.col("q95_mev")), r.getAs(ENSEMBLE_PREDICTIONS.col("ame_mev")), r.getAs(ENSEMBLE_PREDICTIONS.col("runs"))));
        }
        return out;
    }

    private static Figure residualMap(String name, int depth, Map<Integer, List<Point>> byWidth, TableSource source,
                                      FigureFiles files, String[] fileKey) throws Exception {
        List<ResidualMaps.Map2d> maps = new ArrayList<>();
        for (Map.Entry<Integer, List<Point>> w : byWidth.entrySet()) {
            List<Point> p = w.getValue();
            maps.add(new ResidualMaps.Map2d(w.getKey(), (double) depth / w.getKey(), p.stream().mapToLong(Point::runs).max()
                    .orElse(0), p.stream().mapToDouble(Point::n).toArray(), p.stream().mapToDouble(Point::z).toArray(),
                    p.stream().mapToDouble(Point::residual).toArray()));
        }
        DivergingPaintScale scale = new DivergingPaintScale(ResidualMaps.scaleLimit(
                maps.stream().map(ResidualMaps.Map2d::residual).toList()));
        double nMax = maps.stream().flatMapToDouble(m -> java.util.Arrays.stream(m.n())).max().orElse(1) + 2;
        double zMax = maps.stream().flatMapToDouble(m -> java.util.Arrays.stream(m.z())).max().orElse(1) + 2;
        List<JFreeChart> panels = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            panels.add(ResidualMaps.panel(Labels.letter(i), maps.get(i), scale, nMax, zMax));
        }
        String title = "Extrapolation residuals, " + name;
        String caption = title + ". AME2020's estimated binding energy minus the mean prediction (MeV) of the networks "
                + "trained on the measured nuclides, for every estimated nuclide of an element with a measured isotope, on "
                + "the nuclear chart (N across, Z up); one panel per width with the RMSD over these nuclides. The colour "
                + "scale saturates at +-" + Labels.number(scale.getUpperBound()) + " MeV. " + source.citation();
        PanelGrid grid = new PanelGrid(title, Math.min(2, panels.size()), ResidualMaps.PANEL_WIDTH,
                ResidualMaps.PANEL_HEIGHT, ResidualMaps.colourBar(scale, "AME estimate - prediction (MeV)"),
                ResidualMaps.COLOUR_BAR_WIDTH);
        return grid.write(panels, files, files.name("extrapolation-residuals", fileKey), caption);
    }

    private static Figure distance(String name, Map<Integer, List<Point>> byWidth, TableSource source, FigureFiles files,
                                   String[] fileKey) throws Exception {
        XYPanel panel = new XYPanel(ChartStyle.integer("neutrons beyond the measured isotopes of the element"),
                ChartStyle.log("RMSD (MeV)"));
        int series = 0;
        List<String> notes = new ArrayList<>();
        for (Map.Entry<Integer, List<Point>> w : byWidth.entrySet()) {
            Map<Integer, double[]> byDistance = new TreeMap<>();
            for (Point p : w.getValue()) {
                double[] acc = byDistance.computeIfAbsent(p.distance(), d -> new double[2]);
                acc[0] += p.residual() * p.residual();
                acc[1] += 1;
            }
            List<double[]> xy = new ArrayList<>();
            byDistance.forEach((d, acc) -> {
                if (acc[1] >= 5) {
                    xy.add(new double[] {d, Math.sqrt(acc[0] / acc[1])});
                }
            });
            panel.points("n = " + w.getKey(), xy.stream().mapToDouble(a -> a[0]).toArray(),
                    xy.stream().mapToDouble(a -> a[1]).toArray(), ChartStyle.seriesColor(series++), ChartStyle.solid(1.5f),
                    new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
            double[] near = byDistance.getOrDefault(1, new double[] {0, 0});
            notes.add(String.format(Locale.ROOT, "n = %d: %.2f MeV one neutron out (%d nuclides)", w.getKey(),
                    Math.sqrt(near[0] / Math.max(near[1], 1)), (int) near[1]));
        }
        String title = "Extrapolation RMSD against the distance from the measured region";
        String caption = title + ", " + name + ". RMSD between the mean prediction and AME2020's estimate of the nuclides that lie d "
                + "neutrons beyond the heaviest (or below the lightest) measured isotope of their element (d = 0: a gap "
                + "inside the measured range), for every d with at least 5 nuclides; one series per width. "
                + String.join("; ", notes) + ". " + source.citation();
        return new PanelGrid(title, 1, PANEL_WIDTH, PANEL_HEIGHT).write(List.of(panel.chart(name, true)), files,
                files.name("extrapolation-distance", fileKey), caption);
    }

    private static Figure calibration(String name, Map<Integer, List<Point>> byWidth, TableSource source,
                                      FigureFiles files, String[] fileKey) throws Exception {
        double[] widths = byWidth.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
        List<Calibration> c = byWidth.values().stream().map(Calibration::of).toList();
        org.jfree.chart.axis.NumberAxis fraction = ChartStyle.linear("fraction of AME estimates covered");
        fraction.setRange(0, 1);
        XYPanel panel = new XYPanel(ChartStyle.log("width n"), fraction);
        panel.points("within 1 std", widths, c.stream().mapToDouble(Calibration::oneSigma).toArray(), ChartStyle.BLUE,
                ChartStyle.solid(1.5f), new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        panel.points("within 2 std", widths, c.stream().mapToDouble(Calibration::twoSigma).toArray(), ChartStyle.RED,
                ChartStyle.solid(1.5f), new java.awt.geom.Rectangle2D.Double(-3.5, -3.5, 7, 7));
        panel.points("in the 5-95% band", widths, c.stream().mapToDouble(Calibration::band).toArray(), ChartStyle.GREEN,
                ChartStyle.solid(1.5f), new java.awt.Polygon(new int[] {-4, 0, 4}, new int[] {3, -4, 3}, 3));
        double low = widths[0] / 1.3;
        double high = widths[widths.length - 1] * 1.3;
        panel.line("nominal 68.3%", new double[] {low, high}, new double[] {0.683, 0.683}, ChartStyle.BLUE, ChartStyle.dashed(1f));
        panel.line("nominal 95.4%", new double[] {low, high}, new double[] {0.954, 0.954}, ChartStyle.RED, ChartStyle.dashed(1f));
        panel.line("nominal 90%", new double[] {low, high}, new double[] {0.90, 0.90}, ChartStyle.GREEN, ChartStyle.dashed(1f));
        List<String> notes = new ArrayList<>();
        int i = 0;
        for (Integer w : byWidth.keySet()) {
            Calibration k = c.get(i++);
            notes.add(String.format(Locale.ROOT, "n = %d: %d nuclides, RMSD %.2f MeV, within 1 std %.1f%%, within 2 std "
                    + "%.1f%%, in the band %.1f%%", w, k.nuclides(), k.rmsd(), 100 * k.oneSigma(), 100 * k.twoSigma(),
                    100 * k.band()));
        }
        String title = "Uncertainty calibration of the extrapolation";
        String caption = title + ", " + name + ". Fraction of AME2020's estimated binding energies that lie within one and two "
                + "standard deviations of the networks' mean prediction and within their 5-95% quantile band, against the "
                + "nominal 68.3%, 95.4% and 90% of a calibrated Gaussian (dashed). " + String.join("; ", notes) + ". "
                + source.citation();
        return new PanelGrid(title, 1, PANEL_WIDTH, PANEL_HEIGHT).write(List.of(panel.chart(name, true)), files,
                files.name("extrapolation-calibration", fileKey), caption);
    }
}
