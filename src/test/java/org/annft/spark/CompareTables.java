package org.annft.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Checks that result directories hold the same tables, bit for bit: the same tables, the same
 * Parquet schemas, and the same multiset of rows, doubles compared by their IEEE bits (so -0.0
 * differs from 0.0 and every last-place difference counts). {@code run_info} is skipped (it records
 * times and the master); columns that legitimately differ between environments are left out with
 * {@code --ignore TABLE.COLUMN}. {@code --rows TABLE=N} also requires a row count, e.g. every run
 * of a sweep exactly once. Reads the Parquet files directly (no Spark session: seconds, not a minute).
 *
 * <p>Run from the test classpath (jobs/test-cluster does):
 * {@code java -cp 'target/test-classes:target/classes:target/lib/*' org.annft.spark.CompareTables
 * [--ignore runs.seconds]... [--rows runs=8]... EXPECTED_DIR ACTUAL_DIR [EXPECTED_DIR ACTUAL_DIR]...}.
 * Prints one line per table and ends with an {@link AssertionError} (non-zero exit) when anything
 * differs.
 */
public final class CompareTables {

    private final Map<String, Set<String>> ignored = new HashMap<>();
    private final Map<String, Long> expectedRows = new HashMap<>();
    private final Configuration hadoop = new Configuration();

    private CompareTables() {
    }

