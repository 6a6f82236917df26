package org.annft.cli;

import java.io.PrintWriter;
import java.util.List;
import org.annft.table.ResultTable;
import org.annft.table.TableColumn;
import org.annft.table.TextValues;
import org.apache.spark.sql.Row;

/**
 * Rows of a result table as text for scripts: CSV (RFC 4180: a header of the contract's column
 * names, fields quoted when they hold a comma, quote or line break, an empty field for NULL) or JSON
 * Lines (one object per row, keys the column names; NULL and non-finite numbers as {@code null},
 * which JSON has no other way to write).
 */
final class RowsText {

    /** The formats of {@code annft predict --format}. */
    enum Format {
        /** Aligned columns for a person, when the rows are few. */
        TABLE,
        CSV,
        JSON
    }

    private RowsText() {
    }

    static void csv(ResultTable table, List<Row> rows, PrintWriter out) {
        List<TableColumn> columns = table.columns();
        out.println(String.join(",", columns.stream().map(TableColumn::name).toList()));
        for (Row r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                if (!r.isNullAt(i)) {
                    line.append(TextValues.csvField(scalar(r.get(i))));
                }
            }
            out.println(line);
        }
    }

    static void jsonLines(ResultTable table, List<Row> rows, PrintWriter out) {
        List<TableColumn> columns = table.columns();
        for (Row r : rows) {
            StringBuilder line = new StringBuilder("{");
            for (int i = 0; i < columns.size(); i++) {
                line.append(i == 0 ? "" : ", ").append(TextValues.jsonString(columns.get(i).name())).append(": ");
                Object v = r.isNullAt(i) ? null : r.get(i);
                if (v == null || v instanceof Double d && !Double.isFinite(d)) {
                    line.append("null");
                } else if (v instanceof Number || v instanceof Boolean) {
                    line.append(scalar(v));
                } else {
                    line.append(TextValues.jsonString(scalar(v)));
                }
            }
            out.println(line.append('}'));
        }
    }

    /** A value as text: doubles in Java's shortest round-trip form, so a script reads back the same bits. */
    private static String scalar(Object v) {
        return v instanceof Double d ? Double.toString(d) : String.valueOf(v);
    }
}
