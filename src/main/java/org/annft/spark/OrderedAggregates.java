package org.annft.spark;

/**
 * Spark SQL snippets whose floating-point results do not depend on partitioning. Spark's
 * {@code sum} and {@code avg} add partial results in whatever order partitions finish, so the last
 * bits of a double can differ between runs with different partitions or cores. These snippets
 * collect a group's values, sort them, and fold them with {@code aggregate} in that fixed order.
 * Groups here are small (the runs of a configuration), so collecting is cheap.
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
}
