package org.annft.sweep;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.annft.config.Seeds;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/**
 * The rows one finished run contributes to the sweep's tables, stored as one file under
 * {@code <out>/_sweep_runs/} as soon as the run ends. The file carries the run's identity, a string
 * of everything that determines the run (its settings, the master seed, the data set's content
 * fingerprint and the annft version), and its name a hash of it, so an interrupted sweep rerun into
 * the same output skips exactly the runs whose results it already has; a checkpoint is used only
 * after it has been read back whole with the identity its name promises ({@link #problem}), so a
 * damaged file or another run's file is trained again, never used. Files appear atomically (written
 * under a temporary name, then renamed), so a run killed while writing leaves no checkpoint. Reading
 * admits only the classes a checkpoint holds (an {@link ObjectInputFilter}), not arbitrary objects. File system access goes through the
 * job's Hadoop configuration (Spark's, with its {@code spark.hadoop.*} settings, shipped to the
 * executors), so checkpoints reach the same storage as the result tables (HDFS, S3A).
 */
public record RunCheckpoint(String identity, List<Row> runs, List<Row> lossCurves, List<Row> paramChanges,
                            List<Row> predictions) implements java.io.Serializable {

    static final String DIRECTORY = "_sweep_runs";
    private static final String SUFFIX = ".run";

    /**
     * The classes a checkpoint is made of: this record, Java's lists and boxed numbers, Spark's rows
     * and the Scala collections inside them, primitive arrays; anything else is refused.
     */
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;org.annft.sweep.RunCheckpoint;java.util.*;java.lang.*;"
            + "org.apache.spark.sql.catalyst.expressions.GenericRow;"
            + "org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;org.apache.spark.sql.types.**;"
            + "scala.collection.**;scala.runtime.*;scala.math.*;scala.Tuple2;scala.None$;scala.Some;!*");

    /**
     * What a checkpoint must say it is: the run's settings, the master seed, the data set's content
     * fingerprint and the annft version.
     */
    public static String identity(TrainingRun run, long masterSeed, String dataFingerprint, String version) {
        return run + "|seed=" + masterSeed + "|data=" + dataFingerprint + "|annft=" + version;
    }

    public static RunCheckpoint of(String identity, TrainingRun.Outcome outcome) {
        List<TrainingRun.Outcome> one = List.of(outcome);
        return new RunCheckpoint(identity, TrainingTables.runsRows(one), TrainingTables.lossCurveRows(one),
                TrainingTables.paramChangeRows(one), TrainingTables.predictionRows(outcome));
    }

    /**
     * The checkpoint file name of a run: readable coordinates (the protocol name with characters other
     * than letters, digits, '.' and '-' replaced by '_') and a hash of all its inputs, the protocol's
     * name and settings included, so runs of different protocols never share a checkpoint.
     */
    public static String fileName(TrainingRun run, String identity) {
        long hash = Seeds.derive(0, identity, run.run());
        return String.format(Locale.ROOT, "%s-%s-%s-n%d-d%d-r%d-%016x%s", run.activation().replace(':', '_'), run.label(),
                run.protocol().replaceAll("[^A-Za-z0-9.-]", "_"), run.width(), run.depth(), run.run(), hash, SUFFIX);
    }

    /** Writes the checkpoint atomically into {@code directory}. */
    public void write(String directory, String name, Configuration hadoop) {
        Path dir = new Path(directory);
        Path target = new Path(dir, name);
        Path temporary = new Path(dir, "." + name + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            FileSystem fs = dir.getFileSystem(hadoop);
            fs.mkdirs(dir);
            try (FSDataOutputStream stream = fs.create(temporary, true);
                 ObjectOutputStream out = new ObjectOutputStream(stream)) {
                out.writeObject(this);
            } catch (IOException | RuntimeException e) {
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
        }
    }

    /** Reads a checkpoint. */
    public static RunCheckpoint read(String file, Configuration hadoop) {
        Path path = new Path(file);
        try (ObjectInputStream in = new ObjectInputStream(path.getFileSystem(hadoop).open(path))) {
            in.setObjectInputFilter(CLASSES);
            return (RunCheckpoint) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("cannot read run checkpoint " + file + ": " + e, e);
        }
    }

    /**
     * Why the checkpoint {@code file} cannot be used for the run of {@code identity} (it is
     * unreadable, truncated, holds other classes, or belongs to another run), or null when it can.
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
        if (c.runs() == null || c.runs().size() != 1 || c.lossCurves() == null || c.paramChanges() == null
                || c.predictions() == null) {
            return "is incomplete";
        }
        return null;
    }

    /** Deletes the checkpoint {@code name} in {@code directory}, if it is there. */
    static void delete(String directory, String name, Configuration hadoop) {
        Path path = new Path(new Path(directory), name);
        try {
            path.getFileSystem(hadoop).delete(path, false);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting run checkpoint " + path, e);
        }
    }

    /** Names of the checkpoints present in {@code directory} (none if it does not exist). */
    public static Set<String> existing(String directory, Configuration hadoop) {
        Path dir = new Path(directory);
        Set<String> names = new HashSet<>();
        try {
            FileSystem fs = dir.getFileSystem(hadoop);
            if (!fs.exists(dir)) {
                return names;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                String n = s.getPath().getName();
                if (n.endsWith(SUFFIX) && !n.startsWith(".")) {
                    names.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing run checkpoints in " + directory, e);
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
