package org.annft.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.annft.config.Seeds;
import org.annft.spark.RowsFile;
import org.annft.table.ResultTable;
import org.annft.table.ResultTables;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/**
 * What one finished run produced: its rows of the sweep's tables ({@link #TABLES}: {@code runs},
 * {@code loss_curves}, {@code param_changes}, {@code ntk_changes}, {@code models} and the
 * predictions by nuclide index), stored as one file under {@code <out>/_sweep_runs/} as soon as the
 * run ends, and read back when the tables are written. The file carries the run's identity, a hash of
 * everything that determines the run (its canonical settings, the master seed, the data set's content
 * fingerprint, the annft version and the fingerprint of its classes,
 * {@link org.annft.AnnftVersion#codeFingerprint}; {@link #identity}), and its name a hash of it, so an
 * interrupted sweep rerun into the same output skips exactly the runs whose results it already has; a
 * checkpoint is used only after it has been read back whole and found to hold the identity its name
 * promises ({@link #problem}), so a damaged file or another run's file is trained again, never used.
 * Files appear atomically (written under a temporary name, then renamed), so a run killed while
 * writing leaves no checkpoint.
 *
 * <p>The file is a {@link RowsFile}: one Parquet record made from the tables' own contracts, so a
 * column added to a table is checkpointed with no change here. File system access goes through the
 * job's Hadoop configuration (Spark's, with its {@code spark.hadoop.*} settings, shipped to the
 * executors), so checkpoints reach the same storage as the result tables (HDFS, S3A).
 *
 * @param identity the run's identity ({@link #identity})
 * @param rows     the run's rows of each table of {@link #TABLES}
 */
public record RunCheckpoint(String identity, Map<ResultTable, List<Row>> rows) {

    /** The tables a run contributes rows to, in the order of the file. */
    static final List<ResultTable> TABLES = List.of(ResultTables.RUNS, ResultTables.LOSS_CURVES,
            ResultTables.PARAM_CHANGES, ResultTables.NTK_CHANGES, ResultTables.MODELS, TrainingTables.PREDICTIONS_BY_INDEX);


    static final String DIRECTORY = "_sweep_runs";
    private static final String SUFFIX = ".run";
    /** Larger files are not checkpoints (the largest holds a loss curve, a model and a prediction per nuclide). */
    private static final long MAX_BYTES = 256L << 20;

