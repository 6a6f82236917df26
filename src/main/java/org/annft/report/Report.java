package org.annft.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.annft.spark.ResultSetCheck;
import org.annft.spark.SparkTables;
import org.annft.table.ResultTable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the report of a results directory: finds the tables, lets every figure family draw from
 * each directory that holds its tables, notes the families whose tables are missing, and writes
 * {@code DIR/report/index.html} with the PNGs and {@code table1.csv}. The report is assembled in a
 * staging directory and replaces the previous one only when complete.
 */
public final class Report {

    /** What was written. */
    public record Summary(Path index, int figures, List<String> missingTables) {
    }

    private final List<FigureFamily> families;

    /** The report with every figure family of the paper, in the paper's order. */
    public Report() {
        this(List.of(new OutputHistograms(), new CornerPlots(), new DepthProfiles(), new NtkFluctuations(),
                new LossCurves(), new ParameterChangeFigures(), new RmsdVsAspectRatio(), new RmsdStrips(), new NtkChanges(), new ResidualMaps(), new PredictionsVsAme(), new Extrapolation(), new UncertaintyCoverage(), new InfiniteWidthExtrapolation(),
                new TableOne(),
                new ProtocolScan(), new ReproductionClaims()));
    }

    Report(List<FigureFamily> families) {
        this.families = List.copyOf(families);
    }

    /**
     * Writes {@code dir/report}.
     *
     * @throws IllegalArgumentException if {@code dir} is not a directory or holds no result tables
     */
    public Summary write(SparkSession spark, Path dir) throws Exception {
        // JFreeChart draws through AWT, which must not look for a display.
        System.setProperty("java.awt.headless", "true");
        if (!Files.isDirectory(dir)) {
            throw new org.annft.config.BadInputException("report directory " + dir + " does not exist or is not a directory");
        }
        Tables tables = Tables.scan(spark, dir);
        if (tables.sources().isEmpty()) {
            throw new org.annft.config.BadInputException("no result tables under " + dir
                    + " (looked in it and in its immediate subdirectories)");
        }
        // A job that commits into a directory while it is read would mix two result sets: checked after reading.
        Map<Path, String> before = new java.util.LinkedHashMap<>();
        tables.sources().forEach(src -> before.put(src.dir(), ResultSetCheck.state(src.dir())));
        Path staging = dir.resolve(".report-staging-" + UUID.randomUUID());
        Files.createDirectories(staging);
        try {
            List<Section> sections = new ArrayList<>();
            try {
                for (FigureFamily family : families) {
                    sections.add(section(family, tables, staging));
                }
            } catch (Exception e) {
                // A table that vanished under the reader is a commit into the directory, said as such.
                requireUnchanged(before, e);
                throw damagedFileOr(e);
            }
            List<String> missing = missingTables(tables);
            requireUnchanged(before, null);
            new ReportWriter().write(staging.resolve("index.html"), tables, sections, missing);
            Path report = dir.resolve(Tables.REPORT_DIRECTORY);
            deleteRecursively(report);
            Files.move(staging, report, StandardCopyOption.ATOMIC_MOVE);
            int figures = sections.stream().mapToInt(s -> s.figures().size()).sum();
            return new Summary(report.resolve("index.html"), figures, missing);
        } finally {
            deleteRecursively(staging);
        }
    }

    private static Section section(FigureFamily family, Tables tables, Path out) throws Exception {
        List<TableSource> sources = tables.withAll(family.tables());
        if (sources.isEmpty()) {
            return Section.note(family.heading(), "Skipped: no table " + String.join(" + ", names(family))
                    + " under " + tables.dir() + ".");
        }
        if (family.acrossSources()) {
            List<ResultTable> read = new java.util.ArrayList<>(family.tables());
            read.addAll(family.optionalTables());
            return family.renderAcross(tables.withAny(read), new FigureFiles(out, ""));
        }
        Section section = new Section(family.heading(), List.of(), "", List.of());
        for (TableSource whole : sources) {
            for (TableSource source : perProtocol(family, whole)) {
                try {
                    section = section.plus(family.render(source, new FigureFiles(out, source.label())));
                } catch (Exception e) {
                    // A table of another schema (an older or foreign job) costs its figure, not the report.
                    if (!(e instanceof AnalysisException) && !(e instanceof SparkTables.TableContractException)) {
                        throw e;
                    }
                    section = section.plus(Section.note(family.heading(), "Skipped for " + source.displayName()
                            + ": the table does not have the expected columns (" + e.getMessage().lines().findFirst().orElse("") + ")."));
                }
            }
        }
        return section;
    }

    /**
     * The source once per sweep protocol for a family that draws one protocol at a time and a table
     * with several; else the source itself.
     */
    private static List<TableSource> perProtocol(FigureFamily family, TableSource source) {
        if (!family.onePerProtocol()) {
            return List.of(source);
        }
        List<String> protocols = source.protocols(family.tables().get(0));
        return protocols.size() <= 1 ? List.of(source) : protocols.stream().map(source::forProtocol).toList();
    }

    private List<String> missingTables(Tables tables) {
        Set<String> expected = new LinkedHashSet<>();
        families.forEach(f -> expected.addAll(names(f)));
        expected.removeAll(tables.names());
        return List.copyOf(expected);
    }

    /**
     * @throws IllegalStateException if a result set changed since {@code before} was taken (a job
     *     committed into its directory while the report read it)
     */
    private static void requireUnchanged(Map<Path, String> before, Exception cause) {
        before.forEach((dir, state) -> ResultSetCheck.requireUnchanged(dir, state, "the report", cause));
    }

    /** A part file whose checksum does not match is a damaged table the user gave: bad input naming it. */
    private static Exception damagedFileOr(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.hadoop.fs.ChecksumException c) {
                return new org.annft.config.BadInputException("a table file is damaged (" + c.getMessage().lines()
                        .findFirst().orElse("checksum error") + "); run the job that wrote it again");
            }
        }
        return e;
    }

    private static List<String> names(FigureFamily family) {
        return family.tables().stream().map(ResultTable::name).toList();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
