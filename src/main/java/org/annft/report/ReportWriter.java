package org.annft.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.annft.AnnftVersion;

/**
 * Writes {@code index.html}: where the tables came from (the jobs' run_info and configurations),
 * which tables were missing, and one section per figure family with its figures, captions, notes
 * and tables. A static page: no scripts, nothing loaded from the network.
 */
public final class ReportWriter {

    /** The figures' manifest beside {@code index.html}. */
    public static final String MANIFEST = "figures.json";

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 2em auto; max-width: 1400px;
                   padding: 0 1.5em; color: #222; line-height: 1.4; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
            figure { margin: 1.2em 0 2em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
            figcaption { font-size: 0.9em; max-width: 1100px; margin-top: 0.4em; }
            .note { background: #fff8e1; border-left: 4px solid #f0b400; padding: 0.4em 0.8em; }
            .files { white-space: nowrap; color: #555; }
            .files a { margin-left: 0.4em; }
            .meta { color: #555; font-size: 0.9em; }
            table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
            th { background: #f2f2f2; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            pre { white-space: pre-wrap; word-break: break-all; font-size: 0.8em; background: #f7f7f7; padding: 0.6em; }
            """;

    /** Writes the page to {@code file}; figure files are referenced relative to it. */
    public void write(Path file, Tables tables, List<Section> sections, List<String> missingTables) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                // An empty icon: without it the browser asks for /favicon.ico and logs a failed load.
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>annft report: ").append(escape(String.valueOf(tables.dir().getFileName()))).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        AnnftVersion version = AnnftVersion.current();
        h.append("<h1>annft report: ").append(escape(tables.dir().toString())).append("</h1>\n")
                .append("<p class=\"meta\">Criticality analysis of neural networks on nuclear binding energies; figures ")
                .append("numbered as in Sundberg &amp; Furnstahl (2025). Written ")
                .append(escape(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())).append(" by annft ")
                .append(escape(version.version())).append(" (revision ").append(escape(version.revision())).append(").</p>\n");
        contents(h, sections);
        sources(h, tables);
        if (!missingTables.isEmpty()) {
            h.append("<p class=\"note\">Tables not found (their figures are skipped): ")
                    .append(escape(String.join(", ", missingTables))).append(".</p>\n");
        }
        for (int i = 0; i < sections.size(); i++) {
            section(h, sections.get(i), "section-" + i);
        }
        h.append("</body>\n</html>\n");
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
        Files.writeString(file.resolveSibling(MANIFEST), manifest(sections), StandardCharsets.UTF_8);
    }

    /**
     * {@code figures.json}: every figure's files, panels, axes as drawn, series (names, range axis,
     * point counts) and the series it promises; jobs/check-report checks the files and the CSVs against it.
     */
    static String manifest(List<Section> sections) {
        StringBuilder b = new StringBuilder("{\"figures\": [");
        boolean first = true;
        for (Section s : sections) {
            for (Figure f : s.figures()) {
                b.append(first ? "" : ",").append("\n {\"png\": ").append(org.annft.table.TextValues.jsonString(f.file()))
                        .append(", \"svg\": ").append(org.annft.table.TextValues.jsonString(f.svg()))
                        .append(", \"pdf\": ").append(org.annft.table.TextValues.jsonString(f.pdf()))
                        .append(", \"data\": ").append(org.annft.table.TextValues.jsonString(f.csv()))
                        .append(", \"title\": ").append(org.annft.table.TextValues.jsonString(f.title()))
                        .append(", \"width\": ").append(f.width()).append(", \"height\": ").append(f.height())
                        .append(",\n  ").append(f.data().jsonMembers()).append('}');
                first = false;
            }
        }
        return b.append("\n]}\n").toString();
    }

    private static void contents(StringBuilder h, List<Section> sections) {
        h.append("<nav><ul>\n");
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            h.append("<li><a href=\"#section-").append(i).append("\">").append(escape(s.heading())).append("</a>")
                    .append(s.figures().isEmpty() && s.tableHtml().isEmpty() ? " (skipped)" : "").append("</li>\n");
        }
        h.append("</ul></nav>\n");
    }

    private static void sources(StringBuilder h, Tables tables) {
        h.append("<h2>Result tables</h2>\n<table>\n<tr><th>directory</th><th>tables</th><th>job</th></tr>\n");
        for (TableSource s : tables.sources()) {
            Optional<RunDescription> info = s.runInfo();
            h.append("<tr><td>").append(escape(s.label().isEmpty() ? "." : s.label())).append("</td><td>")
                    .append(escape(String.join(", ", s.tables()))).append("</td><td>")
                    .append(escape(info.map(RunDescription::provenance).orElse("no run_info")))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (TableSource s : tables.sources()) {
            s.runInfo().ifPresent(info -> h.append("<details><summary>configuration of ")
                    .append(escape(s.displayName())).append(" (started ").append(escape(info.startedAt()))
                    .append(")</summary>\n<pre>").append(escape(info.configJson())).append("</pre>\n</details>\n"));
        }
    }

    private static void section(StringBuilder h, Section s, String anchor) {
        h.append("<h2 id=\"").append(anchor).append("\">").append(escape(s.heading())).append("</h2>\n");
        for (String note : s.notes()) {
            h.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
        }
        for (Figure f : s.figures()) {
            h.append("<figure>\n<img src=\"").append(escape(f.svg())).append("\" width=\"").append(f.width())
                    .append("\" height=\"").append(f.height()).append("\" alt=\"").append(escape(f.title()))
                    .append("\">\n<figcaption>").append(escape(f.caption())).append(" <span class=\"files\">")
                    .append(link(f.svg(), "SVG")).append(" ").append(link(f.pdf(), "PDF")).append(" ")
                    .append(link(f.file(), "PNG")).append(" ").append(link(f.csv(), "data (CSV)"))
                    .append("</span></figcaption>\n</figure>\n");
        }
        h.append(s.tableHtml());
    }

    private static String link(String file, String text) {
        return "<a href=\"" + escape(file) + "\">" + escape(text) + "</a>";
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
