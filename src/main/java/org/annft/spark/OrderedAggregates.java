package org.annft.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Spark SQL snippets whose floating-point results do not depend on partitioning. Spark's
 * {@code sum} and {@code avg} add partial results in whatever order partitions finish, so the last
 * bits of a double can differ between runs with different partitions or cores. These snippets
 * collect a group's values, sort them, and fold them with {@code aggregate} in that fixed order.
 * Groups here are small (runs of a configuration, chunks of an ensemble), so collecting is cheap.
 */
public final class OrderedAggregates {

    private OrderedAggregates() {
    }

    /** The sorted values of a double expression in a group (nulls dropped), as an array column. */
    public static String sortedList(String expression) {
        return "array_sort(collect_list(CAST(" + expression + " AS DOUBLE)))";
    }

    /** Sum of a sorted double array column. */
    public static String sum(String sortedArray) {
        return "aggregate(" + sortedArray + ", CAST(0 AS DOUBLE), (acc, v) -> acc + v)";
    }

    /** Mean of a sorted double array column (null when empty). */
    public static String mean(String sortedArray) {
        return "try_divide(" + sum(sortedArray) + ", size(" + sortedArray + "))";
    }

    /** Population standard deviation of a sorted double array column around a mean column. */
    public static String populationStd(String sortedArray, String mean) {
        return "sqrt(try_divide(aggregate(" + sortedArray + ", CAST(0 AS DOUBLE), (acc, v) -> acc + (v - " + mean
                + ") * (v - " + mean + ")), size(" + sortedArray + ")))";
    }

    /**
     * SQL that adds up {@code n}, the long columns and the double columns per group, chunk by chunk
     * in chunk order: collect_list, array_sort by chunk, then aggregate (a left fold).
     */
    public static String chunkOrderedSums(String view, String keys, List<String> longColumns, List<String> doubleColumns) {
        List<String> fields = new ArrayList<>();
        fields.add("n");
        fields.addAll(longColumns);
        fields.addAll(doubleColumns);
        StringBuilder struct = new StringBuilder("struct(chunk");
        StringBuilder zero = new StringBuilder("named_struct(");
        StringBuilder step = new StringBuilder("named_struct(");
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            boolean isDouble = doubleColumns.contains(f);
            struct.append(", ").append(f);
            String sep = i == 0 ? "" : ", ";
            zero.append(sep).append("'").append(f).append("', CAST(0 AS ").append(isDouble ? "DOUBLE" : "BIGINT").append(")");
            step.append(sep).append("'").append(f).append("', acc.").append(f).append(" + x.").append(f);
            select.append(", t.").append(f).append(" AS ").append(f);
        }
        struct.append(")");
        zero.append(")");
        step.append(")");
        return "SELECT " + keys + select + " FROM (SELECT " + keys + ", aggregate(array_sort(collect_list(" + struct
                + ")), " + zero + ", (acc, x) -> " + step + ") AS t FROM " + view + " GROUP BY " + keys + ")";
    }
}
