package org.annft.spark;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.annft.AnnftVersion;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code run_info} table every job writes: what ran (command, the resolved config as JSON,
 * seed), with what (annft version and code revision, Spark version, master, Java), and when.
 */
public record RunInfo(String experiment, String command, String configJson, long seed, AnnftVersion annft,
                      String sparkVersion, String master, String javaVersion, Instant startedAt, Instant finishedAt) {

    /** One-row table. */
    public Dataset<Row> toTable(SparkSession spark) {
        Row row = SparkTables.row(ResultTables.RUN_INFO, experiment, command, configJson, seed, annft.version(),
                annft.revision(), sparkVersion, master, javaVersion, Timestamp.from(startedAt), Timestamp.from(finishedAt),
                (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        return spark.createDataFrame(List.of(row), SparkTables.schema(ResultTables.RUN_INFO));
    }
}
