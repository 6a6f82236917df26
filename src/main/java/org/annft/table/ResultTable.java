package org.annft.table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The contract of one result table: its name, the job that writes it, its typed columns in order,
 * and the key its rows are sorted by. Writers build their rows through it ({@link TableRows}), the
 * Spark side derives the schema from it and checks every written table against it, and docs/results.md's
 * table of schemas is generated from it ({@link #markdownRow()}).
 */
public final class ResultTable {

    private final String name;
    private final String writtenBy;
    private final List<TableColumn> columns;
    private final List<String> sortKey;
    private final String note;
    /** Column name to its 0-based position. */
    private final java.util.Map<String, Integer> positions = new java.util.HashMap<>();

    private ResultTable(String name, String writtenBy, List<TableColumn> columns, List<String> sortKey, String note) {
        this.name = name;
        this.note = note;
        this.writtenBy = writtenBy;
        this.columns = List.copyOf(columns);
        this.sortKey = List.copyOf(sortKey);
        Set<String> names = new LinkedHashSet<>();
        for (TableColumn c : columns) {
            positions.put(c.name(), positions.size());
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("table " + name + " declares column " + c.name() + " twice");
            }
        }
        if (!names.containsAll(sortKey)) {
            throw new IllegalArgumentException("table " + name + ": sort key " + sortKey + " names a column it lacks");
        }
    }

    /** A builder of the table {@code name} written by {@code writtenBy} (as docs/results.md names the job). */
    public static Builder named(String name, String writtenBy) {
        return new Builder(name, writtenBy);
    }

    public String name() {
        return name;
    }

    public String writtenBy() {
        return writtenBy;
    }

    public List<TableColumn> columns() {
        return columns;
    }

    /** The column names, in order. */
    public List<String> columnNames() {
        return columns.stream().map(TableColumn::name).toList();
    }

    /** The columns the rows are sorted by, in order; together they identify a row. */
    public List<String> sortKey() {
        return sortKey;
    }

    /**
     * The name of column {@code name}, checked against this contract: readers name the columns they
     * read through it, so a column renamed or dropped here fails where it is read, naming the table.
     *
     * @throws IllegalArgumentException if the table has no such column
     */
    public String col(String name) {
        if (!positions.containsKey(name)) {
            throw new IllegalArgumentException("table " + this.name + " has no column " + name);
        }
        return name;
    }

    /** The 0-based position of column {@code name}. */
    public int index(String name) {
        return positions.get(col(name));
    }

    /** The column {@code name}. */
    public TableColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + this.name + " has no column " + name));
    }

    /**
     * The table's row of the table of schemas in docs/results.md: {@code | `name` | written by | columns |},
     * the column names in code spans, each note in parentheses after its column, the table's note last.
     */
    public String markdownRow() {
        StringBuilder cells = new StringBuilder();
        boolean open = false;
        for (TableColumn c : columns) {
            cells.append(open ? ", " : cells.length() == 0 ? "`" : "`, ").append(c.name());
            open = c.note().isEmpty();
            if (!open) {
                cells.append("` (").append(c.note()).append(")");
            }
        }
        if (open) {
            cells.append("`");
        }
        return "| `" + name + "` | " + writtenBy + " | " + cells + (note.isEmpty() ? "" : ". " + note) + " |";
    }

    @Override
    public String toString() {
        return name;
    }

    /** Declares columns in order. */
    public static final class Builder {
        private final String name;
        private final String writtenBy;
        private final List<TableColumn> columns = new ArrayList<>();
        private String note = "";

        private Builder(String name, String writtenBy) {
            this.name = name;
            this.writtenBy = writtenBy;
        }

        /** A non-null column without a note. */
        public Builder column(String column, ColumnType type) {
            return column(column, type, "");
        }

        /** A non-null column. */
        public Builder column(String column, ColumnType type, String note) {
            columns.add(new TableColumn(column, type, false, note));
            return this;
        }

        /** A column that may be NULL. */
        public Builder nullable(String column, ColumnType type, String note) {
            columns.add(new TableColumn(column, type, true, note));
            return this;
        }

        /** The columns of another table, in its order (e.g. a run's key columns). */
        public Builder columns(List<TableColumn> more) {
            columns.addAll(more);
            return this;
        }

        /** What a reader needs to know about the table as a whole (docs/results.md prints it after the columns). */
        public Builder note(String text) {
            this.note = text;
            return this;
        }

        /** The finished table, its rows sorted by {@code sortKey}. */
        public ResultTable sortedBy(String... sortKey) {
            return new ResultTable(name, writtenBy, columns, List.of(sortKey), note);
        }
    }
}
