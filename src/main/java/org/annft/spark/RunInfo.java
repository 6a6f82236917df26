package org.annft.spark;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.annft.AnnftVersion;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code run_info} table every job writes: what ran (command, the resolved config as JSON,
 * seed), with what (annft version and code revision, Spark version, master, Java), and when.
 */
public record RunInfo(String experiment, String command, String configJson, long seed, AnnftVersion annft,
                      String sparkVersion, String master, String javaVersion, Instant startedAt, Instant finishedAt) {

    public static final StructType SCHEMA = new StructType()
            .add("experiment", DataTypes.StringType, false)
            .add("command", DataTypes.StringType, false)
            .add("config_json", DataTypes.StringType, false)
            .add("seed", DataTypes.LongType, false)
            .add("annft_version", DataTypes.StringType, false)
            .add("code_revision", DataTypes.StringType, false)
            .add("spark_version", DataTypes.StringType, false)
            .add("master", DataTypes.StringType, false)
            .add("java_version", DataTypes.StringType, false)
            .add("started_at", DataTypes.TimestampType, false)
            .add("finished_at", DataTypes.TimestampType, false)
            .add("seconds", DataTypes.DoubleType, false);

    /** One-row table. */
    public Dataset<Row> toTable(SparkSession spark) {
        Row row = RowFactory.create(experiment, command, configJson, seed, annft.version(), annft.revision(),
                sparkVersion, master, javaVersion, Timestamp.from(startedAt), Timestamp.from(finishedAt),
                (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        return spark.createDataFrame(List.of(row), SCHEMA);
    }
}
