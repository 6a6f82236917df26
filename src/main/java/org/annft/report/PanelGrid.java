package org.annft.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ui.Drawable;

/**
 * Lays panels (charts or other drawables) out in a grid under a title strip, with an optional
 * strip on the right (a shared colour bar), and writes the image as PNG. Rendering is headless.
 */
final class PanelGrid {

    /** Height of the title strip above the panels, for a title on one line. */
    static final int HEADER_HEIGHT = 34;
    /** Each further line of a title too wide for the grid adds this much. */
    static final int TITLE_LINE_HEIGHT = 20;

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

    /** Draws the panels row by row; null entries leave their cell blank. */
    BufferedImage render(List<? extends Drawable> panels) {
        int rows = rows(panels.size(), columns);
        int width = columns * panelWidth + sideWidth;
        List<String> titleLines = titleLines(width);
        int header = HEADER_HEIGHT + (titleLines.size() - 1) * TITLE_LINE_HEIGHT;
        int height = header + rows * panelHeight;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            drawTitle(g, titleLines, width);
            for (int i = 0; i < panels.size(); i++) {
                Drawable panel = panels.get(i);
                if (panel != null) {
                    Rectangle2D area = new Rectangle2D.Double((i % columns) * panelWidth,
                            header + (i / columns) * panelHeight, panelWidth, panelHeight);
                    panel.draw((Graphics2D) g.create(), area);
                }
            }
            if (side != null) {
                side.draw((Graphics2D) g.create(), new Rectangle2D.Double(columns * panelWidth, header,
                        sideWidth, rows * panelHeight));
            }
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
        BufferedImage image = render(panels);
        Path file = files.path(name);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
        return new Figure(name, title, image.getWidth(), image.getHeight(), caption);
    }
}
