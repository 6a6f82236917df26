package org.annft.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * A figure is written as PNG at twice its size, as well-formed SVG and PDF of its size in points,
 * and as the CSV of the series it draws; the same figure gives the same bytes twice.
 */
class FigureFilesTest {

    @TempDir
    Path dir;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Two panels: error bars with a symbol outside the PDF standard fonts in a title, and a line. */
    private static List<JFreeChart> panels() {
        double[] x = {1, 2, 3, 4};
        JFreeChart a = new XYPanel(ChartStyle.linear("x"), ChartStyle.linear("y"))
                .errorBars("measured", x, new double[] {1e-5, 2e-5, 3e-5, 8e-5}, new double[] {1e-6, 1e-6, 2e-6, 1e-6},
                        ChartStyle.BLUE, true)
                .chart("(a) σ and ± in a title", true);
        JFreeChart b = new XYPanel(ChartStyle.log("x"), ChartStyle.log("y"))
                .line("theory", x, new double[] {1, 10, 100, 1000}, ChartStyle.RED, ChartStyle.dashed(1.5f))
                .chart("(b) log axes", true);
        return List.of(a, b);
    }

    private Figure write(Path out) throws Exception {
        Files.createDirectories(out);
        PanelGrid grid = new PanelGrid("A test figure, two panels", 2, 400, 300);
        return grid.write(panels(), new FigureFiles(out, ""), "test-figure.png", "caption", List.of("theory"));
    }

    @Test
    void pngSvgPdfAndCsvAreWrittenAndWellFormed() throws Exception {
        Path out = dir.resolve("a");
        Figure f = write(out);
        assertEquals(800, f.width());
        assertEquals(PanelGrid.HEADER_HEIGHT + 300, f.height());

        BufferedImage png = ImageIO.read(out.resolve(f.file()).toFile());
        assertNotNull(png);
        assertEquals(2 * f.width(), png.getWidth());
        assertEquals(2 * f.height(), png.getHeight());

        // An XML parser reads the SVG; its root is an <svg> of the figure's size.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The SVG names the SVG 1.1 DTD; well-formedness does not need it fetched.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(out.resolve(f.svg()).toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertEquals(f.width(), Double.parseDouble(svg.getDocumentElement().getAttribute("width")));
        assertEquals(f.height(), Double.parseDouble(svg.getDocumentElement().getAttribute("height")));
        assertTrue(Files.readString(out.resolve(f.svg())).contains("8×10⁻⁵"), "tick labels as m×10^k");

        byte[] pdf = Files.readAllBytes(out.resolve(f.pdf()));
        assertPdfWellFormed(pdf);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("/MediaBox [0.0 0.0 800.0 " + f.height() + ".0]"), "page of the figure's size");
        assertFalse(text.contains("CreationDate"), "no date in the PDF");

        List<String> csv = Files.readAllLines(out.resolve(f.csv()));
        assertEquals(FigureData.CSV_HEADER, csv.get(0));
        assertEquals(1 + 4 + 4, csv.size(), "one row per point of the two series");
        assertTrue(csv.contains("0,(a) σ and ± in a title,measured,0,3.0,3.0E-5,3.0,3.0,2.8E-5,3.2E-5,"), csv.toString());
        assertTrue(csv.contains("1,(b) log axes,theory,0,3.0,100.0,,,,,"), csv.toString());
        String manifest = f.data().jsonMembers();
        assertTrue(manifest.contains("\"promised\": [\"theory\"]"), manifest);
        assertTrue(manifest.contains("{\"name\": \"measured\", \"axis\": 0, \"points\": 4}"), manifest);
    }

    @Test
    void theSameFigureGivesTheSameBytes() throws Exception {
        Figure first = write(dir.resolve("a"));
        write(dir.resolve("b"));
        for (String name : List.of(first.file(), first.svg(), first.pdf(), first.csv())) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(name)), Files.readAllBytes(dir.resolve("b").resolve(name)),
                    name);
        }
    }

    /** The trailer's startxref points at the xref table, whose every entry points at its object. */
    static void assertPdfWellFormed(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-1."), "PDF header");
        Matcher start = Pattern.compile("startxref\\s+(\\d+)\\s+%%EOF\\s*$").matcher(text);
        assertTrue(start.find(), "startxref and %%EOF at the end");
        int xref = Integer.parseInt(start.group(1));
        assertTrue(text.startsWith("xref", xref), "startxref points at the xref table");
        Matcher head = Pattern.compile("\\Gxref\\s+(\\d+)\\s+(\\d+)\\s+").matcher(text);
        assertTrue(head.find(xref), "xref header");
        int first = Integer.parseInt(head.group(1));
        int count = Integer.parseInt(head.group(2));
        int offset = head.end();
        int objects = 0;
        for (int i = 0; i < count; i++, offset += 20) {
            String entry = text.substring(offset, offset + 20);
            if (entry.charAt(17) == 'n') {
                int at = Integer.parseInt(entry.substring(0, 10));
                assertTrue(text.startsWith((first + i) + " 0 obj", at), "object " + (first + i) + " at " + at);
                objects++;
            }
        }
        assertTrue(objects > 3, "catalog, pages, page and content at least");
        assertTrue(text.substring(offset).matches("(?s)\\s*trailer\\s*<<.*/Root \\d+ 0 R.*"), "trailer names the root");
    }
}
