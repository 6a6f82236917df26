package org.annft.report;

import static org.annft.table.ResultTables.CALIBRATION;
import static org.annft.table.ResultTables.ENSEMBLE_PREDICTIONS;

import java.util.ArrayList;
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
 * The calibrated uncertainty checked on AME2020's estimated binding energies, which no network was
 * trained on and no calibration fitted on ({@code ensemble_predictions} with {@code calibration} of
 * {@code annft predict}): per configuration the fraction of estimates inside mean +- f std at the
 * nominal levels 68%, 90%, 95%, for the raw ensemble spread (f = z_p, a Gaussian of the networks'
 * std) and for each calibration method (f of the estimate's distance group, from table
 * {@code calibration}), against the nominal level; and a table of the same numbers beside the
 * in-sample coverage on the held-out edge isotopes.
 */
public final class UncertaintyCoverage implements FigureFamily {

    static final int PANEL_WIDTH = 460;
    static final int PANEL_HEIGHT = 400;

    /** Gaussian z_p = Phi^-1((1 + p) / 2) of the levels 0.68, 0.90, 0.95 (theory.GaussianInterval's; the report uses no theory code). */
    static double z(double level) {
        return new org.apache.commons.math3.distribution.NormalDistribution(0, 1).inverseCumulativeProbability((1 + level) / 2);
    }

    /** One distance group's factors of one method, by level. */
    record Group(int from, int to, int nuclides, Map<Double, Double> factors, Map<Double, Double> coverage) {
    }

    /** Coverage of the estimates per method ({@code raw}, then the calibration methods), by level. */
    record Coverage(String configuration, int estimates, double[] levels, Map<String, double[]> onEstimates,
                    Map<String, double[]> onHeldOut, String applied, String fittedOn) {
    }

    @Override
    public String heading() {
        return "Calibrated uncertainty of the extrapolation";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(ResultTables.ENSEMBLE_PREDICTIONS, ResultTables.CALIBRATION);
    }