    /**
     * What a checkpoint must say it is: {@code run-sha256:} and the SHA-256 of the run's canonical
     * settings ({@link TrainingRun#settings()}, one {@code key=value} line each, in their fixed order),
     * the master seed, the data set's content fingerprint and the annft version with its code
     * fingerprint. A setting added to the protocol changes it; the text of a record does not.
     */
    public static String identity(TrainingRun run, long masterSeed, String dataFingerprint, String version) {
        StringBuilder canonical = new StringBuilder();
        run.settings().forEach((key, value) -> canonical.append(key).append('=').append(value).append('\n'));
        canonical.append("seed=").append(masterSeed).append('\n').append("data=").append(dataFingerprint).append('\n')
                .append("annft=").append(version).append('\n');
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "run-sha256:" + java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The checkpoint of a run's outcome: its rows of every table of {@link #TABLES}. */
    public static RunCheckpoint of(String identity, TrainingRun.Outcome outcome) {
        List<TrainingRun.Outcome> one = List.of(outcome);
        Map<ResultTable, List<Row>> rows = new LinkedHashMap<>();
        rows.put(ResultTables.RUNS, TrainingTables.runsRows(one));
        rows.put(ResultTables.LOSS_CURVES, TrainingTables.lossCurveRows(one));
        rows.put(ResultTables.PARAM_CHANGES, TrainingTables.paramChangeRows(one));
        rows.put(ResultTables.NTK_CHANGES, TrainingTables.ntkChangeRows(one));
        rows.put(ResultTables.MODELS, TrainingTables.modelRows(one));
        rows.put(TrainingTables.PREDICTIONS_BY_INDEX, TrainingTables.predictionRows(outcome));
        return new RunCheckpoint(identity, rows);
    }

    /** The run's rows of {@code table}, one of {@link #TABLES}. */
    public List<Row> rows(ResultTable table) {
        return rows(table.name());
    }

    /** The run's rows of the table named {@code table}, one of {@link #TABLES}. */
    public List<Row> rows(String table) {
        for (Map.Entry<ResultTable, List<Row>> e : rows.entrySet()) {
            if (e.getKey().name().equals(table)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("a run checkpoint holds no table " + table);
    }

    /**
     * The checkpoint file name of a run: readable coordinates (the protocol name with characters other
     * than letters, digits, '.' and '-' replaced by '_') and a hash of all its inputs, the protocol's
     * name and settings included, so runs of different protocols never share a checkpoint.
     */
    public static String fileName(TrainingRun run, String identity) {
        long hash = Seeds.derive(0, identity, run.run());
        return String.format(Locale.ROOT, "%s-%s-%s-n%d-d%d-r%d-%016x%s", run.activation().replace(':', '_'),
                run.mode().configName(), run.protocol().name().replaceAll("[^A-Za-z0-9.-]", "_"), run.width(), run.depth(), run.run(), hash, SUFFIX);
    }

    /** Writes the checkpoint atomically into {@code directory}. */
    public void write(String directory, String name, Configuration hadoop) {
        Path dir = new Path(directory);
        Path target = new Path(dir, name);
        Path temporary = new Path(dir, "." + name + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            FileSystem fs = dir.getFileSystem(hadoop);
            fs.mkdirs(dir);
            try {
                RowsFile.write(temporary, hadoop, identity, rows);
            } catch (IOException | RuntimeException | FSError e) {
                // A full disk: no half-written temporary file is left behind.
                fs.delete(temporary, false);
                throw e;
            }
            // A duplicate attempt of the same run wrote the same rows: keep the first.
            if (!fs.rename(temporary, target)) {
                fs.delete(temporary, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing run checkpoint " + target, e);
        } catch (FSError e) {
            // Hadoop's local file system reports a failed write (a full disk) as an Error; it is an I/O failure.
            throw new UncheckedIOException("writing run checkpoint " + target + ": " + e.getMessage(),
                    e.getCause() instanceof IOException io ? io : new IOException(e));
        }
    }

    /**
     * Reads a checkpoint.
     *
     * @throws IllegalStateException if the file cannot be read or is not a whole checkpoint
     */
    public static RunCheckpoint read(String file, Configuration hadoop) {
        Path path = new Path(file);
        try {
            long length = path.getFileSystem(hadoop).getFileStatus(path).getLen();
            if (length > MAX_BYTES) {
                throw new IOException(length + " bytes is no checkpoint");
            }
            RowsFile.Contents contents = RowsFile.read(path, hadoop, TABLES);
            return new RunCheckpoint(contents.key(), contents.rows());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read run checkpoint " + file + ": " + e, e);
        }
    }

    /**
     * Why the checkpoint {@code file} cannot be used for the run of {@code identity} (it is
     * unreadable, truncated, not a checkpoint, or belongs to another run), or null when it can.
     */
    public static String problem(String file, String identity, Configuration hadoop) {
        RunCheckpoint c;
        try {
            c = read(file, hadoop);
        } catch (IllegalStateException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "is damaged (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
        }
        if (!identity.equals(c.identity())) {
            return "belongs to another run or data set";
        }
        return null;
    }

    /** Deletes the checkpoint {@code name} in {@code directory}, if it is there. */
    static void delete(String directory, String name, Configuration hadoop) {
        Path path = new Path(new Path(directory), name);
        try {
            path.getFileSystem(hadoop).delete(path, false);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + path, e);
        }
    }

    /** Names of the checkpoints present in {@code directory} (none if it does not exist). */
    public static Set<String> existing(String directory, Configuration hadoop) {
        return new HashSet<>(names(directory, SUFFIX, hadoop));
    }

    /** Names of the files in {@code directory} ending in {@code suffix}, hidden ones aside (none if it does not exist). */
    static List<String> names(String directory, String suffix, Configuration hadoop) {
        Path dir = new Path(directory);
        List<String> names = new ArrayList<>();
        try {
            FileSystem fs = dir.getFileSystem(hadoop);
            if (!fs.exists(dir)) {
                return names;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                String n = s.getPath().getName();
                if (n.endsWith(suffix) && !n.startsWith(".")) {
                    names.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + directory, e);
        }
        return names;
    }

    /** Paths of the given checkpoint names in a directory. */
    static List<String> paths(String directory, List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(new Path(new Path(directory), n).toString());
        }
        return out;
    }
}
