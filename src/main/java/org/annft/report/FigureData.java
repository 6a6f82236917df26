package org.annft.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYZDataset;
import org.annft.table.TextValues;

/**
 * The data behind a figure, read back from the drawn panels: every series with its points (the
 * CSV beside the image, for replotting) and every panel's axes as drawn (the figure's entry in
 * {@code figures.json}, against which jobs/check-report checks that the axes cover the points).
 * Read after drawing, so that automatic axis ranges are the ones on the image.
 *
 * @param panels one entry per cell of the grid, in drawing order
 * @param promised series names the figure promises in some panel (e.g. the paper's values)
 */
record FigureData(List<Panel> panels, List<String> promised) {

    /** The CSV columns; bounds are empty where a series has none (lines, scatter points). */
    static final String CSV_HEADER = "panel,panel_title,series,axis,x,y,x_low,x_high,y_low,y_high,z";

    /** An axis as drawn. */
    record Axis(String label, double lower, double upper, boolean log) {
    }

    /** A series: its name, the index of its range axis and its points (one CSV row each). */
    record Series(String name, int axis, List<double[]> points) {
    }

    /**
     * One cell of the grid: a chart (title, x axis, range axes, series), or a drawing without data
     * (a text box: {@code x} null), or a blank cell ({@code blank}).
     */
    record Panel(String title, Axis x, List<Axis> y, List<Series> series, boolean blank) {
    }

    /** Reads the panels' data; call after they were drawn. */
    static FigureData of(List<? extends Drawable> panels, List<String> promised) {
        List<Panel> out = new ArrayList<>();
        for (Drawable d : panels) {
            if (d == null) {
                out.add(new Panel("", null, List.of(), List.of(), true));
            } else if (d instanceof JFreeChart chart && chart.getPlot() instanceof XYPlot plot) {
                out.add(panel(chart, plot));
            } else {
                out.add(new Panel("", null, List.of(), List.of(), false));
            }
        }
        return new FigureData(List.copyOf(out), List.copyOf(promised));
    }

    private static Panel panel(JFreeChart chart, XYPlot plot) {
        TextTitle t = chart.getTitle();
        String title = t == null || t.getText() == null ? "" : t.getText();
        List<Axis> ranges = new ArrayList<>();
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            ranges.add(axis(plot.getRangeAxis(i)));
        }
        List<Series> series = new ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            if (data == null) {
                continue;
            }
            int axis = Math.max(0, plot.getRangeAxisIndex(plot.getRangeAxisForDataset(d)));
            for (int s = 0; s < data.getSeriesCount(); s++) {
                List<double[]> points = new ArrayList<>();
                for (int i = 0; i < data.getItemCount(s); i++) {
                    points.add(point(data, s, i));
                }
                series.add(new Series(String.valueOf(data.getSeriesKey(s)), axis, List.copyOf(points)));
            }
        }
        return new Panel(title, axis(plot.getDomainAxis()), List.copyOf(ranges), List.copyOf(series), false);
    }

    /** {x, y, x_low, x_high, y_low, y_high, z}, NaN where the dataset has no such value. */
    private static double[] point(XYDataset data, int s, int i) {
        double[] p = {data.getXValue(s, i), data.getYValue(s, i), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        // A plain XYSeriesCollection is an IntervalXYDataset too, with made-up intervals: left out.
        if (data instanceof IntervalXYDataset interval && !(data instanceof XYSeriesCollection)) {
            p[2] = interval.getStartXValue(s, i);
            p[3] = interval.getEndXValue(s, i);
            p[4] = interval.getStartYValue(s, i);
            p[5] = interval.getEndYValue(s, i);
        }
        if (data instanceof XYZDataset xyz) {
            p[6] = xyz.getZValue(s, i);
        }
        return p;
    }

    private static Axis axis(ValueAxis a) {
        return new Axis(a.getLabel() == null ? "" : a.getLabel(), a.getLowerBound(), a.getUpperBound(), a instanceof LogAxis);
    }

    /** The series as CSV, one row per point. */
    String csv() {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            for (Series s : panel.series()) {
                for (double[] point : s.points()) {
                    b.append(p).append(',').append(TextValues.csvField(panel.title())).append(',').append(TextValues.csvField(s.name()))
                            .append(',').append(s.axis());
                    for (double v : point) {
                        b.append(',').append(Double.isNaN(v) ? "" : TextValues.jsonNumber(v));
                    }
                    b.append('\n');
                }
            }
        }
        return b.toString();
    }

    /** The figure's panels, axes and series names (without points) as a JSON object's members. */
    String jsonMembers() {
        StringBuilder b = new StringBuilder("\"panels\": [");
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            b.append(p == 0 ? "" : ",").append("\n    {\"title\": ").append(TextValues.jsonString(panel.title()))
                    .append(", \"blank\": ").append(panel.blank());
            if (panel.x() != null) {
                b.append(", \"x\": ").append(json(panel.x())).append(", \"y\": [");
                for (int i = 0; i < panel.y().size(); i++) {
                    b.append(i == 0 ? "" : ", ").append(json(panel.y().get(i)));
                }
                b.append("], \"series\": [");
                for (int i = 0; i < panel.series().size(); i++) {
                    Series s = panel.series().get(i);
                    b.append(i == 0 ? "" : ", ").append("{\"name\": ").append(TextValues.jsonString(s.name())).append(", \"axis\": ")
                            .append(s.axis()).append(", \"points\": ").append(s.points().size()).append('}');
                }
                b.append(']');
            }
            b.append('}');
        }
        b.append("],\n  \"promised\": [");
        for (int i = 0; i < promised.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(TextValues.jsonString(promised.get(i)));
        }
        return b.append(']').toString();
    }

    private static String json(Axis a) {
        return "{\"label\": " + TextValues.jsonString(a.label()) + ", \"lower\": " + TextValues.jsonNumber(a.lower()) + ", \"upper\": "
                + TextValues.jsonNumber(a.upper()) + ", \"log\": " + a.log() + "}";
    }

}