    @Override
    public Section render(TableSource source, FigureFiles files) throws Exception {
        List<Row> calibrations = Rows.collectSorted(source.read(CALIBRATION), CALIBRATION.col("activation"),
                CALIBRATION.col("mode"), CALIBRATION.col("protocol"), CALIBRATION.col("depth"), CALIBRATION.col("width"),
                CALIBRATION.col("method"), CALIBRATION.col("distance_from"), CALIBRATION.col("level"));
        List<Row> estimates = Rows.collectSorted(source.read(ENSEMBLE_PREDICTIONS)
                        .where("ame_estimated AND distance IS NOT NULL"), ENSEMBLE_PREDICTIONS.col("activation"),
                ENSEMBLE_PREDICTIONS.col("mode"), ENSEMBLE_PREDICTIONS.col("protocol"), ENSEMBLE_PREDICTIONS.col("depth"),
                ENSEMBLE_PREDICTIONS.col("width"), ENSEMBLE_PREDICTIONS.col("z"), ENSEMBLE_PREDICTIONS.col("n"));
        Map<String, Map<String, List<Group>>> methods = groups(calibrations);
        Map<String, String> applied = new LinkedHashMap<>();
        Map<String, String> fittedOn = new LinkedHashMap<>();
        for (Row r : calibrations) {
            if (r.<Boolean>getAs(CALIBRATION.col("applied"))) {
                applied.put(configuration(r), r.getAs(CALIBRATION.col("method")));
            }
            fittedOn.put(configuration(r), r.getAs(CALIBRATION.col("fitted_on")));
        }
        Map<String, List<Row>> byConfiguration = new LinkedHashMap<>();
        for (Row r : estimates) {
            if (methods.containsKey(configuration(r))) {
                byConfiguration.computeIfAbsent(configuration(r), k -> new ArrayList<>()).add(r);
            }
        }
        if (byConfiguration.isEmpty()) {
            return Section.note(heading(), "No calibrated prediction of an AME2020 estimate to check.");
        }
        List<Coverage> coverages = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byConfiguration.entrySet()) {
            coverages.add(coverage(e.getKey(), e.getValue(), methods.get(e.getKey()), applied.get(e.getKey()),
                    fittedOn.get(e.getKey())));
        }
        return new Section(heading(), List.of(figure(coverages, source, files)), table(coverages), List.of());
    }

    /** activation, mode, protocol, depth and width of a row of either table, as a panel names them. */
    private static String configuration(Row r) {
        return Labels.activation(r.getAs("activation")) + " " + Labels.mode(r.getAs("mode")) + ", l_out = "
                + r.<Integer>getAs("depth") + ", n = " + r.<Integer>getAs("width")
                + (r.getAs("protocol").equals(TableSource.DEFAULT_PROTOCOL) ? "" : ", " + r.getAs("protocol"));
    }

    /** Per configuration and method, its distance groups in order. */
    static Map<String, Map<String, List<Group>>> groups(List<Row> calibrations) {
        Map<String, Map<String, Map<Integer, Group>>> out = new LinkedHashMap<>();
        for (Row r : calibrations) {
            Group g = out.computeIfAbsent(configuration(r), k -> new TreeMap<>())
                    .computeIfAbsent(r.getAs(CALIBRATION.col("method")), k -> new TreeMap<>())
                    .computeIfAbsent(r.<Integer>getAs(CALIBRATION.col("distance_from")), k -> new Group(k,
                            r.getAs(CALIBRATION.col("distance_to")), r.getAs(CALIBRATION.col("nuclides")), new TreeMap<>(),
                            new TreeMap<>()));
            g.factors().put(r.getAs(CALIBRATION.col("level")), r.getAs(CALIBRATION.col("factor")));
            g.coverage().put(r.getAs(CALIBRATION.col("level")), r.getAs(CALIBRATION.col("coverage")));
        }
        Map<String, Map<String, List<Group>>> lists = new LinkedHashMap<>();
        out.forEach((c, m) -> {
            Map<String, List<Group>> byMethod = new TreeMap<>();
            m.forEach((method, groups) -> byMethod.put(method, List.copyOf(groups.values())));
            lists.put(c, byMethod);
        });
        return lists;
    }

    /** The group a distance falls in: the first whose range reaches it, the last beyond them all. */
    static Group group(List<Group> groups, int distance) {
        for (Group g : groups) {
            if (distance <= g.to()) {
                return g;
            }
        }
        return groups.get(groups.size() - 1);
    }

    static Coverage coverage(String configuration, List<Row> estimates, Map<String, List<Group>> methods, String applied,
                             String fittedOn) {
        List<Double> levels = methods.values().iterator().next().get(0).factors().keySet().stream().toList();
        Map<String, double[]> onEstimates = new LinkedHashMap<>();
        double[] raw = new double[levels.size()];
        for (Row r : estimates) {
            double residual = Math.abs(r.<Double>getAs(ENSEMBLE_PREDICTIONS.col("ame_mev"))
                    - r.<Double>getAs(ENSEMBLE_PREDICTIONS.col("mean_mev")));
            double std = r.getAs(ENSEMBLE_PREDICTIONS.col("std_mev"));
            for (int l = 0; l < levels.size(); l++) {
                raw[l] += residual <= z(levels.get(l)) * std ? 1 : 0;
            }
        }
        onEstimates.put("raw", divide(raw, estimates.size()));
        Map<String, double[]> onHeldOut = new LinkedHashMap<>();
        for (Map.Entry<String, List<Group>> m : methods.entrySet()) {
            double[] inside = new double[levels.size()];
            for (Row r : estimates) {
                double residual = Math.abs(r.<Double>getAs(ENSEMBLE_PREDICTIONS.col("ame_mev"))
                        - r.<Double>getAs(ENSEMBLE_PREDICTIONS.col("mean_mev")));
                Group g = group(m.getValue(), r.getAs(ENSEMBLE_PREDICTIONS.col("distance")));
                double std = r.getAs(ENSEMBLE_PREDICTIONS.col("std_mev"));
                for (int l = 0; l < levels.size(); l++) {
                    inside[l] += residual <= g.factors().get(levels.get(l)) * std ? 1 : 0;
                }
            }
            onEstimates.put(m.getKey(), divide(inside, estimates.size()));
            double[] held = new double[levels.size()];
            int nuclides = 0;
            for (Group g : m.getValue()) {
                for (int l = 0; l < levels.size(); l++) {
                    held[l] += g.coverage().get(levels.get(l)) * g.nuclides();
                }
                nuclides += g.nuclides();
            }
            onHeldOut.put(m.getKey(), divide(held, nuclides));
        }
        return new Coverage(configuration, estimates.size(), levels.stream().mapToDouble(Double::doubleValue).toArray(),
                onEstimates, onHeldOut, applied, fittedOn);
    }

    private static double[] divide(double[] x, double n) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] / n;
        }
        return out;
    }

    private static String label(String method) {
        return switch (method) {
            case "raw" -> "raw ensemble spread";
            case "inflated" -> "inflated std (Gaussian)";
            case "conformal" -> "split conformal";
            default -> method;
        };
    }

    private static Figure figure(List<Coverage> coverages, TableSource source, FigureFiles files) throws Exception {
        List<JFreeChart> panels = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < coverages.size(); i++) {
            Coverage c = coverages.get(i);
            org.jfree.chart.axis.NumberAxis x = ChartStyle.linear("nominal coverage");
            x.setRange(0.6, 1.0);
            org.jfree.chart.axis.NumberAxis y = ChartStyle.linear("fraction of AME2020 estimates covered");
            y.setRange(0, 1);
            XYPanel panel = new XYPanel(x, y);
            panel.line("nominal", new double[] {0.6, 1.0}, new double[] {0.6, 1.0}, ChartStyle.GREY, ChartStyle.dashed(1f));
            int series = 0;
            java.awt.Shape[] shapes = {new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8),
                new java.awt.geom.Rectangle2D.Double(-3.5, -3.5, 7, 7), new java.awt.Polygon(new int[] {-4, 0, 4},
                    new int[] {3, -4, 3}, 3)};
            for (Map.Entry<String, double[]> m : c.onEstimates().entrySet()) {
                panel.points(label(m.getKey()), c.levels(), m.getValue(), ChartStyle.seriesColor(series),
                        ChartStyle.solid(1.5f), shapes[series % shapes.length]);
                series++;
            }
            panels.add(panel.chart(Labels.letter(i) + " " + c.configuration(), true));
            List<String> parts = new ArrayList<>();
            c.onEstimates().forEach((m, v) -> parts.add(label(m) + " " + java.util.Arrays.stream(v)
                    .mapToObj(f -> String.format(Locale.ROOT, "%.1f", 100 * f)).collect(java.util.stream.Collectors.joining("/"))
                    + "%"));
            notes.add(Labels.letter(i) + " " + c.configuration() + " (" + c.estimates() + " estimates): "
                    + String.join(", ", parts));
        }
        String title = "Coverage of AME2020's estimated binding energies, before and after calibration";
        String caption = title + ". Fraction of the estimates (which no network was trained on and no calibration "
                + "fitted on) inside mean +- f std of the networks, against the nominal 68%, 90% and 95% (dashed: "
                + "calibrated). Raw ensemble spread: f = z_p of a Gaussian (0.99, 1.64, 1.96). Inflated std and split "
                + "conformal: f of the estimate's distance group, fitted on the held-out edge isotopes of "
                + coverages.get(0).fittedOn() + " (table calibration). Coverage at 68/90/95%: " + String.join("; ", notes)
                + ". " + source.citation();
        return new PanelGrid(title, Math.min(2, panels.size()), PANEL_WIDTH, PANEL_HEIGHT).write(panels, files,
                files.name("uncertainty-coverage"), caption);
    }

    private static String table(List<Coverage> coverages) {
        StringBuilder h = new StringBuilder("<table class=\"table1\">\n<caption>")
                .append(ReportWriter.escape("Coverage at the nominal 68%, 90% and 95%: on AME2020's estimates (the "
                        + "independent test) and, in-sample, on the held-out edge isotopes the calibration was fitted on. "
                        + "The method marked * gives the calibrated_* columns of ensemble_predictions."))
                .append("</caption>\n<tr><th>configuration</th><th>estimates</th><th>method</th>")
                .append("<th>68%</th><th>90%</th><th>95%</th><th>held-out 68%</th><th>held-out 90%</th>")
                .append("<th>held-out 95%</th></tr>\n");
        for (Coverage c : coverages) {
            for (Map.Entry<String, double[]> m : c.onEstimates().entrySet()) {
                double[] held = c.onHeldOut().get(m.getKey());
                h.append("<tr><td>").append(ReportWriter.escape(c.configuration())).append("</td><td class=\"num\">")
                        .append(c.estimates()).append("</td><td>").append(ReportWriter.escape(label(m.getKey())))
                        .append(m.getKey().equals(c.applied()) ? " *" : "").append("</td>");
                for (double v : m.getValue()) {
                    h.append("<td class=\"num\">").append(Labels.fixed(100 * v, 1)).append("%</td>");
                }
                for (int l = 0; l < c.levels().length; l++) {
                    h.append("<td class=\"num\">").append(held == null ? "&ndash;" : Labels.fixed(100 * held[l], 1) + "%")
                            .append("</td>");
                }
                h.append("</tr>\n");
            }
        }
        return h.append("</table>\n").toString();
    }
}
