package org.annft.sweep;

import java.util.ArrayList;
import java.util.List;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.Nuclide;
import org.annft.spark.SparkTables;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;

/**
 * Table {@code dataset}: the nuclides a job trained on (or summarized), one row each, keyed by
 * {@code nuclide_index}, the position in the data set that {@code predictions.nuclide_index} refers
 * to, and by (Z, N). Every job that trains writes it beside its results, so predictions join their
 * nuclides, AME2020 values, split and network inputs by key, never by row order.
 */
public final class DatasetTable {

    private DatasetTable() {
    }

    /** The contract of this data set's table (its input columns follow {@code data.inputs}). */
    public static ResultTable table(BindingEnergyDataSet data) {
        return ResultTables.dataset(data.spec().inputs().columnNames());
    }

    /** The rows, in the data set's order. */
    public static List<Row> rows(BindingEnergyDataSet data) {
        ResultTable table = table(data);
        List<Row> rows = new ArrayList<>(data.size());
        int width = data.inputWidth();
        org.annft.data.TrainingRegion region = org.annft.data.TrainingRegion.of(data);
        for (int i = 0; i < data.size(); i++) {
            Nuclide x = data.nuclide(i);
            Object[] v = new Object[12 + width];
            v[0] = i;
            v[1] = x.z();
            v[2] = x.n();
            v[3] = x.a();
            v[4] = x.element();
            v[5] = x.bindingEnergyMev();
            v[6] = x.bindingEnergyPerNucleonKev();
            v[7] = x.bindingEnergyPerNucleonUncertaintyKev();
            v[8] = x.massExcessKev();
            v[9] = x.estimated();
            v[10] = data.split(i).configName();
            v[11] = region.distance(x.z(), x.n());
            for (int j = 0; j < width; j++) {
                v[12 + j] = data.input(i, j);
            }
            rows.add(SparkTables.row(table, v));
        }
        return rows;
    }
}
