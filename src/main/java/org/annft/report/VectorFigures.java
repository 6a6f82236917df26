package org.annft.report;

import com.orsonpdf.PDFDocument;
import com.orsonpdf.PDFGraphics2D;
import com.orsonpdf.PDFHints;
import com.orsonpdf.Page;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jfree.svg.SVGGraphics2D;

/**
 * A drawing written as SVG (JFreeSVG) and PDF (OrsonPDF), both in points. Both files are the same
 * for the same drawing: the SVG's definition ids get a fixed prefix instead of the clock's, and
 * the PDF carries no creation date. Text in the PDF is drawn as glyph outlines, so that it looks as
 * in the PNG and symbols outside the PDF standard fonts (σ, ρ, ±) come out.
 */
final class VectorFigures {

    private VectorFigures() {
    }

    static void writeSvg(Path file, int width, int height, Consumer<Graphics2D> drawing) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("annft");
        g.setGeomDoubleConverter(VectorFigures::hundredths);
        g.setTransformDoubleConverter(VectorFigures::hundredths);
        drawing.accept(g);
        Files.writeString(file, g.getSVGDocument(), StandardCharsets.UTF_8);
    }

    static void writePdf(Path file, int width, int height, String title, Consumer<Graphics2D> drawing) throws IOException {
        PDFDocument pdf = new PDFDocument();
        withoutDates(pdf);
        pdf.setTitle(title.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"));
        Page page = pdf.createPage(new Rectangle(width, height));
        PDFGraphics2D g = page.getGraphics2D();
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        drawing.accept(g);
        Files.write(file, pdf.getPDFBytes());
    }

    /**
     * A coordinate in points to two decimals, without trailing zeros: finer than any screen or print
     * resolves, and a third of the size of full doubles in figures of thousands of markers.
     */
    static String hundredths(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        long h = Math.round(v * 100);
        String sign = h < 0 ? "-" : "";
        h = Math.abs(h);
        long whole = h / 100;
        int frac = (int) (h % 100);
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + "." + (frac % 10 == 0 ? String.valueOf(frac / 10) : String.format(java.util.Locale.ROOT, "%02d", frac));
    }

    /** OrsonPDF stamps the time of creation into the document info; it has no setting to leave it out. */
    private static void withoutDates(PDFDocument pdf) {
        try {
            Field info = PDFDocument.class.getDeclaredField("info");
            info.setAccessible(true);
            com.orsonpdf.DictionaryObject dictionary = (com.orsonpdf.DictionaryObject) info.get(pdf);
            dictionary.remove("CreationDate");
            dictionary.remove("ModDate");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OrsonPDF's document info is not where this version keeps it", e);
        }
    }
}
