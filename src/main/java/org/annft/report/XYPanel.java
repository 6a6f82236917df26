package org.annft.report;

import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Builds one line-plot panel series by series: measured points with error bars, theory lines,
 * median lines with quartile bands. On a log axis, non-positive points are left out (and counted)
 * and error bars or bands that reach below zero are cut at a small positive value.
 */
final class XYPanel {

    private static final Shape DOT = new Ellipse2D.Double(-3, -3, 6, 6);

    private final XYPlot plot;
    private final boolean logY;
    private int datasets;
    private int dropped;
    /** The positive values drawn, for the range of a log axis; floored bounds do not count. */
    private double lowest = Double.POSITIVE_INFINITY;
    private double highest = 0;

    XYPanel(ValueAxis x, ValueAxis y) {
        this.plot = ChartStyle.plot(x, y);
        this.logY = y instanceof LogAxis;
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    }

    /** Points y ± error, joined by a thin line when {@code joined}. */
    XYPanel errorBars(String name, double[] x, double[] y, double[] error, Color color, boolean joined) {
        return errorBars(name, x, y, error, color, joined, DOT, ChartStyle.solid(1.2f));
    }

    /** Points y ± error drawn with the given marker, joined by lines of the given stroke when {@code joined}. */
    XYPanel errorBars(String name, double[] x, double[] y, double[] error, Color color, boolean joined, Shape shape,
                      Stroke stroke) {
        YIntervalSeries s = new YIntervalSeries(name);
        for (int i = 0; i < x.length; i++) {
            if (usable(y[i])) {
                double e = Double.isFinite(error[i]) ? error[i] : 0;
                s.add(x[i], y[i], floor(y[i] - e, y[i]), y[i] + e);
                extend(y[i], y[i] + e);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(joined);
        r.setSeriesLinesVisible(0, joined);
        r.setSeriesShape(0, shape);
        r.setSeriesPaint(0, color);
        r.setSeriesStroke(0, stroke);
        r.setErrorPaint(color);
        r.setCapLength(5);
        return add(data, r);
    }

    /** A line through (x, y). */
    XYPanel line(String name, double[] x, double[] y, Color color, Stroke stroke) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            if (usable(y[i])) {
                s.add(x[i], y[i]);
                extend(y[i]);
            }
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, color);
        r.setSeriesStroke(0, stroke);
        return add(new XYSeriesCollection(s), r);
    }

    /** Points joined by a line, without error bars. */
    XYPanel points(String name, double[] x, double[] y, Color color, Stroke stroke, Shape shape) {
        line(name, x, y, color, stroke);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer(datasets - 1);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesShape(0, shape);
        return this;
    }

    /**
     * Points joined by a line on the plot's range axis {@code axis} (a linear axis of its own, set on
     * the plot by the caller): neither log-axis rules nor the main axis's range apply to them.
     */
    XYPanel pointsOnAxis(int axis, String name, double[] x, double[] y, Color color, Stroke stroke, Shape shape) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i])) {
                s.add(x[i], y[i]);
            }
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, color);
        r.setSeriesStroke(0, stroke);
        r.setSeriesShape(0, shape);
        add(new XYSeriesCollection(s), r);
        plot.mapDatasetToRangeAxis(datasets - 1, axis);
        return this;
    }

    /** Unjoined markers at (x, y). */
    XYPanel scatter(String name, double[] x, double[] y, Color color, Shape shape) {
        return scatter(name, x, y, color, shape, true);
    }

    /** Unjoined markers at (x, y), filled or drawn as outlines (a second kind of point in the same colour). */
    XYPanel scatter(String name, double[] x, double[] y, Color color, Shape shape, boolean filled) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            if (usable(y[i])) {
                s.add(x[i], y[i]);
                extend(y[i]);
            }
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, color);
        r.setSeriesShape(0, shape);
        r.setSeriesShapesFilled(0, filled);
        // A filled marker needs no outline of its own colour: one path per point keeps the SVG of
        // thousands of nuclides at half the size.
        r.setDrawOutlines(!filled);
        return add(new XYSeriesCollection(s), r);
    }

    /** A median line with a shaded band from {@code low} to {@code high} (quartiles). */
    XYPanel band(String name, double[] x, double[] median, double[] low, double[] high, Color color, Stroke stroke) {
        YIntervalSeries s = new YIntervalSeries(name);
        for (int i = 0; i < x.length; i++) {
            if (usable(median[i])) {
                s.add(x[i], median[i], floor(low[i], median[i]), high[i]);
                extend(median[i], low[i], high[i]);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(s);
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setSeriesPaint(0, color);
        r.setSeriesFillPaint(0, color);
        r.setSeriesStroke(0, stroke);
        r.setAlpha(0.2f);
        return add(data, r);
    }

    private XYPanel add(XYDataset data, XYItemRenderer renderer) {
        plot.setDataset(datasets, data);
        plot.setRenderer(datasets, renderer);
        datasets++;
        return this;
    }

    private boolean usable(double y) {
        if (!Double.isFinite(y)) {
            return false;
        }
        if (logY && y <= 0) {
            dropped++;
            return false;
        }
        return true;
    }

    private void extend(double... values) {
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                lowest = Math.min(lowest, v);
                highest = Math.max(highest, v);
            }
        }
    }

    /** On a log axis, a lower bound at or below zero is drawn to a thousandth of the value. */
    private double floor(double low, double value) {
        return logY && !(low > 0) ? value * 1e-3 : low;
    }

    /** Non-positive values left out because the y axis is logarithmic. */
    int dropped() {
        return dropped;
    }

    XYPlot plot() {
        return plot;
    }

    JFreeChart chart(String title, boolean legend) {
        if (logY && highest > 0) {
            // Error bars cut at a floor would otherwise stretch the axis over decades of nothing.
            double margin = Math.pow(highest / lowest, 0.04) * 1.05;
            plot.getRangeAxis().setRange(lowest / margin, highest * margin);
        }
        return ChartStyle.chart(title, plot, legend);
    }
}
