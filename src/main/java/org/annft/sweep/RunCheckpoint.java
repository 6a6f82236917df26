package org.annft.sweep;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.zip.CRC32;
import org.annft.config.Seeds;
import org.annft.data.BaselineFits;
import org.annft.ntk.NtkTracker;
import org.annft.predict.TrainedModel;
import org.annft.train.ParameterChanges;
import org.annft.train.Precision;
import org.annft.train.TrainingResult;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What one finished run produced (its {@link TrainingRun.Outcome} without the run's settings, which
 * the sweep's grid holds), stored as one file under {@code <out>/_sweep_runs/} as soon as the run
 * ends. The file carries the run's identity, a hash of everything that determines the run (its
 * canonical settings, the master seed, the data set's content fingerprint, the annft version and the
 * fingerprint of its classes, {@link org.annft.AnnftVersion#codeFingerprint}; {@link #identity}), and its
 * name a hash of it, so an interrupted sweep rerun into the same output skips exactly the runs
 * whose results it already has; a checkpoint is used only after it has been read back whole, its
 * checksum right and the identity its name promises ({@link #problem}), so a damaged file or another
 * run's file is trained again, never used. Files appear atomically (written under a temporary name,
 * then renamed), so a run killed while writing leaves no checkpoint.
 *
 * <p>The format is annft's own, typed field by field (no Java serialization, so reading a file
 * never creates an object the format does not name): the bytes {@code ANNFTRUN}, a format version,
 * the fields in the order of {@link #encode}, and a CRC-32 of everything before it. File system
 * access goes through the job's Hadoop configuration (Spark's, with its {@code spark.hadoop.*}
 * settings, shipped to the executors), so checkpoints reach the same storage as the result tables
 * (HDFS, S3A).
 */
public record RunCheckpoint(String identity, long seed, int trainSize, int testSize, TrainingResult result,
                            double[] predictionsMev, double[] deadUnitFractions, BaselineFits baselines,
                            int ntkNuclides, List<NtkTracker.Snapshot> ntk, TrainedModel model) {

    static final String DIRECTORY = "_sweep_runs";
    private static final String SUFFIX = ".run";
    private static final byte[] MAGIC = "ANNFTRUN".getBytes(StandardCharsets.US_ASCII);
    /** 4: the model's target before its target scale. */
    private static final int VERSION = 4;
    /** Larger files are not checkpoints (the largest holds a loss curve and a prediction per nuclide). */
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

    public static RunCheckpoint of(String identity, TrainingRun.Outcome outcome) {
        return new RunCheckpoint(identity, outcome.seed(), outcome.trainSize(), outcome.testSize(), outcome.result(),
                outcome.predictionsMev(), outcome.deadUnitFractions(), outcome.baselines(), outcome.ntkNuclides(),
                outcome.ntk(), outcome.model());
    }

    /** The outcome of {@code run}, which this checkpoint stores. */
    public TrainingRun.Outcome outcome(TrainingRun run) {
        return new TrainingRun.Outcome(run, seed, trainSize, testSize, result, predictionsMev, deadUnitFractions,
                baselines, ntkNuclides, ntk, model);
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
            byte[] bytes = encode();
            try (FSDataOutputStream stream = fs.create(temporary, true)) {
                stream.write(bytes);
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
        byte[] bytes;
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            long length = fs.getFileStatus(path).getLen();
            if (length > MAX_BYTES) {
                throw new IllegalStateException("cannot read run checkpoint " + file + ": " + length + " bytes is no checkpoint");
            }
            bytes = new byte[(int) length];
            try (java.io.DataInputStream in = new java.io.DataInputStream(fs.open(path))) {
                in.readFully(bytes);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read run checkpoint " + file + ": " + e, e);
        }
        try {
            return decode(bytes);
        } catch (IOException | RuntimeException e) {
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

    /** The file's bytes: magic, version, the fields, CRC-32 of all before it. */
    byte[] encode() {
        try {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.write(MAGIC);
            out.writeInt(VERSION);
            writeString(out, identity);
            out.writeLong(seed);
            out.writeInt(trainSize);
            out.writeInt(testSize);
            out.writeBoolean(result.status() == TrainingResult.Status.DIVERGED);
            out.writeInt(result.divergenceEpoch().orElse(-1));
            out.writeInt(result.epochsDone());
            for (double x : new double[] {result.initialLoss(), result.finalLoss(), result.rmsdAll(), result.rmsdTrain(),
                result.rmsdTest(), result.seconds()}) {
                out.writeDouble(x);
            }
            out.writeInt(result.lossCurve().size());
            for (TrainingResult.LossPoint p : result.lossCurve()) {
                out.writeInt(p.epoch());
                out.writeDouble(p.loss());
            }
            out.writeInt(result.parameterChanges().layers().size());
            for (ParameterChanges.LayerChange c : result.parameterChanges().layers()) {
                out.writeInt(c.layer());
                out.writeInt(c.fanIn());
                out.writeInt(c.fanOut());
                out.writeBoolean(c.isHiddenToHidden());
                for (double x : new double[] {c.initialWeightRms(), c.weightChangeRmsd(), c.relativeWeightChangeRmsd(),
                    c.scaledWeightChangeRmsd(), c.biasChangeRmsd(), c.initialWeightFrobenius(), c.weightChangeFrobenius(),
                    c.relativeWeightChangeFrobenius()}) {
                    out.writeDouble(x);
                }
            }
            writeString(out, result.gemm());
            writeDoubles(out, predictionsMev);
            writeDoubles(out, deadUnitFractions);
            out.writeDouble(baselines.linearRmsdMev());
            out.writeDouble(baselines.constantRmsdMev());
            out.writeInt(ntkNuclides);
            out.writeInt(ntk.size());
            for (NtkTracker.Snapshot s : ntk) {
                out.writeInt(s.epoch());
                for (double x : new double[] {s.frobeniusNorm(), s.frobeniusChange(), s.largestEigenvalue(),
                    s.eigenvalueChange(), s.alignment()}) {
                    out.writeDouble(x);
                }
            }
            writeString(out, model.activation());
            writeString(out, model.inputs());
            writeDoubles(out, model.inputMin());
            writeDoubles(out, model.inputMax());
            out.writeInt(model.layers());
            for (int l = 0; l < model.layers(); l++) {
                writeDoubles(out, model.weights().get(l));
                writeDoubles(out, model.biases().get(l));
            }
            writeString(out, model.target().configName());
            out.writeDouble(model.targetScale());
            writeString(out, model.precision().configName());
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(buffer.toByteArray());
            out.writeLong(crc.getValue());
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    /** The checkpoint of {@link #encode}'s bytes. */
    static RunCheckpoint decode(byte[] bytes) throws IOException {
        if (bytes.length < MAGIC.length + 4 + 8
                || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("not an annft run checkpoint");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
        in.skipNBytes(MAGIC.length);
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("checkpoint format version " + version + ", this annft reads " + VERSION);
        }
        if (crc.getValue() != java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
            throw new IOException("checksum mismatch (truncated or altered)");
        }
        String identity = readString(in);
        long seed = in.readLong();
        int trainSize = in.readInt();
        int testSize = in.readInt();
        boolean diverged = in.readBoolean();
        int divergenceEpoch = in.readInt();
        int epochsDone = in.readInt();
        double[] losses = new double[6];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = in.readDouble();
        }
        List<TrainingResult.LossPoint> curve = new ArrayList<>();
        for (int i = count(in, 12); i > 0; i--) {
            curve.add(new TrainingResult.LossPoint(in.readInt(), in.readDouble()));
        }
        List<ParameterChanges.LayerChange> layers = new ArrayList<>();
        for (int i = count(in, 77); i > 0; i--) {
            int layer = in.readInt();
            int fanIn = in.readInt();
            int fanOut = in.readInt();
            boolean hidden = in.readBoolean();
            double[] d = new double[8];
            for (int k = 0; k < d.length; k++) {
                d[k] = in.readDouble();
            }
            layers.add(new ParameterChanges.LayerChange(layer, fanIn, fanOut, hidden, d[0], d[1], d[2], d[3], d[4], d[5],
                    d[6], d[7]));
        }
        String gemm = readString(in);
        TrainingResult result = new TrainingResult(diverged ? TrainingResult.Status.DIVERGED : TrainingResult.Status.OK,
                diverged ? OptionalInt.of(divergenceEpoch) : OptionalInt.empty(), epochsDone, losses[0], losses[1],
                losses[2], losses[3], losses[4], losses[5], curve, new ParameterChanges(layers), gemm);
        double[] predictions = readDoubles(in);
        double[] dead = readDoubles(in);
        BaselineFits baselines = new BaselineFits(in.readDouble(), in.readDouble());
        int ntkNuclides = in.readInt();
        List<NtkTracker.Snapshot> ntk = new ArrayList<>();
        for (int i = count(in, 44); i > 0; i--) {
            int epoch = in.readInt();
            double[] d = new double[5];
            for (int k = 0; k < d.length; k++) {
                d[k] = in.readDouble();
            }
            ntk.add(new NtkTracker.Snapshot(epoch, d[0], d[1], d[2], d[3], d[4]));
        }
        String activation = readString(in);
        String inputs = readString(in);
        double[] inputMin = readDoubles(in);
        double[] inputMax = readDoubles(in);
        List<double[]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        for (int l = count(in, 8); l > 0; l--) {
            weights.add(readDoubles(in));
            biases.add(readDoubles(in));
        }
        String target = readString(in);
        double targetScale = in.readDouble();
        String precision = readString(in);
        TrainedModel model;
        try {
            model = new TrainedModel(activation, inputs, inputMin, inputMax, weights, biases,
                    org.annft.data.Target.parse(target), targetScale, Precision.parse(precision));
        } catch (IllegalArgumentException e) {
            throw new IOException("the saved model does not parse: " + e.getMessage(), e);
        }
        if (in.available() != 8) {
            throw new IOException((in.available() - 8) + " bytes after the last field");
        }
        return new RunCheckpoint(identity, seed, trainSize, testSize, result, predictions, dead, baselines, ntkNuclides,
                List.copyOf(ntk), model);
    }

    /** A count of entries of {@code bytesEach} bytes that the rest of the input can hold. */
    private static int count(java.io.DataInputStream in, int bytesEach) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytesEach > in.available()) {
            throw new IOException("a count of " + n + " entries does not fit the file");
        }
        return n;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(java.io.DataInputStream in) throws IOException {
        byte[] b = new byte[count(in, 1)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double x : values) {
            out.writeDouble(x);
        }
    }

    private static double[] readDoubles(java.io.DataInputStream in) throws IOException {
        double[] values = new double[count(in, 8)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
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
