package org.annft.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.annft.cli.Annft;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole report: tables found in DIR and its subdirectories, missing ones noted, the page consistent. */
class ReportTest {

    private static final Pattern IMAGE = Pattern.compile("<img src=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private final SparkSession spark = ReportFixtures.spark();

    /** The page shows SVGs; each exists, with a PNG beside it that decodes; returns the PNGs' names. */
    private static List<String> images(Path report, String html) throws Exception {
        Matcher m = IMAGE.matcher(html);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            assertTrue(m.group(1).endsWith(".svg") && Files.isRegularFile(report.resolve(m.group(1))), m.group(1));
            String png = m.group(1).replaceAll("\\.svg$", ".png");
            assertNotNull(ImageIO.read(report.resolve(png).toFile()), "decodes: " + png);
            names.add(png);
        }
        return names;
    }

    /**
     * A job that commits into the directory while the report reads it (here: a family that rewrites
     * the manifest and then fails, as a vanished table would make it) is reported as such.
     */
    @Test
    void aResultSetThatChangesWhileReadIsRefused() throws Exception {
        new SyntheticTables(spark, dir).moments(List.of("relu"), List.of(2.0), 240, 4);
        FigureFamily committing = new FigureFamily() {
            @Override
            public String heading() {
                return "committing";
            }

            @Override
            public List<org.annft.table.ResultTable> tables() {
                return List.of(org.annft.table.ResultTables.INIT_MOMENTS);
            }

            @Override
            public Section render(TableSource source, FigureFiles files) throws Exception {
                Files.writeString(dir.resolve(org.annft.spark.ResultStore.MANIFEST), "# commit other\ninit_moments\n");
                throw new java.io.FileNotFoundException("part-00000.parquet");
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Report(List.of(committing)).write(spark, dir));
        assertTrue(e.getMessage().startsWith("the result set in " + dir + " changed while the report read it"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("report")), "no report of a mixed set");
    }

    /** A part file with a flipped bit (its checksum kept) or a manifest of garbage: bad input in one line. */
    @Test
    void damagedTablesAndManifestsAreBadInput() throws Exception {
        new SyntheticTables(spark, dir).moments(List.of("relu"), List.of(2.0), 240, 4);
        Path part;
        try (var files = Files.list(dir.resolve("init_moments"))) {
            part = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(part);
        bytes[bytes.length / 2] ^= 1;
        Files.write(part, bytes);
        org.annft.config.BadInputException e = assertThrows(org.annft.config.BadInputException.class,
                () -> new Report().write(spark, dir));
        assertTrue(e.getMessage().startsWith("a table file is damaged (Checksum error: ") && e.getMessage().contains(
                part.getFileName().toString()), e.getMessage());

        Files.write(dir.resolve(org.annft.spark.ResultStore.MANIFEST), new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3});
        e = assertThrows(org.annft.config.BadInputException.class, () -> new Report().write(spark, dir));
        assertTrue(e.getMessage().endsWith("is not a list of table names (damaged); run the job that wrote " + dir
                + " again"), e.getMessage());
    }

    @Test
    void aDirectoryWithOnlyMomentsGivesFigs6And7AndNotesTheMissingTables() throws Exception {
        new SyntheticTables(spark, dir).moments(List.of("relu"), List.of(2.0), 240, 4);
        Report.Summary summary = new Report().write(spark, dir);

        assertEquals(dir.resolve("report/index.html"), summary.index());
        assertEquals(2, summary.figures());
        String html = Files.readString(summary.index());
        assertEquals(List.of("fig6-width240.png", "fig7-width240.png"), images(dir.resolve("report"), html));
        for (String missing : List.of("init_histograms", "init_samples", "loss_bands", "param_change_means", "table1",
                "residuals", "runs")) {
            assertTrue(summary.missingTables().contains(missing), missing);
            assertTrue(html.contains("Skipped: no table " + missing), "note for " + missing);
        }
        assertFalse(Files.exists(dir.resolve("report/table1.csv")));
    }

    @Test
    void tablesInSubdirectoriesGiveEveryFigureAndARerunReplacesTheReport() throws Exception {
        SyntheticTables ensemble = new SyntheticTables(spark, dir.resolve("ensemble"));
        ensemble.histograms(List.of("relu"), List.of(10, 120), 2.0);
        ensemble.moments(List.of("relu"), List.of(2.0), 120, 4);
        ensemble.samples(0, 1, 2, 200);
        ensemble.configurations(0, 1, 2);
        ensemble.ntk(List.of(10, 40), 2, 0.8);
        ensemble.runInfo("init-ensemble", SyntheticTables.ENSEMBLE_CONFIG);
        SyntheticTables sweep = new SyntheticTables(spark, dir.resolve("sweep"));
        sweep.lossBands(List.of("relu"), List.of("cict", "nint"), List.of(2, 4));
        sweep.parameterChangeMeans(List.of(10, 120), List.of(2, 4));
        sweep.tableOne();
        sweep.residuals(List.of(10, 120), SyntheticTables::paperLikeResidual);
        sweep.protocolRuns(List.of(4, 10, 40, 120), 5);
        sweep.ntkChanges(List.of(10, 120), 2);
        sweep.ensemblePredictions(List.of(10, 120));
        sweep.kernelPredictionsBeyond();
        sweep.calibration(List.of(10, 120));
        sweep.runInfo("sweep", SyntheticTables.SWEEP_CONFIG);
        Files.createDirectories(dir.resolve("report"));
        Files.writeString(dir.resolve("report/stale.png"), "from an earlier report");

        StringWriter err = new StringWriter();
        CommandLine cl = Annft.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute("report", dir.toString()), err.toString());

        Path report = dir.resolve("report");
        String html = Files.readString(report.resolve("index.html"));
        List<String> names = images(report, html);
        assertEquals(List.of("fig4-ensemble-cw2-cb0.png", "fig5-ensemble-config0.png", "fig6-ensemble-width120.png",
                "fig7-ensemble-width120.png", "ntk-fluctuations-ensemble.png", "fig8-sweep-relu.png", "fig10-sweep-depth4.png",
                "fig11-sweep-depth4.png", "fig12-sweep-width120.png", "fig13-sweep.png", "rmsd-strips-sweep_protocol_b32-r0.01-relu-depth4.png",
                "rmsd-strips-sweep_protocol_b32-r0.5-relu-depth4.png", "ntk-changes-sweep.png",
                "fig14-sweep-relu-cict-depth4.png", "predictions-vs-ame-sweep-relu-cict-depth4.png",
                "extrapolation-residuals-sweep-relu-cict-depth4.png",
                "extrapolation-distance-sweep-relu-cict-depth4.png", "extrapolation-calibration-sweep-relu-cict-depth4.png",
                "uncertainty-coverage-sweep.png", "infinite-width-extrapolation-relu-cict-depth4.png",
                "protocol-scan-sweep-relu-cict-depth4.png"), names);
        assertFalse(html.contains("Tables not found"), "nothing missing");
        // Coverage of the 25 estimates per width by hand (SyntheticTables.calibration): raw z_p std covers the
        // residuals 0.5 at 68% and also 1.5 at 90% and 95%; conformal 3/5, 4/5, 5/5; inflated 3/5 throughout.
        for (String row : List.of("raw ensemble spread</td><td class=\"num\">60.0%</td><td class=\"num\">80.0%</td>"
                        + "<td class=\"num\">80.0%</td>",
                "split conformal *</td><td class=\"num\">60.0%</td><td class=\"num\">80.0%</td><td class=\"num\">100.0%</td>",
                "inflated std (Gaussian)</td><td class=\"num\">60.0%</td><td class=\"num\">60.0%</td><td class=\"num\">60.0%</td>")) {
            assertTrue(html.contains(row), row);
        }
        assertTrue(Files.isRegularFile(report.resolve("table1.csv")));
        assertFalse(Files.exists(report.resolve("stale.png")), "the old report is replaced, not merged");
        // Captions carry the protocol from run_info.
        assertTrue(html.contains("mini-batches of 32") && html.contains("5000 epochs at raw rates"), "protocol in captions");
        assertTrue(err.toString().contains("21 figures"), err.toString());
        // The protocol scan counts every run: 2 protocols x 4 widths x 5 runs, 4 failed (NaN or above 100 MeV).
        assertTrue(html.contains("(40 runs, 4 failed)"), "protocol scan caption");
        protocolScanMediansPassThroughKeptRuns(report.resolve("protocol-scan-sweep-relu-cict-depth4.csv"));
        checkReportFindsInjectedFaults(report);
    }

