package org.annft.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * The blocks of a heat map on the nuclear chart, each filled once. JFreeChart's
 * {@link XYBlockRenderer} fills every block and then strokes its outline in the same colour, so
 * that anti-aliasing leaves no seams between neighbours; in an SVG that is two elements per
 * nuclide. Filling the block grown by half a point on every side closes the seams with one.
 * Blocks are centred on (x, y), one unit wide and high, with a vertical y axis.
 */
final class FilledBlockRenderer extends XYBlockRenderer {

    private static final long serialVersionUID = 1L;
    /** Points added on every side of a block. */
    private static final double OVERLAP = 0.5;

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        double x = dataset.getXValue(series, item);
        double y = dataset.getYValue(series, item);
        double z = ((XYZDataset) dataset).getZValue(series, item);
        double x0 = domainAxis.valueToJava2D(x - getBlockWidth() / 2, dataArea, plot.getDomainAxisEdge());
        double x1 = domainAxis.valueToJava2D(x + getBlockWidth() / 2, dataArea, plot.getDomainAxisEdge());
        double y0 = rangeAxis.valueToJava2D(y - getBlockHeight() / 2, dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(y + getBlockHeight() / 2, dataArea, plot.getRangeAxisEdge());
        g2.setPaint(getPaintScale().getPaint(z));
        g2.fill(new Rectangle2D.Double(Math.min(x0, x1) - OVERLAP, Math.min(y0, y1) - OVERLAP,
                Math.abs(x1 - x0) + 2 * OVERLAP, Math.abs(y1 - y0) + 2 * OVERLAP));
    }
}