    public static void main(String[] args) throws IOException {
        CompareTables comparison = new CompareTables();
        List<String> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ignore" -> {
                    String[] tc = args[++i].split("\\.", 2);
                    comparison.ignored.computeIfAbsent(tc[0], t -> new HashSet<>()).add(tc[1]);
                }
                case "--rows" -> {
                    String[] tn = args[++i].split("=", 2);
                    comparison.expectedRows.put(tn[0], Long.parseLong(tn[1]));
                }
                default -> dirs.add(args[i]);
            }
        }
        if (dirs.isEmpty() || dirs.size() % 2 != 0) {
            throw new IllegalArgumentException("usage: CompareTables [--ignore TABLE.COLUMN]... [--rows TABLE=N]... "
                    + "EXPECTED_DIR ACTUAL_DIR [EXPECTED_DIR ACTUAL_DIR]...");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i += 2) {
            System.out.println(dirs.get(i + 1) + " against " + dirs.get(i) + ":");
            for (String p : comparison.compare(dirs.get(i), dirs.get(i + 1))) {
                problems.add(dirs.get(i + 1) + ": " + p);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("tables differ:\n  " + String.join("\n  ", problems));
        }
        System.out.println("identical: every table of every pair");
    }

    /** Compares every table of {@code expected} with the one in {@code actual}; returns what differs. */
    List<String> compare(String expected, String actual) throws IOException {
        Set<String> tables = tables(new Path(expected));
        List<String> problems = new ArrayList<>();
        if (tables.isEmpty()) {
            problems.add("no tables in " + expected);
        }
        Set<String> actualTables = tables(new Path(actual));
        if (!tables.equals(actualTables)) {
            problems.add("tables " + actualTables + ", expected " + tables);
        }
        for (String table : tables) {
            if (actualTables.contains(table)) {
                problems.addAll(compareTable(table, new Path(expected, table), new Path(actual, table)));
            }
        }
        return problems;
    }

    /** The table directories of a result directory (not hidden, not staging, not run_info). */
    private Set<String> tables(Path directory) throws IOException {
        Set<String> names = new TreeSet<>();
        FileSystem fs = directory.getFileSystem(hadoop);
        if (fs.exists(directory)) {
            for (FileStatus s : fs.listStatus(directory)) {
                String n = s.getPath().getName();
                if (s.isDirectory() && !n.startsWith("_") && !n.startsWith(".") && !n.equals("run_info")) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    private List<String> compareTable(String table, Path expectedPath, Path actualPath) throws IOException {
        Set<String> skip = ignored.getOrDefault(table, Set.of());
        Table expected = read(expectedPath, skip);
        Table actual = read(actualPath, skip);
        if (!expected.columns().equals(actual.columns())) {
            return List.of(table + ": columns " + actual.columns() + ", expected " + expected.columns());
        }
        List<String> problems = new ArrayList<>();
        Long rows = expectedRows.get(table);
        if (rows != null && actual.rows().size() != rows) {
            problems.add(table + ": " + actual.rows().size() + " rows, expected " + rows);
        }
        if (expected.rows().equals(actual.rows())) {
            System.out.printf("  %-20s %7d rows identical%n", table, actual.rows().size());
            return problems;
        }
        List<String> missing = difference(expected.rows(), actual.rows());
        List<String> extra = difference(actual.rows(), expected.rows());
        problems.add(table + ": " + actual.rows().size() + " rows vs " + expected.rows().size() + "; " + missing.size()
                + " expected rows missing, " + extra.size() + " unexpected, e.g.\n    expected " + first(missing)
                + "\n    actual   " + first(extra) + "\n    columns  " + expected.columns());
        System.out.printf("  %-20s %7d rows DIFFERENT%n", table, actual.rows().size());
        return problems;
    }

    /** A table's column types (as Parquet declares them) and its rows, canonical and sorted. */
    private record Table(List<String> columns, List<String> rows) {
    }

    private Table read(Path directory, Set<String> skip) throws IOException {
        FileSystem fs = directory.getFileSystem(hadoop);
        List<String> columns = null;
        List<String> rows = new ArrayList<>();
        for (FileStatus file : fs.listStatus(directory)) {
            String name = file.getPath().getName();
            if (!name.endsWith(".parquet") || name.startsWith("_") || name.startsWith(".")) {
                continue;
            }
            if (columns == null) {
                columns = new ArrayList<>();
                try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(file.getPath(), hadoop))) {
                    for (Type t : footer.getFooter().getFileMetaData().getSchema().getFields()) {
                        if (!skip.contains(t.getName())) {
                            columns.add(t.toString());
                        }
                    }
                }
            }
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file.getPath())
                    .withConf(hadoop).build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    rows.add(canonical(g, skip));
                }
            }
        }
        Collections.sort(rows);
        return new Table(columns == null ? List.of() : columns, rows);
    }

    /** A record as text in which every double is followed by its bit pattern. */
    private static String canonical(Group g, Set<String> skip) {
        StringBuilder s = new StringBuilder("(");
        GroupType type = g.getType();
        for (int i = 0; i < type.getFieldCount(); i++) {
            Type field = type.getType(i);
            if (skip.contains(field.getName())) {
                continue;
            }
            s.append(field.getName()).append('=');
            int n = g.getFieldRepetitionCount(i);
            if (n == 0) {
                s.append("null");
            }
            for (int j = 0; j < n; j++) {
                s.append(j > 0 ? ";" : "");
                if (!field.isPrimitive()) {
                    s.append(canonical(g.getGroup(i, j), Set.of()));
                } else if (field.asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.DOUBLE) {
                    double d = g.getDouble(i, j);
                    s.append(d).append('#').append(Long.toHexString(Double.doubleToLongBits(d)));
                } else {
                    s.append(g.getValueToString(i, j));
                }
            }
            s.append(' ');
        }
        return s.append(')').toString();
    }

    /** Rows of {@code a} not matched one-to-one in {@code b} (both sorted). */
    private static List<String> difference(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        int j = 0;
        for (String x : a) {
            while (j < b.size() && b.get(j).compareTo(x) < 0) {
                j++;
            }
            if (j < b.size() && b.get(j).equals(x)) {
                j++;
            } else {
                out.add(x);
            }
        }
        return out;
    }

    private static String first(List<String> rows) {
        return rows.isEmpty() ? "(none)" : rows.get(0);
    }
}
