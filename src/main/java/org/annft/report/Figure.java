package org.annft.report;

/**
 * One rendered figure of the report.
 *
 * @param file the PNG's file name, relative to the report directory
 * @param title a short title, e.g. {@code Fig. 4 (C_W = 2, C_b = 0)}
 * @param width pixel width of the PNG
 * @param height pixel height of the PNG
 * @param caption plain text: configuration, counts and protocol
 */
public record Figure(String file, String title, int width, int height, String caption) {
}
