package org.annft.spark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.annft.table.ColumnType;
import org.annft.table.ResultTable;
import org.annft.table.TableColumn;
import org.annft.table.TableRows;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Result-table contracts in Spark's terms: their schemas, their rows, and the check of a computed table. */
public final class SparkTables {

    private SparkTables() {
    }

    /** The Spark type of a column type. */
    public static DataType type(ColumnType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DOUBLE_ARRAY -> DataTypes.createArrayType(DataTypes.DoubleType, false);
            case STRING_ARRAY -> DataTypes.createArrayType(DataTypes.StringType);
            case TIMESTAMP -> DataTypes.TimestampType;
        };
    }

    /** The schema of the table: its columns in order, with their types and nullability. */
    public static StructType schema(ResultTable table) {
        StructType schema = new StructType();
        for (TableColumn c : table.columns()) {
            schema = schema.add(c.name(), type(c.type()), c.nullable());
        }
        return schema;
    }

    /**
     * Checks a table read back against its contract: every column the contract declares is there with
     * the contract's type (extra columns are allowed). {@code tolerated} names columns a table may
     * lack because it predates them.
     *
     * @throws TableContractException naming the table and every column that is missing or of another type
     */
    public static void checkRead(ResultTable table, StructType read, java.util.Set<String> tolerated) {
        List<String> problems = new ArrayList<>();
        java.util.Map<String, org.apache.spark.sql.types.DataType> types = new java.util.HashMap<>();
        for (org.apache.spark.sql.types.StructField f : read.fields()) {
            types.put(f.name(), f.dataType());
        }
        for (TableColumn c : table.columns()) {
            org.apache.spark.sql.types.DataType found = types.get(c.name());
            if (found == null) {
                if (!tolerated.contains(c.name())) {
                    problems.add("no column " + c.name());
                }
            } else if (!sameType(found, type(c.type()))) {
                problems.add("column " + c.name() + " is " + found.simpleString() + ", the contract says "
                        + type(c.type()).simpleString());
            }
        }
        if (!problems.isEmpty()) {
            throw new TableContractException("table " + table.name() + " does not match its contract: "
                    + String.join(", ", problems));
        }
    }

    /** Types equal but for the nullability of array elements, which Parquet does not keep. */
    private static boolean sameType(org.apache.spark.sql.types.DataType a, org.apache.spark.sql.types.DataType b) {
        if (a instanceof org.apache.spark.sql.types.ArrayType x && b instanceof org.apache.spark.sql.types.ArrayType y) {
            return x.elementType().equals(y.elementType());
        }
        return a.equals(b);
    }

    /** A table read back does not have the columns or types of its contract. */
    public static final class TableContractException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public TableContractException(String message) {
            super(message);
        }
    }

    /** The rows of {@code records}, in their order. */
    public static <R> List<Row> rows(TableRows<R> rows, Collection<? extends R> records) {
        List<Row> out = new ArrayList<>(records.size());
        for (R r : records) {
            out.add(row(rows.table(), rows.values(r)));
        }
        return out;
    }

    /**
     * A row of the table from its values in column order, checked against the contract: one value
     * per column, NULL only where the column allows it, and scalars of the column's Java type.
     *
     * @throws IllegalStateException naming the table and column that disagree
     */
    public static Row row(ResultTable table, Object... values) {
        List<TableColumn> columns = table.columns();
        if (values.length != columns.size()) {
            throw new IllegalStateException("a row of table " + table.name() + " has " + values.length
                    + " values for its " + columns.size() + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            TableColumn c = columns.get(i);
            Object v = values[i];
            if (v == null ? !c.nullable() : !javaType(c.type()).isInstance(v)) {
                throw new IllegalStateException("table " + table.name() + " column " + c.name() + " (" + c.type()
                        + (c.nullable() ? "" : ", not null") + ") given " + (v == null ? "null" : v.getClass().getSimpleName()));
            }
        }
        return RowFactory.create(values);
    }

    private static Class<?> javaType(ColumnType type) {
        return switch (type) {
            case STRING -> String.class;
            case INT -> Integer.class;
            case LONG -> Long.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case DOUBLE_ARRAY -> double[].class;
            case STRING_ARRAY -> scala.collection.Seq.class;
            case TIMESTAMP -> java.sql.Timestamp.class;
        };
    }

    /**
     * Checks that a table computed in Spark SQL has the contract's columns, in order and of its
     * types (nullability aside: SQL decides it from the expressions).
     *
     * @throws IllegalStateException naming the first difference
     */
    public static Dataset<Row> conforming(ResultTable table, Dataset<Row> rows) {
        StructField[] fields = rows.schema().fields();
        List<TableColumn> columns = table.columns();
        if (fields.length != columns.size()) {
            throw new IllegalStateException("table " + table.name() + " computed with columns "
                    + List.of(rows.columns()) + ", its contract has " + table.columnNames());
        }
        for (int i = 0; i < fields.length; i++) {
            TableColumn c = columns.get(i);
            DataType expected = type(c.type());
            boolean sameType = c.type() == ColumnType.DOUBLE_ARRAY
                    ? fields[i].dataType() instanceof org.apache.spark.sql.types.ArrayType a
                            && a.elementType().equals(DataTypes.DoubleType)
                    : fields[i].dataType().equals(expected);
            if (!fields[i].name().equals(c.name()) || !sameType) {
                throw new IllegalStateException("table " + table.name() + " column " + (i + 1) + " computed as "
                        + fields[i].name() + " " + fields[i].dataType().simpleString() + ", its contract has " + c.name()
                        + " " + expected.simpleString());
            }
        }
        return rows;
    }
}
