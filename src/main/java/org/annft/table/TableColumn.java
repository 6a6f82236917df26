package org.annft.table;

/**
 * One column of a result table.
 *
 * @param name     the column name, lower snake case
 * @param type     its value type
 * @param nullable whether a row may hold no value (SQL NULL)
 * @param note     what a reader needs beyond the name (meaning, unit, values), or empty
 */
public record TableColumn(String name, ColumnType type, boolean nullable, String note) {

    public TableColumn {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be lower snake case, got " + name);
        }
        if (type == null || note == null) {
            throw new IllegalArgumentException("column " + name + " needs a type and a note (empty for none)");
        }
    }
}
