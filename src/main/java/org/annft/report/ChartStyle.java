package org.annft.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.annft.train.SweepMode;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The look shared by every figure: fonts, colours (the paper's where it names them), axes, and
 * the rule for log scales.
 */
final class ChartStyle {

    // Sizes for a panel about 600 points wide shown at a column's width (about half its size):
    // tick labels stay at 6 points or more in print.
    static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font ANNOTATION = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    // The Okabe-Ito colours, told apart with every common colour-vision deficiency.
    static final Color BLUE = new Color(0x00, 0x72, 0xb2);
    /** Okabe-Ito's vermillion. */
    static final Color RED = new Color(0xd5, 0x5e, 0x00);
    /** Okabe-Ito's bluish green. */
    static final Color GREEN = new Color(0x00, 0x9e, 0x73);
    /** Okabe-Ito's reddish purple. */
    static final Color PURPLE = new Color(0xcc, 0x79, 0xa7);
    static final Color ORANGE = new Color(0xe6, 0x9f, 0x00);
    static final Color SKY_BLUE = new Color(0x56, 0xb4, 0xe9);
    static final Color YELLOW = new Color(0xf0, 0xe4, 0x42);
    static final Color GREY = new Color(0x7f, 0x7f, 0x7f);
    static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    static final Color HISTOGRAM = new Color(0xa6, 0xce, 0xe3);

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

    /** A linear axis that does not force zero into the range, with {@link TickFormat} labels. */
    static NumberAxis linear(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setNumberFormatOverride(TickFormat.INSTANCE);
        return styled(axis);
    }

    /** A linear axis with integer ticks (depths, epochs). */
    static NumberAxis integer(String label) {
        NumberAxis axis = linear(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        return axis;
    }

    /** A base-10 log axis with ticks at powers of ten (or 1, 2, 5 times them on short ranges). */
    static LogAxis log(String label) {
        return styled(new DecadeLogAxis(label));
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

    /** The paper's colours for the training modes (CICT blue, CINT red, NINT green); NICT sky blue, Adam purple and orange. */
    static Color modeColor(String mode) {
        return SweepMode.find(mode).map(m -> switch (m) {
            case CICT -> BLUE;
            case CINT -> RED;
            case NINT -> GREEN;
            case NICT -> SKY_BLUE;
            case ADAM_CINT -> PURPLE;
            case ADAM_NINT -> ORANGE;
        }).orElse(GREY);
    }

    /**
     * Line styles that keep coinciding modes visible (for ReLU the critical rates are the same in
     * every layer, so CICT and CINT train identically): CICT thick and solid, the global-rate
     * modes dashed on top of it, Adam dotted.
     */
    static Stroke modeStroke(String mode) {
        return SweepMode.find(mode).map(m -> switch (m) {
            case CICT -> solid(2.4f);
            case CINT, NICT -> dashed(1.6f);
            case NINT -> solid(1.6f);
            case ADAM_CINT, ADAM_NINT -> dotted(2.0f);
        }).orElse(solid(1.6f));
    }

    /** Marker shapes per mode, for the same reason. */
    static Shape modeShape(String mode) {
        return SweepMode.find(mode).<Shape>map(m -> switch (m) {
            case CICT -> new Ellipse2D.Double(-4, -4, 8, 8);
            case CINT -> new Rectangle2D.Double(-3, -3, 6, 6);
            case NINT -> triangle(1);
            case NICT -> new Polygon(new int[] {0, 4, 0, -4}, new int[] {-4, 0, 4, 0}, 4);
            case ADAM_CINT -> triangle(-1);
            case ADAM_NINT -> new Ellipse2D.Double(-2.5, -2.5, 5, 5);
        }).orElse(new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    }

    /** A labelled line at {@code value} on an axis, its label in the line's colour on a clear background. */
    static ValueMarker marker(double value, String label, Color color, Stroke stroke, RectangleAnchor anchor,
                              TextAnchor textAnchor) {
        ValueMarker m = new ValueMarker(value, color, stroke);
        m.setLabel(label);
        m.setLabelFont(ANNOTATION);
        m.setLabelPaint(color);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        m.setLabelAnchor(anchor);
        m.setLabelTextAnchor(textAnchor);
        return m;
    }

    /** The optimal aspect ratio r* (paper Eq. 50) as a red vertical line on an r axis. */
    static ValueMarker rStarMarker(double rStar) {
        return marker(rStar, "r* = " + Labels.number(rStar), RED, solid(1.5f), RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT);
    }

    /** The marker of the paper's own values drawn beside annft's. */
    static final Shape DIAMOND = new Polygon(new int[] {0, 5, 0, -5}, new int[] {-5, 0, 5, 0}, 4);

    private static final List<Color> SERIES = List.of(BLUE, ORANGE, GREEN, PURPLE, SKY_BLUE, RED, Color.BLACK, YELLOW);

    /** The colour of the i-th of several series of the same kind (e.g. protocols), cycling. */
    static Color seriesColor(int index) {
        return SERIES.get(index % SERIES.size());
    }

    private static final List<Shape> SHAPES = List.of(new Ellipse2D.Double(-4, -4, 8, 8), new Rectangle2D.Double(-3.5, -3.5, 7, 7),
            triangle(1), new Polygon(new int[] {0, 5, 0, -5}, new int[] {-5, 0, 5, 0}, 4), triangle(-1),
            new Polygon(new int[] {-4, -1, -1, 1, 1, 4, 4, 1, 1, -1, -1, -4}, new int[] {-1, -1, -4, -4, -1, -1, 1, 1, 4, 4, 1, 1}, 12));

    /** The marker of the i-th of several series, cycling with a period prime to the colours': told apart in greyscale. */
    static Shape seriesShape(int index) {
        return SHAPES.get(index % SHAPES.size());
    }

    /** The marker of the i-th series at 60% size, for scatter plots of thousands of points. */
    static Shape smallSeriesShape(int index) {
        return java.awt.geom.AffineTransform.getScaleInstance(0.6, 0.6).createTransformedShape(seriesShape(index));
    }

    private static Shape triangle(int up) {
        return new Polygon(new int[] {-4, 0, 4}, new int[] {3 * up, -4 * up, 3 * up}, 3);
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
}
