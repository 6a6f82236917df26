package org.annft.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the rows of a {@link ResultTable} are read off typed records: one function per column,
 * declared by column name. {@link Builder#build()} checks that every column of the contract has
 * exactly one function, so a column added to the contract and not to the writer (or the reverse)
 * fails at once.
 *
 * @param <R> the record a row is made of
 */
public final class TableRows<R> {

    private final ResultTable table;
    private final List<Function<? super R, ?>> values;

    private TableRows(ResultTable table, List<Function<? super R, ?>> values) {
        this.table = table;
        this.values = List.copyOf(values);
    }

    /** A builder of the rows of {@code table}. */
    public static <R> Builder<R> of(ResultTable table) {
        return new Builder<>(table);
    }

    public ResultTable table() {
        return table;
    }

    /** The row of {@code record}: its column values in the contract's order. */
    public Object[] values(R record) {
        Object[] row = new Object[values.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = values.get(i).apply(record);
        }
        return row;
    }

    /** Collects one value function per column. */
    public static final class Builder<R> {
        private final ResultTable table;
        private final Map<String, Function<? super R, ?>> byName = new LinkedHashMap<>();

        private Builder(ResultTable table) {
            this.table = table;
        }

        /** The value of {@code column} in the row of a record. */
        public Builder<R> value(String column, Function<? super R, ?> value) {
            table.column(column);
            if (byName.put(column, value) != null) {
                throw new IllegalArgumentException("table " + table.name() + ": column " + column + " given twice");
            }
            return this;
        }

        /** The values of several columns read from a part of the record (e.g. the run's key columns). */
        public <P> Builder<R> values(Function<? super R, P> part, TableRows<P> partRows) {
            List<String> names = partRows.table().columnNames();
            for (int i = 0; i < names.size(); i++) {
                Function<? super P, ?> f = partRows.values.get(i);
                value(names.get(i), record -> f.apply(part.apply(record)));
            }
            return this;
        }

        /** @throws IllegalStateException if a column of the contract has no value function */
        public TableRows<R> build() {
            List<Function<? super R, ?>> values = new ArrayList<>();
            for (String column : table.columnNames()) {
                Function<? super R, ?> f = byName.get(column);
                if (f == null) {
                    throw new IllegalStateException("table " + table.name() + ": no value for column " + column);
                }
                values.add(f);
            }
            return new TableRows<>(table, values);
        }
    }
}
