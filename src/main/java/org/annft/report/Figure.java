package org.annft.report;

/**
 * One rendered figure of the report: a PNG, the same figure as SVG and PDF, and the series it
 * plots as CSV, all named after the PNG.
 *
 * @param file the PNG's file name, relative to the report directory
 * @param title a short title, e.g. {@code Fig. 4 (C_W = 2, C_b = 0)}
 * @param width width in points (CSS pixels) of the SVG and PDF; the PNG has {@link PanelGrid#PNG_SCALE} times as many pixels
 * @param height height in points
 * @param caption plain text: configuration, counts and protocol
 * @param data the panels, axes and series drawn; null before drawing
 */
public record Figure(String file, String title, int width, int height, String caption, FigureData data) {

    /** The SVG's file name. */
    public String svg() {
        return stem() + ".svg";
    }

    /** The PDF's file name. */
    public String pdf() {
        return stem() + ".pdf";
    }

    /** The CSV of the plotted series. */
    public String csv() {
        return stem() + ".csv";
    }

    Figure withData(FigureData d) {
        return new Figure(file, title, width, height, caption, d);
    }

    private String stem() {
        return file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
    }
}