    /**
     * In the protocol scan, each protocol's median line passes through its kept runs (never between a
     * dead run and a stalled one), and the paper's diamonds stand left of every run of their width.
     */
    private static void protocolScanMediansPassThroughKeptRuns(Path csv) throws IOException {
        Map<String, List<double[]>> series = new java.util.HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        List<String> header = csvFields(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = csvFields(line);
            series.computeIfAbsent(f.get(header.indexOf("series")), k -> new ArrayList<>()).add(new double[] {
                Double.parseDouble(f.get(header.indexOf("x"))), Double.parseDouble(f.get(header.indexOf("y")))});
        }
        for (String protocol : List.of("b32-r0.01", "b32-r0.5")) {
            List<double[]> kept = series.get(protocol);
            List<double[]> medians = series.get(protocol + ", median");
            assertEquals(4, medians.size(), protocol + ": a median at every width");
            for (double[] m : medians) {
                assertTrue(kept.stream().anyMatch(k -> k[1] == m[1] && Math.abs(Math.log(k[0] / m[0])) < 0.05),
                        protocol + ": the median " + m[1] + " at x = " + m[0] + " is not a kept run of its width");
            }
        }
        for (double[] paper : series.get("paper, Table I")) {
            double width = Math.round(paper[0] / Math.exp(-1.5 * 0.07 - 0.04));
            double leftmost = series.entrySet().stream().filter(e -> !e.getKey().startsWith("paper"))
                    .flatMap(e -> e.getValue().stream()).filter(p -> Math.abs(Math.log(p[0] / width)) < 0.06)
                    .mapToDouble(p -> p[0]).min().orElse(Double.POSITIVE_INFINITY);
            // Runs of width w lie within |ln(x/w)| <= 0.055 (two protocols); a paper width the sweep lacks has none.
            assertTrue(paper[0] < leftmost, "a paper diamond at x = " + paper[0] + " among the runs (" + leftmost + ")");
        }
    }

