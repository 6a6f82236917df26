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

    @Test
    void htmlAndCsvMatchTheTableRows() throws Exception {
        new SyntheticTables(spark, dir.resolve("tables")).tableOne();
        Path out = Files.createDirectories(dir.resolve("out"));
        TableSource source = Tables.scan(spark, dir.resolve("tables")).sources().get(0);
        Section section = new TableOne().render(source, new FigureFiles(out, ""));

        List<List<String>> html = new ArrayList<>();
        Matcher rows = ROW.matcher(section.tableHtml());
        while (rows.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(rows.group(1));
            while (c.find()) {
                cells.add(c.group(1));
            }
            html.add(cells);
        }
        List<String> csv = Files.readAllLines(out.resolve("table1.csv"));
        assertEquals(String.join(",", TableOne.COLUMNS), csv.get(0));

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
            assertEquals(List.of("ReLU", "CICT", "4", String.valueOf(width), String.format(Locale.ROOT, "%.4f", r),
                    String.format(Locale.ROOT, "%.4f", paper[i][1]) + star, String.format(Locale.ROOT, "%.4f", paper[i][2]) + star,
                    (long) paper[i][3] + " / 100", String.format(Locale.ROOT, "%.2f", 1 - paper[i][3] / 100)), html.get(i));

            String[] cells = csv.get(i + 1).split(",");
            assertEquals(List.of("relu", "cict", String.valueOf(width), "4"), List.of(cells).subList(0, 4));
            assertEquals(r, Double.parseDouble(cells[4]));
            assertEquals(paper[i][1], Double.parseDouble(cells[5]));
            assertEquals(paper[i][2], Double.parseDouble(cells[6]));
            assertEquals((long) paper[i][3], Long.parseLong(cells[7]));
            assertEquals(100, Long.parseLong(cells[8]));
            assertEquals(SyntheticTables.R_STAR, Double.parseDouble(cells[11]));
            assertEquals(between, Boolean.parseBoolean(cells[12]));
        }
        // The paper marks widths 10 to 90 (here 10, 20, 40, 80), not r = 1 (width 4) nor r < r*.
        assertEquals(4, marked);
        assertTrue(section.tableHtml().contains("href=\"table1.csv\""));
    }
}
