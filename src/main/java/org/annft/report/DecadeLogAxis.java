package org.annft.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis with labels where a reader expects them: at every integer multiple of a power
 * of ten on a range of less than a decade, at 1, 2 and 5 times powers of ten
 * when the range spans two decades or less (JFreeChart would label only the one power of ten
 * inside it), at powers of ten otherwise (every second one beyond twelve decades), with minor
 * ticks between. Labels as {@link TickFormat} writes them: plain numbers from 0.001 to 10^4, 10^k beyond.
 */
final class DecadeLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;
    /** Decades up to which every integer multiple of a power of ten is labelled (1, 2, 5 would leave one label). */
    private static final double SHORT_RANGE = 0.6;

    DecadeLogAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-300);
        setMinorTickMarksVisible(true);
    }

    @Override
    protected List<ValueTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    @Override
    protected List<ValueTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
    }

    private List<ValueTick> ticks(TextAnchor anchor) {
        double low = getLowerBound();
        double high = getUpperBound();
        List<ValueTick> ticks = new ArrayList<>();
        if (!(low > 0) || !(high > low)) {
            return ticks;
        }
        int first = (int) Math.floor(Math.log10(low));
        int last = (int) Math.ceil(Math.log10(high));
        double decades = Math.log10(high / low);
        double[] labelled = decades <= SHORT_RANGE ? new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}
                : decades <= 2 ? new double[] {1, 2, 5} : new double[] {1};
        int step = decades > 12 ? 2 : 1;
        for (int e = first; e <= last; e++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (v < low * (1 - 1e-9) || v > high * (1 + 1e-9)) {
                    continue;
                }
                boolean major = contains(labelled, m) && Math.floorMod(e, step) == 0;
                ticks.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, v, major ? TickFormat.label(v) : "",
                        anchor, TextAnchor.CENTER, 0));
            }
        }
        return ticks;
    }

    private static boolean contains(double[] values, int m) {
        for (double v : values) {
            if (v == m) {
                return true;
            }
        }
        return false;
    }
}
