package org.annft.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.annft.spark.ResultStore;
import org.annft.spark.SparkTables;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One directory of result tables (what one job wrote): its tables by name and the job's
 * {@code run_info}, which captions cite for configuration and protocol. Tables are read through
 * their contracts ({@link #read(ResultTable)}), so a table of another schema is refused by name
 * and column before a figure reads it.
 *
 * @param label the directory relative to the report directory; empty for the report directory itself
 * @param runInfo the job's run description, if its {@code run_info} table is present
 * @param protocol the one sweep protocol whose rows {@link #read} returns; empty for all rows
 * @param protocolSettings per protocol, the rows of table {@code protocols} ({@code train.*} key to
 *     its value as JSON); empty for a job that predates the table
 */
public record TableSource(SparkSession spark, Path dir, String label, Set<String> tables,
                          Optional<RunDescription> runInfo, String protocol,
                          Map<String, Map<String, String>> protocolSettings) {

    /** The protocol of sweep tables that predate the {@code protocol} column, and of sweeps without protocols. */
    public static final String DEFAULT_PROTOCOL = "default";

    /** Columns a table may lack because it was written before them: {@code protocol} (read as {@value #DEFAULT_PROTOCOL}). */
    private static final Set<String> PREDATED = Set.of("protocol");

    /** Reads the directory's {@code run_info} and {@code protocols} (once: every caption cites them). */
    static TableSource of(SparkSession spark, Path dir, String label, Set<String> tables) {
        Optional<RunDescription> info = tables.contains("run_info")
                ? ResultStore.readTable(spark, dir.resolve("run_info").toString()).collectAsList().stream().findFirst()
                        .map(RunDescription::of)
                : Optional.empty();
        TableSource source = new TableSource(spark, dir, label, tables, info, "", Map.of());
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        source.readIfPresent(ResultTables.PROTOCOLS).ifPresent(t -> t.select("protocol", "setting", "value")
                .collectAsList().forEach(r -> settings.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>())
                        .put(r.getString(1), r.getString(2))));
        return new TableSource(spark, dir, label, tables, info, "", Map.copyOf(settings));
    }

    /**
     * The sweep protocols of a table, sorted ({@value #DEFAULT_PROTOCOL} for a table without the
     * {@code protocol} column).
     */
    public List<String> protocols(ResultTable table) {
        Dataset<Row> t = read(table);
        return t.select("protocol").distinct().collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    }

    /**
     * This directory restricted to one protocol's rows, labelled with it, for figures that draw
     * one protocol at a time.
     */
    public TableSource forProtocol(String name) {
        String withProtocol = (label.isEmpty() ? "" : label + " ") + "protocol " + name;
        return new TableSource(spark, dir, withProtocol, tables, runInfo.map(r -> described(r, name)), name,
                protocolSettings);
    }

    /**
     * The run description of one protocol: from table {@code protocols} (what the runs ran with)
     * where the job wrote it, else from the job's configuration (sweeps that predate the table).
     */
    private RunDescription described(RunDescription run, String name) {
        Map<String, String> settings = protocolSettings.getOrDefault(name, Map.of());
        return settings.isEmpty() ? run.forProtocol(name) : run.withTrainSettings(settings);
    }

    /** Whether this directory holds the table. */
    public boolean has(String table) {
        return tables.contains(table);
    }

    /** Whether this directory holds all the tables. */
    public boolean hasAll(List<ResultTable> contracts) {
        return contracts.stream().allMatch(c -> tables.contains(c.name()));
    }

    /**
     * The table, checked against its contract (tables that predate the {@code protocol} column get
     * it, as {@value #DEFAULT_PROTOCOL}); it must exist.
     *
     * @throws SparkTables.TableContractException if a column of the contract is missing or of another type
     */
    public Dataset<Row> read(ResultTable contract) {
        String table = contract.name();
        if (!has(table)) {
            throw new IllegalStateException("no table " + table + " in " + dir);
        }
        Dataset<Row> t = ResultStore.readTable(spark, dir.resolve(table).toString());
        SparkTables.checkRead(contract, t.schema(), PREDATED);
        if (!java.util.Arrays.asList(t.columns()).contains("protocol")) {
            return protocol.isEmpty() || protocol.equals(DEFAULT_PROTOCOL)
                    ? t.withColumn("protocol", org.apache.spark.sql.functions.lit(DEFAULT_PROTOCOL)) : t.limit(0);
        }
        return protocol.isEmpty() ? t : t.where(org.apache.spark.sql.functions.col("protocol").equalTo(protocol));
    }

    /** The table, if present, checked as {@link #read} does. */
    public Optional<Dataset<Row>> readIfPresent(ResultTable table) {
        return has(table.name()) ? Optional.of(read(table)) : Optional.empty();
    }

    /** The sentence that ends every caption: where the tables are and which job wrote them. */
    public String citation() {
        return "Source: " + displayName() + runInfo.map(i -> ", " + i.provenance()).orElse("") + ".";
    }

    /** How captions name this source: its label, or the directory name for the report directory itself. */
    public String displayName() {
        return label.isEmpty() ? String.valueOf(dir.getFileName()) : label;
    }
}
