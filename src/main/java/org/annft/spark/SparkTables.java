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

    /** The rows of {@code records}, in their order. */
    public static <R> List<Row> rows(TableRows<R> rows, Collection<? extends R> records) {
        List<Row> out = new ArrayList<>(records.size());
        for (R r : records) {
            out.add(RowFactory.create(rows.values(r)));
        }
        return out;
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
