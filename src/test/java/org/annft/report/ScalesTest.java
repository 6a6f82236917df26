package org.annft.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** Tick labels and the residual maps' colour scale. */
class ScalesTest {

    @Test
    void tickLabelsArePlainDecimalsOrPowersOfTen() {
        assertEquals("0", TickFormat.label(0));
        assertEquals("0", TickFormat.label(-0.0));
        assertEquals("0.25", TickFormat.label(0.25));
        assertEquals("0.001", TickFormat.label(0.001));
        assertEquals("1500", TickFormat.label(1500));
        assertEquals("-40", TickFormat.label(-40));
        // Floating-point noise of tick arithmetic does not reach the label.
        assertEquals("0.3", TickFormat.label(0.1 + 0.2));
        assertEquals("8×10⁻⁵", TickFormat.label(8e-5));
        assertEquals("10⁻⁵", TickFormat.label(1e-5));
        assertEquals("2.5×10⁻⁴", TickFormat.label(2.5e-4));
        assertEquals("10⁶", TickFormat.label(1e6));
        assertEquals("-3×10⁻⁷", TickFormat.label(-3e-7));
        assertEquals("10¹²", TickFormat.label(1e12));
        for (double v : new double[] {0, 8e-5, 1e-5, 0.5, 120}) {
            assertFalse(TickFormat.label(v).contains("E"), "no E notation: " + TickFormat.label(v));
        }
    }

    /** Every NumberAxis of the report formats its ticks with TickFormat. */
    @Test
    void linearAxesUseTheTickFormat() {
        assertEquals("8×10⁻⁵", ChartStyle.linear("x").getNumberFormatOverride().format(8e-5));
        assertEquals("0", ChartStyle.integer("x").getNumberFormatOverride().format(0.0));
    }

    @Test
    void svgCoordinatesToHundredths() {
        assertEquals("281.36", VectorFigures.hundredths(281.3579406738281));
        assertEquals("2", VectorFigures.hundredths(2.0));
        assertEquals("0.05", VectorFigures.hundredths(0.049999));
        assertEquals("-0.5", VectorFigures.hundredths(-0.5));
        assertEquals("-4", VectorFigures.hundredths(-3.999));
        assertEquals("0", VectorFigures.hundredths(-0.001));
        assertEquals("10.1", VectorFigures.hundredths(10.1));
    }

    @Test
    void roundCeilings() {
        assertEquals(1.5, ResidualMaps.niceCeiling(1.2), 1e-12);
        assertEquals(8, ResidualMaps.niceCeiling(6.1), 1e-12);
        assertEquals(10, ResidualMaps.niceCeiling(8.01), 1e-12);
        assertEquals(0.025, ResidualMaps.niceCeiling(0.0201), 1e-12);
        assertEquals(300, ResidualMaps.niceCeiling(300), 1e-9);
    }

    /**
     * The colour scale ends at the 98th percentile of |residual| over all panels, rounded up: 1000
     * residuals of magnitude 0.01 .. 10 MeV (the 98th percentile is 9.85) and a few nuclides of a bad
     * fit at 150 MeV give ±10, not ±150.
     */
    @Test
    void colourScaleIgnoresTheFewWorstNuclides() {
        double[] converged = DoubleStream.iterate(0.01, x -> x + 0.01).limit(1000).map(x -> x % 0.02 < 1e-9 ? -x : x)
                .toArray();
        double[] outliers = {150, -150, 140, 120, 110};
        assertEquals(10, ResidualMaps.scaleLimit(List.of(converged, outliers)), 1e-12);
        // Without the outliers the same; with a fifth of the nuclides at 150 MeV the scale follows them.
        assertEquals(10, ResidualMaps.scaleLimit(List.of(converged)), 1e-12);
        double[] many = new double[250];
        Arrays.fill(many, 150);
        assertEquals(150, ResidualMaps.scaleLimit(List.of(converged, many)), 1e-12);
        // NaN (a nuclide no run predicted) is ignored; no finite residual gives a unit scale.
        assertEquals(10, ResidualMaps.scaleLimit(List.of(converged, new double[] {Double.NaN})), 1e-12);
        assertEquals(1, ResidualMaps.scaleLimit(List.of(new double[] {Double.NaN})), 1e-12);
    }

    /** A log axis over less than a decade labels every integer multiple; over two decades 1, 2 and 5. */
    @Test
    void logAxisLabelsShortRanges() {
        DecadeLogAxis axis = new DecadeLogAxis("y");
        axis.setRange(1.7, 3.9);
        assertEquals(List.of("2", "3"), labels(axis));
        axis.setRange(0.9, 60);
        assertEquals(List.of("1", "2", "5", "10", "20", "50"), labels(axis));
        axis.setRange(1e-6, 1);
        assertEquals(List.of("10⁻⁶", "10⁻⁵", "10⁻⁴", "0.001", "0.01", "0.1", "1"), labels(axis));
    }

    private static List<String> labels(DecadeLogAxis axis) {
        List<?> ticks = axis.refreshTicks(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                .createGraphics(), new org.jfree.chart.axis.AxisState(), new java.awt.geom.Rectangle2D.Double(0, 0, 100, 400),
                org.jfree.chart.ui.RectangleEdge.LEFT);
        return ticks.stream().map(t -> ((org.jfree.chart.axis.ValueTick) t).getText()).filter(t -> !t.isEmpty()).toList();
    }
}
