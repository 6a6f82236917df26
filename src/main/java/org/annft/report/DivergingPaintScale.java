package org.annft.report;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * A colour scale symmetric around zero: blue below, near-white at zero, red above (the RdBu
 * scheme), saturating at {@code ±limit}. Residual maps use one scale for every panel, so colours
 * compare across widths.
 */
final class DivergingPaintScale implements PaintScale, Serializable {

    private static final long serialVersionUID = 1L;

    /** RdBu from -limit to +limit. */
    private static final Color[] STOPS = {
        new Color(0x21, 0x66, 0xac), new Color(0x67, 0xa9, 0xcf), new Color(0xd1, 0xe5, 0xf0), new Color(0xf7, 0xf7, 0xf7),
        new Color(0xfd, 0xdb, 0xc7), new Color(0xef, 0x8a, 0x62), new Color(0xb2, 0x18, 0x2b),
    };

    private final double limit;

    DivergingPaintScale(double limit) {
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("colour scale limit must be positive and finite: " + limit);
        }
        this.limit = limit;
    }

    @Override
    public double getLowerBound() {
        return -limit;
    }

    @Override
    public double getUpperBound() {
        return limit;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return Color.LIGHT_GRAY;
        }
        double t = (Math.max(-limit, Math.min(limit, value)) + limit) / (2 * limit) * (STOPS.length - 1);
        int i = Math.min((int) Math.floor(t), STOPS.length - 2);
        double f = t - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
