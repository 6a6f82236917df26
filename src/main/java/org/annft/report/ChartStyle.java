package org.annft.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every figure: fonts, colours (the paper's where it names them), axes, and
 * the rule for log scales.
 */
final class ChartStyle {

    static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font ANNOTATION = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static final Color BLUE = new Color(0x1f, 0x77, 0xb4);
    static final Color RED = new Color(0xd6, 0x27, 0x28);
    static final Color GREEN = new Color(0x2c, 0xa0, 0x2c);
    static final Color PINK = new Color(0xe3, 0x77, 0xc2);
    static final Color PURPLE = new Color(0x94, 0x67, 0xbd);
    static final Color ORANGE = new Color(0xff, 0x7f, 0x0e);
    static final Color BROWN = new Color(0x8c, 0x56, 0x4b);
    static final Color GREY = new Color(0x7f, 0x7f, 0x7f);
    static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    static final Color HISTOGRAM = new Color(0x9e, 0xc5, 0xe8);

    /** Log scale when the positive values span more than this ratio. */
    static final double LOG_SCALE_SPAN = 100;

    private ChartStyle() {
    }

    /** A panel: a plot with a title, white background and, if asked, a legend below the plot. */
    static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, PANEL_TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        TextTitle t = chart.getTitle();
        if (t != null) {
            t.setPadding(new RectangleInsets(2, 2, 4, 2));
        }
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(LEGEND);
            l.setFrame(BlockBorder.NONE);
            l.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    /** A plot with light grid lines on a white background. */
    static XYPlot plot(ValueAxis x, ValueAxis y) {
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(GREY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    /** A linear axis that does not force zero into the range. */
    static NumberAxis linear(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return styled(axis);
    }

    /** A linear axis with integer ticks (depths, epochs). */
    static NumberAxis integer(String label) {
        NumberAxis axis = linear(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        return axis;
    }

    /** A base-10 log axis with ticks at powers of ten, labelled as plain numbers where short. */
    static LogAxis log(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(1e-300);
        // Whole exponent steps: ticks at powers of ten only, never at 10^0.5.
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        axis.setNumberFormatOverride(new LogTickFormat());
        axis.setMinorTickMarksVisible(true);
        return styled(axis);
    }

    /** Log when every value is positive and they span more than {@link #LOG_SCALE_SPAN}; linear otherwise. */
    static ValueAxis scaled(String label, double... values) {
        return wantsLog(values) ? log(label) : linear(label);
    }

    static boolean wantsLog(double... values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        int finite = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                if (v <= 0) {
                    return false;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
                finite++;
            }
        }
        return finite > 1 && max / min > LOG_SCALE_SPAN;
    }

    /** The paper's colours for the training modes (CICT blue, CINT red, NINT green); NICT brown, Adam purple and orange. */
    static Color modeColor(String mode) {
        return switch (mode) {
            case "cict" -> BLUE;
            case "cint" -> RED;
            case "nint" -> GREEN;
            case "nict" -> BROWN;
            case "adam-cint" -> PURPLE;
            case "adam-nint" -> ORANGE;
            default -> GREY;
        };
    }

    /** SGD modes solid, Adam dashed. */
    static Stroke modeStroke(String mode) {
        return mode.startsWith("adam") ? dashed(1.6f) : solid(1.6f);
    }

    private static <A extends ValueAxis> A styled(A axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setTickLabelFont(TICK_LABEL);
        axis.setAxisLinePaint(GREY);
        return axis;
    }

    static Stroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
    }

    static Stroke dotted(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {1.5f, 3f}, 0f);
    }

    /**
     * Tick labels of a log axis: plain numbers between 0.001 and 10^4 (0.01, 1, 100), powers of
     * ten as 1e-5 beyond them.
     */
    static final class LogTickFormat extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;
        private final DecimalFormat plain = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));

        @Override
        public StringBuffer format(double value, StringBuffer out, java.text.FieldPosition pos) {
            double exponent = Math.log10(value);
            long e = Math.round(exponent);
            boolean power = Math.abs(exponent - e) < 1e-6;
            if (power && (e < -3 || e > 4)) {
                return out.append("1e").append(e);
            }
            return out.append(power || (value >= 1e-3 && value < 1e5) ? plain.format(value)
                    : String.format(Locale.ROOT, "%.2g", value));
        }

        @Override
        public StringBuffer format(long value, StringBuffer out, java.text.FieldPosition pos) {
            return format((double) value, out, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }
    }
}
