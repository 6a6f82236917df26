package org.annft.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.annft.spark.ResultSetCheck;
import org.annft.spark.ResultStore;
import org.annft.table.ResultTable;
import org.apache.spark.sql.SparkSession;

/**
 * The result tables under a report directory: tables directly in it and tables in its immediate
 * subdirectories (a quickstart writes {@code DIR/ensemble/...} and {@code DIR/sweep/...}). A table
 * is a directory of Parquet files, as {@link ResultStore} commits them; staging and hidden
 * directories and the report's own output are ignored, and a directory's manifest, when it has one,
 * says which of its tables belong to its result set.
 */
public final class Tables {

    /** The subdirectory the report writes to, never scanned for tables. */
    public static final String REPORT_DIRECTORY = "report";

    private final Path dir;
    private final List<TableSource> sources;

    private Tables(Path dir, List<TableSource> sources) {
        this.dir = dir;
        this.sources = sources;
    }

    /** Finds the tables; reading happens later, through Spark. */
    public static Tables scan(SparkSession spark, Path dir) {
        List<TableSource> sources = new ArrayList<>();
        addIfAny(spark, dir, "", sources);
        for (Path sub : subdirectories(dir)) {
            String name = sub.getFileName().toString();
            if (!name.equals(REPORT_DIRECTORY) && !isTable(sub)) {
                addIfAny(spark, sub, name, sources);
            }
        }
        return new Tables(dir, List.copyOf(sources));
    }

    /**
     * The tables of one result set. A directory whose commit was interrupted is refused; one with a
     * manifest contributes exactly the tables it lists, so leftovers of another run are never read.
     */
    private static void addIfAny(SparkSession spark, Path dir, String label, List<TableSource> sources) {
        Set<String> listed = ResultSetCheck.listedTables(dir).orElse(null);
        Set<String> names = new TreeSet<>();
        for (Path sub : subdirectories(dir)) {
            String name = sub.getFileName().toString();
            if (isTable(sub) && (listed == null || listed.contains(name))) {
                names.add(name);
            }
        }
        for (String name : names) {
            ResultSetCheck.requireWholeParquetFiles(dir.resolve(name));
        }
        if (listed != null && !names.containsAll(listed)) {
            Set<String> missing = new TreeSet<>(listed);
            missing.removeAll(names);
            throw new org.annft.config.BadInputException("result set in " + dir + " lacks table(s) " + String.join(", ", missing)
                    + " that its " + ResultStore.MANIFEST + " lists");
        }
        if (!names.isEmpty()) {
            sources.add(TableSource.of(spark, dir, label, Set.copyOf(names)));
        }
    }

    /** A table directory holds Parquet part files (and Spark's {@code _SUCCESS} marker). */
    private static boolean isTable(Path dir) {
        if (isIgnored(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".parquet") || n.equals("_SUCCESS");
            });
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }

    private static boolean isIgnored(Path dir) {
        String n = dir.getFileName().toString();
        return n.startsWith("_") || n.startsWith(".");
    }

    private static List<Path> subdirectories(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).filter(p -> !isIgnored(p))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }

    /** The report directory. */
    public Path dir() {
        return dir;
    }

    /** The directories that hold tables, the report directory first. */
    public List<TableSource> sources() {
        return sources;
    }

    /** The directories that hold all the given tables. */
    public List<TableSource> withAll(List<ResultTable> contracts) {
        return sources.stream().filter(s -> s.hasAll(contracts)).toList();
    }

    /** The directories that hold at least one of the tables. */
    public List<TableSource> withAny(List<ResultTable> contracts) {
        return sources.stream().filter(s -> contracts.stream().anyMatch(c -> s.has(c.name()))).toList();
    }

    /** Every table name found, across directories. */
    public Set<String> names() {
        Set<String> all = new TreeSet<>();
        sources.forEach(s -> all.addAll(s.tables()));
        return all;
    }
}
