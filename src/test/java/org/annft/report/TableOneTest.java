package org.annft.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annft.data.PaperResults;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table I as HTML and CSV holds exactly the rows of the table1 table, with the asterisks where r* < r < 1. */
class TableOneTest {

    private static final Pattern ROW = Pattern.compile("<tr>(<td.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>");

    @TempDir
    Path dir;

    private final SparkSession spark = ReportFixtures.spark();

    /** The r -> 0 rows: per prediction the RMSD on the fitted and on the held-out nuclides of kernel_predictions. */
    @Test
    void theInfiniteWidthBaselineFollowsAsTheRowsAtRZero() throws Exception {
        SyntheticTables tables = new SyntheticTables(spark, dir.resolve("tables"));
        tables.tableOne();
        tables.kernelPredictions();
        Path out = Files.createDirectories(dir.resolve("out"));
        TableSource source = Tables.scan(spark, dir.resolve("tables")).sources().get(0);
        String all = new TableOne().render(source, new FigureFiles(out, "")).tableHtml();
        List<List<String>> baseline = cells(all.substring(all.lastIndexOf("<table")));
        assertEquals(3, baseline.size());
        List<String> expected = List.of("trained by the protocol", "NTK regression, converged", "NNGP posterior mean");
        for (int i = 0; i < 3; i++) {
            assertEquals(expected.get(i), baseline.get(i).get(4));
            assertEquals(String.format(Locale.ROOT, "%.4f", Math.sqrt(12.5)), baseline.get(i).get(5));
            assertEquals("6.0000", baseline.get(i).get(6));
        }
    }

    @Test
    void htmlAndCsvMatchTheTableRows() throws Exception {
        new SyntheticTables(spark, dir.resolve("tables")).tableOne();
        Path out = Files.createDirectories(dir.resolve("out"));
        TableSource source = Tables.scan(spark, dir.resolve("tables")).sources().get(0);
        Section section = new TableOne().render(source, new FigureFiles(out, ""));

        String all = section.tableHtml();
        int generic = all.lastIndexOf("<table");
        List<List<String>> html = cells(all.substring(generic));
        List<String> csv = Files.readAllLines(out.resolve("table1.csv"));
        assertEquals(String.join(",", TableOne.COLUMNS) + "," + String.join(",", TableOne.PAPER_COLUMNS), csv.get(0));

        // The comparison with the paper comes first: every paper width, and since the synthetic table is
        // the paper's, z = 0 wherever a standard error exists (width 1 has std 0 on both sides).
        List<List<String>> beside = cells(all.substring(0, generic));
        assertEquals(18, beside.size());
        for (List<String> row : beside) {
            int width = Integer.parseInt(row.get(0));
            boolean inSynthetic = java.util.Arrays.stream(SyntheticTables.PAPER_TABLE_ONE).anyMatch(p -> p[0] == width);
            String z = row.get(7);
            if (!inSynthetic) {
                assertEquals("&ndash;", row.get(4), "width " + width);
            } else if (width == 1) {
                assertEquals("&ndash;", z);
            } else {
                assertEquals(0.0, Double.parseDouble(z), 0, "width " + width);
                assertEquals(row.get(2).replace("*", ""), row.get(4), "width " + width);
            }
        }

        double[][] paper = SyntheticTables.PAPER_TABLE_ONE;
        assertEquals(paper.length, html.size());
        assertEquals(paper.length + 1, csv.size());
        int marked = 0;
        for (int i = 0; i < paper.length; i++) {
            int width = (int) paper[i][0];
            double r = 4.0 / width;
            boolean between = r > SyntheticTables.R_STAR && r < 1;
            marked += between ? 1 : 0;
            String star = between ? "*" : "";
            assertEquals(List.of("ReLU", "CICT", "default", "4", String.valueOf(width), String.format(Locale.ROOT, "%.4f", r),
                    String.format(Locale.ROOT, "%.4f", paper[i][1]) + star, String.format(Locale.ROOT, "%.4f", paper[i][2]) + star,
                    (long) paper[i][3] + " / 100", String.format(Locale.ROOT, "%.2f", 1 - paper[i][3] / 100)), html.get(i));

            String[] cells = csv.get(i + 1).split(",", -1);
            assertEquals(List.of("relu", "cict", "default", String.valueOf(width), "4"), List.of(cells).subList(0, 5));
            assertEquals(r, Double.parseDouble(cells[5]));
            assertEquals(paper[i][1], Double.parseDouble(cells[6]));
            assertEquals(paper[i][2], Double.parseDouble(cells[7]));
            assertEquals((long) paper[i][3], Long.parseLong(cells[8]));
            assertEquals(100, Long.parseLong(cells[9]));
            assertEquals(SyntheticTables.R_STAR, Double.parseDouble(cells[12]));
            assertEquals(between, Boolean.parseBoolean(cells[13]));
            // The paper's columns: its own values of the width, and z = 0 (identical values) or empty (width 1).
            assertEquals(paper[i][1], Double.parseDouble(cells[14]));
            assertEquals(paper[i][2], Double.parseDouble(cells[15]));
            assertEquals((long) paper[i][3], Long.parseLong(cells[16]));
            assertEquals(width == 1 ? "" : "0.0", cells[17]);
        }
        // The paper marks widths 10 to 90 (here 10, 20, 40, 80), not r = 1 (width 4) nor r < r*.
        assertEquals(4, marked);
        assertTrue(section.tableHtml().contains("href=\"table1.csv\""));
    }

    /** z = (m_a - m_p) / sqrt(s_p^2 / N_p + s_a^2 / N_a), by hand for width 120 of the paper. */
    @Test
    void differenceInCombinedStandardErrors() {
        PaperResults.TableOneRow p = PaperResults.load().tableOne(120).orElseThrow();
        double expected = (3.0 - 2.5250) / Math.sqrt(0.2221 * 0.2221 / 100 + 0.5 * 0.5 / 10);
        assertEquals(expected, TableOne.difference(p, 3.0, 0.5, 10), 1e-12);
        assertTrue(Double.isNaN(TableOne.difference(p, 3.0, 0.5, 0)), "no run kept");
    }

    private static List<List<String>> cells(String html) {
        List<List<String>> out = new ArrayList<>();
        Matcher rows = ROW.matcher(html);
        while (rows.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(rows.group(1));
            while (c.find()) {
                cells.add(c.group(1));
            }
            out.add(cells);
        }
        return out;
    }
}
