package org.annft.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.annft.table.ColumnType;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/** Rows and schemas made from a contract, and the rows a contract refuses. */
class SparkTablesTest {

    private static final ResultTable T = ResultTable.named("t", "test")
            .column("a", ColumnType.INT).nullable("b", ColumnType.DOUBLE, "").column("c", ColumnType.STRING).sortedBy("a");

    @Test
    void schemaFollowsTheContract() {
        StructField[] f = SparkTables.schema(T).fields();
        assertEquals("a", f[0].name());
        assertEquals(DataTypes.IntegerType, f[0].dataType());
        assertEquals(false, f[0].nullable());
        assertEquals(true, f[1].nullable());
        assertEquals(DataTypes.StringType, f[2].dataType());
        assertEquals(ResultTables.RUN_INFO.columnNames().size(), SparkTables.schema(ResultTables.RUN_INFO).size());
    }

    @Test
    void aRowMustMatchTheContractValueForValue() {
        assertEquals(3, SparkTables.row(T, 1, null, "x").size());
        String arity = assertThrows(IllegalStateException.class, () -> SparkTables.row(T, 1, 2.0)).getMessage();
        assertTrue(arity.contains("has 2 values for its 3 columns"), arity);
        String nulls = assertThrows(IllegalStateException.class, () -> SparkTables.row(T, null, 2.0, "x")).getMessage();
        assertTrue(nulls.contains("column a (INT, not null) given null"), nulls);
        String type = assertThrows(IllegalStateException.class, () -> SparkTables.row(T, 1, 2, "x")).getMessage();
        assertTrue(type.contains("column b (DOUBLE) given Integer"), type);
    }
}
