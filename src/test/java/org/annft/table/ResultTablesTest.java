package org.annft.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table contracts, their rows in docs/results.md, and the rows built through them. */
class ResultTablesTest {

    private static final ResultTable SMALL = ResultTable.named("small", "`annft test`")
            .column("a", ColumnType.STRING)
            .column("b", ColumnType.INT, "counted")
            .column("c", ColumnType.DOUBLE)
            .nullable("d", ColumnType.DOUBLE, "MeV")
            .note("An example")
            .sortedBy("a", "b");

    @Test
    void markdownRowPutsEachNoteAfterItsColumn() {
        assertEquals("| `small` | `annft test` | `a, b` (counted)`, c, d` (MeV). An example |", SMALL.markdownRow());
        ResultTable plain = ResultTable.named("plain", "x").column("a", ColumnType.INT).column("b", ColumnType.LONG)
                .sortedBy("a");
        assertEquals("| `plain` | x | `a, b` |", plain.markdownRow());
    }

    /** The table of schemas in docs/results.md is generated from the contracts: it fails here when it is stale. */
    @Test
    void resultsDocumentListsEveryTableAsItsContractDefinesIt() throws IOException {
        String readme = Files.readString(Path.of("docs/results.md"));
        List<ResultTable> tables = new java.util.ArrayList<>(ResultTables.all());
        tables.add(ResultTables.dataset(List.of("z", "n")));
        for (ResultTable table : tables) {
            assertTrue(readme.lines().anyMatch(table.markdownRow()::equals),
                    "docs/results.md lacks the row of table " + table.name() + ", which is now:\n" + table.markdownRow());
        }
    }

    @Test
    void rowsFollowTheContractsColumnOrderWhateverTheDeclarationOrder() {
        TableRows<double[]> rows = TableRows.<double[]>of(SMALL)
                .value("d", x -> x[1]).value("c", x -> x[0]).value("b", x -> (int) x[2]).value("a", x -> "row")
                .build();
        assertEquals(List.of("row", 7, 1.5, -2.0), List.of(rows.values(new double[] {1.5, -2.0, 7})));
    }

    @Test
    void aColumnWithoutValueOrAValueWithoutColumnIsRefused() {
        TableRows.Builder<Object> missing = TableRows.of(SMALL).value("a", x -> "").value("b", x -> 1).value("c", x -> 1.0);
        assertTrue(assertThrows(IllegalStateException.class, missing::build).getMessage().contains("no value for column d"));
        assertThrows(IllegalArgumentException.class, () -> TableRows.of(SMALL).value("e", x -> 0));
        assertThrows(IllegalArgumentException.class, () -> TableRows.of(SMALL).value("a", x -> "").value("a", x -> ""));
    }

    @Test
    void aSortKeyOutsideTheColumnsOrADuplicateColumnIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ResultTable.named("t", "x").column("a", ColumnType.INT).sortedBy("b"));
        assertThrows(IllegalArgumentException.class,
                () -> ResultTable.named("t", "x").column("a", ColumnType.INT).column("a", ColumnType.LONG).sortedBy("a"));
    }

    /** Every training table starts with the run's key, so the tables of many runs join on it. */
    @Test
    void trainingTablesStartWithTheRunsKey() {
        for (ResultTable table : List.of(ResultTables.RUNS, ResultTables.LOSS_CURVES, ResultTables.PARAM_CHANGES,
                ResultTables.PREDICTIONS)) {
            assertEquals(List.of("activation", "mode", "protocol", "width", "depth", "run"),
                    table.columnNames().subList(0, 6), table.name());
            assertEquals(table.columnNames().subList(0, 6), table.sortKey().subList(0, 6), table.name());
        }
    }

    /** Readers name columns through the contract: a name the contract lacks fails, naming the table. */
    @Test
    void columnsAreReadThroughTheirContract() {
        assertEquals("rmsd_mev", ResultTables.RUNS.col("rmsd_mev"));
        assertEquals(ResultTables.RUNS.columnNames().indexOf("rmsd_mev"), ResultTables.RUNS.index("rmsd_mev"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultTables.RUNS.col("rmsd"));
        assertEquals("table runs has no column rmsd", e.getMessage());
    }
}
