package org.annft.report;

import java.awt.Color;
import java.awt.Composite;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ui.Drawable;

/**
 * Lays panels (charts or other drawables) out in a grid under a title strip, with an optional
 * strip on the right (a shared colour bar), and writes the figure as PNG (at twice its size in
 * points), SVG and PDF, with the data it plots as CSV. Rendering is headless.
 */
final class PanelGrid {

    /** Height of the title strip above the panels, for a title on one line. */
    static final int HEADER_HEIGHT = 34;
    /** Each further line of a title too wide for the grid adds this much. */
    static final int TITLE_LINE_HEIGHT = 20;

    /** Pixels per point of the PNG: sharp on high-density screens and in print at column width. */
    static final int PNG_SCALE = 2;

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private final String title;
    private final int columns;
    private final int panelWidth;
    private final int panelHeight;
    private final Drawable side;
    private final int sideWidth;

    PanelGrid(String title, int columns, int panelWidth, int panelHeight) {
        this(title, columns, panelWidth, panelHeight, null, 0);
    }

    PanelGrid(String title, int columns, int panelWidth, int panelHeight, Drawable side, int sideWidth) {
        if (columns < 1) {
            throw new IllegalArgumentException("a grid needs at least one column");
        }
        this.title = title;
        this.columns = columns;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        this.side = side;
        this.sideWidth = side == null ? 0 : sideWidth;
    }

    static int rows(int panels, int columns) {
        return Math.max(1, (panels + columns - 1) / columns);
    }

    /** The figure's size in points (CSS pixels): the SVG's and PDF's size, half the PNG's. */
    Dimension size(int panels) {
        int width = columns * panelWidth + sideWidth;
        return new Dimension(width, header(width) + rows(panels, columns) * panelHeight);
    }

    private int header(int width) {
        return HEADER_HEIGHT + (titleLines(width).size() - 1) * TITLE_LINE_HEIGHT;
    }

    /** Draws the panels row by row on {@code g}, in points; null entries leave their cell blank. */
    void draw(Graphics2D g, List<? extends Drawable> panels) {
        Dimension size = size(panels.size());
        int width = size.width;
        int header = header(width);
        int rows = rows(panels.size(), columns);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // Set as JFreeChart sets it for a chart; its axes restore this hint and fail on an unset one.
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, size.height);
        drawTitle(g, titleLines(width), width);
        for (int i = 0; i < panels.size(); i++) {
            Drawable panel = panels.get(i);
            if (panel != null) {
                Rectangle2D area = new Rectangle2D.Double((i % columns) * panelWidth,
                        header + (i / columns) * panelHeight, panelWidth, panelHeight);
                drawIsolated(g, panel, area);
            }
        }
        if (side != null) {
            drawIsolated(g, side, new Rectangle2D.Double(columns * panelWidth, header, sideWidth, rows * panelHeight));
        }
    }

    /**
     * Draws one panel and restores the graphics state after it. Not through {@code g.create()}: a
     * PDF graphics copy writes its transform into the page again when the garbage collector
     * finalizes it, at whatever point of the drawing that happens.
     */
    private static void drawIsolated(Graphics2D g, Drawable panel, Rectangle2D area) {
        AffineTransform transform = g.getTransform();
        Shape clip = g.getClip();
        Paint paint = g.getPaint();
        Stroke stroke = g.getStroke();
        Font font = g.getFont();
        Composite composite = g.getComposite();
        RenderingHints hints = (RenderingHints) g.getRenderingHints().clone();
        panel.draw(g, area);
        g.setTransform(transform);
        g.setClip(clip);
        g.setPaint(paint);
        g.setStroke(stroke);
        g.setFont(font);
        g.setComposite(composite);
        g.setRenderingHints(hints);
    }

    /** The figure as an image at {@link #PNG_SCALE} pixels per point. */
    BufferedImage render(List<? extends Drawable> panels) {
        Dimension size = size(panels.size());
        BufferedImage image = new BufferedImage(PNG_SCALE * size.width, PNG_SCALE * size.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(PNG_SCALE, PNG_SCALE);
            draw(g, panels);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The title broken after commas into lines that fit the image width. */
    private List<String> titleLines(int width) {
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics fm = scratch.getFontMetrics(TITLE);
        scratch.dispose();
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String part : title.split("(?<=, )")) {
            if (!line.isEmpty() && fm.stringWidth(line + part) > width - 16) {
                lines.add(line.strip());
                line = "";
            }
            line += part;
        }
        lines.add(line.strip());
        return lines;
    }

    private static void drawTitle(Graphics2D g, List<String> lines, int width) {
        g.setFont(TITLE);
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        int baseline = (HEADER_HEIGHT + fm.getAscent()) / 2 - 1;
        for (String line : lines) {
            g.drawString(line, Math.max(8, (width - fm.stringWidth(line)) / 2), baseline);
            baseline += TITLE_LINE_HEIGHT;
        }
    }

    /** Renders the panels to {@code files/name} and describes the result. */
    Figure write(List<? extends Drawable> panels, FigureFiles files, String name, String caption) throws IOException {
        return write(panels, files, name, caption, List.of());
    }

    /**
     * Renders the panels to {@code files/name} (PNG), beside it the same figure as SVG and PDF and
     * the series it plots as CSV, and describes the result.
     *
     * @param promised series the figure promises (the paper's values, say), checked by jobs/check-report
     */
    Figure write(List<? extends Drawable> panels, FigureFiles files, String name, String caption, List<String> promised)
            throws IOException {
        Figure figure = new Figure(name, title, size(panels.size()).width, size(panels.size()).height, caption, null);
        BufferedImage image = render(panels);
        Path png = files.path(figure.file());
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
        VectorFigures.writeSvg(files.path(figure.svg()), figure.width(), figure.height(), g -> draw(g, panels));
        VectorFigures.writePdf(files.path(figure.pdf()), figure.width(), figure.height(), title, g -> draw(g, panels));
        FigureData data = FigureData.of(panels, promised);
        Files.writeString(files.path(figure.csv()), data.csv(), StandardCharsets.UTF_8);
        return figure.withData(data);
    }
}
