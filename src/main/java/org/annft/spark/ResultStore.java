package org.annft.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The output directory of an experiment: one Parquet table per subdirectory,
 * {@code <out>/<table>}. Tables are written through a {@link Commit}: each is first written under
 * a hidden staging directory and moved into place only when the whole job succeeded, so a job that
 * fails midway leaves no table behind, and a reader never sees a half-written one. Works on any
 * Hadoop file system (local, HDFS, S3A), so cluster jobs can write to shared storage. The directory
 * is qualified on the driver ({@code results/x} becomes {@code file:/abs/results/x}), so a path
 * handed to executors means the same place in their working directories.
 */
public final class ResultStore {

    private static final String STAGING_PREFIX = "_staging-";

    private final SparkSession spark;
    private final Path root;
    private final boolean overwrite;

    public ResultStore(SparkSession spark, String outputDirectory, boolean overwrite) {
        this.spark = spark;
        this.root = qualified(new Path(outputDirectory), spark);
        this.overwrite = overwrite;
    }

    private static Path qualified(Path path, SparkSession spark) {
        try {
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(path);
        } catch (IOException e) {
            throw new UncheckedIOException("opening the file system of " + path, e);
        }
    }

    /** The output directory, qualified with its file system and, if it was relative, the driver's working directory. */
    public String root() {
        return root.toString();
    }

    /** Where a table lives: {@code <out>/<table>}. */
    public String tablePath(String table) {
        return new Path(root, table).toString();
    }

    private FileSystem fileSystem() {
        try {
            return root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("opening the file system of " + root, e);
        }
    }

    /** Whether the table already exists. */
    public boolean exists(String table) {
        try {
            return fileSystem().exists(new Path(root, table));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails before any work is done if a table the job will write exists and overwriting was not asked for.
     *
     * @throws IllegalArgumentException naming the table and the {@code --overwrite} option
     */
    public void checkWritable(List<String> tables) {
        if (overwrite) {
            return;
        }
        for (String table : tables) {
            if (exists(table)) {
                throw new IllegalArgumentException("result table " + tablePath(table)
                        + " exists; pass --overwrite to replace it, or choose another --out");
            }
        }
    }

    /** Reads a table back. */
    public Dataset<Row> read(String table) {
        return spark.read().parquet(tablePath(table));
    }

    /** Starts a set of writes that land together on {@link Commit#commit()}. */
    public Commit begin() {
        return new Commit();
    }

    /** Tables staged by one job; closing without {@link #commit()} discards them. */
    public final class Commit implements AutoCloseable {

        private final Path staging = new Path(root, STAGING_PREFIX + UUID.randomUUID());
        private final Map<String, Path> staged = new LinkedHashMap<>();
        private boolean done;

        private Commit() {
        }

        /** Writes a table under staging; it becomes visible at {@link #commit()}. */
        public void write(String table, Dataset<Row> rows) {
            if (done) {
                throw new IllegalStateException("commit already finished");
            }
            if (staged.containsKey(table)) {
                throw new IllegalStateException("table " + table + " written twice in one commit");
            }
            Path target = new Path(staging, table);
            rows.write().mode(SaveMode.ErrorIfExists).parquet(target.toString());
            staged.put(table, target);
        }

        /**
         * Writes a small table as one file sorted by the given columns: a single partition sorted in
         * place. A global ORDER BY would first sample the rows for its range partitioning (a Spark job
         * of its own) and write a file per partition, seconds of overhead for a table of a few
         * thousand rows. Large tables (loss curves, predictions) keep ORDER BY and are written in parallel.
         */
        public void writeSorted(String table, Dataset<Row> rows, String... sortColumns) {
            Column[] order = Arrays.stream(sortColumns).map(functions::col).toArray(Column[]::new);
            write(table, rows.repartition(1).sortWithinPartitions(order));
        }

        /**
         * Writes a small table whose rows are already in the table's order (a local relation built
         * in order) as one file, without a shuffle or a sort.
         */
        public void writeInOrder(String table, Dataset<Row> rows) {
            write(table, rows.coalesce(1));
        }

        /** The output directory the tables land in (see {@link ResultStore#root()}). */
        public String root() {
            return ResultStore.this.root();
        }

        /** Tables written so far, in order. */
        public List<String> tables() {
            return new ArrayList<>(staged.keySet());
        }

        /** Moves every staged table into place (replacing old ones only when overwriting). */
        public void commit() {
            FileSystem fs = fileSystem();
            try {
                checkWritable(tables());
                for (Map.Entry<String, Path> e : staged.entrySet()) {
                    Path target = new Path(root, e.getKey());
                    if (fs.exists(target)) {
                        fs.delete(target, true);
                    }
                    if (!fs.rename(e.getValue(), target)) {
                        throw new IOException("could not move " + e.getValue() + " to " + target);
                    }
                }
                done = true;
            } catch (IOException e) {
                throw new UncheckedIOException("committing results under " + root, e);
            } finally {
                deleteStaging(fs);
            }
        }

        @Override
        public void close() {
            if (!done) {
                deleteStaging(fileSystem());
                done = true;
            }
        }

        private void deleteStaging(FileSystem fs) {
            try {
                fs.delete(staging, true);
            } catch (IOException e) {
                // Best effort: a leftover hidden staging directory is ignored by readers.
            }
        }
    }
}