    /** The fields of one CSV line (RFC 4180 quotes). */
    private static List<String> csvFields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    /**
     * jobs/check-report --files-only passes the report, and fails on each fault injected into a copy:
     * an emptied series, a paper series the figure promised but did not draw, a point outside its
     * axis, a truncated SVG, a PDF with a broken cross-reference table.
     */
    private void checkReportFindsInjectedFaults(Path report) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(CheckReport.available(), "node is not installed");
        assertEquals(0, CheckReport.run(report.getParent()).exitCode(), CheckReport.run(report.getParent()).output());

        CheckReport.assertFails(dir, report, "series \"mean RMSD of kept runs\" of panel 0 ((a) ReLU CICT, l_out = 4) is empty",
                copy -> CheckReport.editLines(copy.resolve("fig13-sweep.csv"), l -> !l.contains(",mean RMSD of kept runs,")));
        CheckReport.assertFails(dir, report, "the promised series \"paper, Table I\" is missing", copy -> {
            CheckReport.editLines(copy.resolve("fig13-sweep.csv"), l -> !l.contains(",\"paper, Table I\","));
            CheckReport.edit(copy.resolve("figures.json"), j -> j.replaceAll(
                    "\\{\"name\": \"paper, Table I\", \"axis\": 0, \"points\": \\d+\\}, ", ""));
        });
        CheckReport.assertFails(dir, report, "outside the y axis \"binding-energy RMSD (MeV)\"", copy ->
                CheckReport.edit(copy.resolve("fig13-sweep.csv"), c -> c.replaceFirst(
                        "(\n0,[^\n]*,mean RMSD of kept runs,0,[^,]*,)[^,]*,", "$11e6,")));
        CheckReport.assertFails(dir, report, "fig13-sweep.svg: ", copy -> CheckReport.edit(copy.resolve("fig13-sweep.svg"),
                svg -> svg.substring(0, svg.length() / 2) + "</svg>"));
        CheckReport.assertFails(dir, report, "fig13-sweep.pdf: object", copy -> {
            // Object 1's number changed: the xref entry no longer points at object 1.
            Path pdf = copy.resolve("fig13-sweep.pdf");
            byte[] b = Files.readAllBytes(pdf);
            int obj = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("\n1 0 obj");
            b[obj + 1] = '9';
            Files.write(pdf, b);
        });
    }

    @Test
    void aDirectoryWithoutTablesIsBadInput() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cl = Annft.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(Annft.BAD_INPUT, cl.execute("report", dir.toString()));
        assertTrue(err.toString().contains("no result tables under"), err.toString());
        assertEquals(Annft.BAD_INPUT, cl.execute("report", dir.resolve("absent").toString()));
        assertFalse(Files.exists(dir.resolve("report")));
    }
}
