package org.annft.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Collecting the small tables the figures draw. */
final class Rows {

    private Rows() {
    }

    /**
     * Collects the rows and sorts them on the driver by the given columns: the tables are small, and
     * a Spark sort would cost a sampling job and a shuffle per figure.
     */
    static List<Row> collectSorted(Dataset<Row> table, String... columns) {
        List<Row> rows = new ArrayList<>(table.collectAsList());
        Comparator<Row> order = (a, b) -> 0;
        for (String c : columns) {
            order = order.thenComparing(r -> r.<Comparable<Object>>getAs(c), Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        rows.sort(order);
        return rows;
    }

    /** A double column, NaN where it is NULL (ratios to a variance of 0 are NULL in the tables). */
    static double doubleOrNaN(Row row, String column) {
        Double value = row.getAs(column);
        return value == null ? Double.NaN : value;
    }
}
