package org.annft.table;

/** The value types of result-table columns, as Parquet stores them. */
public enum ColumnType {
    /** UTF-8 string. */
    STRING,
    /** 32-bit integer. */
    INT,
    /** 64-bit integer. */
    LONG,
    /** IEEE double. */
    DOUBLE,
    /** true or false. */
    BOOLEAN,
    /** An array of doubles without null elements. */
    DOUBLE_ARRAY,
    /** An array of strings. */
    STRING_ARRAY,
    /** An instant, microseconds since the epoch (UTC). */
    TIMESTAMP
}
