package org.annft.sweep;

import java.io.IOException;
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
 * {@code <out>/_sweep_runs/} as soon as the run ends. The file name carries a hash of everything
 * that determines the run (its settings, the master seed, the data set and the annft version), so
 * an interrupted sweep rerun into the same output skips exactly the runs whose results it already
 * has. Files appear atomically (written under a temporary name, then renamed), so a run killed
 * while writing leaves no checkpoint and is trained again. File system access goes through the
 * job's Hadoop configuration (Spark's, with its {@code spark.hadoop.*} settings, shipped to the
 * executors), so checkpoints reach the same storage as the result tables (HDFS, S3A).
 */
public record RunCheckpoint(List<Row> runs, List<Row> lossCurves, List<Row> paramChanges, List<Row> predictions)
        implements java.io.Serializable {

    static final String DIRECTORY = "_sweep_runs";
    private static final String SUFFIX = ".run";

    public static RunCheckpoint of(TrainingRun.Outcome outcome) {
        List<TrainingRun.Outcome> one = List.of(outcome);
        return new RunCheckpoint(TrainingTables.runsRows(one), TrainingTables.lossCurveRows(one),
                TrainingTables.paramChangeRows(one), TrainingTables.predictionRows(outcome));
    }

    /**
     * The checkpoint file name of a run: readable coordinates (the protocol name with characters other
     * than letters, digits, '.' and '-' replaced by '_') and a hash of all its inputs, the protocol's
     * name and settings included, so runs of different protocols never share a checkpoint.
     */
    public static String fileName(TrainingRun run, long masterSeed, String dataKey, String version) {
        long hash = Seeds.derive(masterSeed, run + "|" + dataKey + "|" + version, run.run());
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
            return (RunCheckpoint) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read run checkpoint " + file + ": " + e.getMessage(), e);
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
