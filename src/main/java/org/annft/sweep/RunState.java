package org.annft.sweep;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.ntk.NtkTracker;
import org.annft.train.OptimizerState;
import org.annft.train.TrainingResult;
import org.annft.train.TrainingState;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.ejml.data.DMatrixRMaj;

/**
 * The state of a run in progress ({@link TrainingState}), one file beside the finished runs'
 * {@link RunCheckpoint}s under {@code <out>/_sweep_runs/}: {@code <checkpoint name>.e<epoch>.state}.
 * As a checkpoint, it carries the run's identity ({@link RunCheckpoint#identity}) and is used only
 * after it has been read back whole, found to match the SHA-256 it ends with and to hold that
 * identity; it appears atomically (written under a temporary name, then renamed).
 *
 * <p>Binary, not a {@link org.annft.spark.RowsFile}: a wide run's state is tens of millions of
 * doubles (width 2000, depth 4, Adam: 3 x 8.0e6), which a Parquet record of one group per value
 * cannot hold in an executor's memory. Layout, big-endian ({@link DataOutputStream}): the magic and
 * the identity (modified UTF-8), the epoch, the seconds, the loss curve (count, then epoch and loss
 * per point), the NTK snapshots (count, then epoch and five doubles each), the parameters, Adam's step
 * count and whether moments follow, the two moments; each set of parameters is, per layer l = 1..l_out,
 * W^(l) and b^(l), each as rows, columns and row-major values. Then the 32 bytes of the SHA-256 of all
 * that precedes them.
 */
final class RunState {

    private static final String MAGIC = "annft run state 1";
    private static final String SUFFIX = ".state";
    private static final int DIGEST_BYTES = 32;
    /** Doubles per chunk copied between arrays and the stream. */
    private static final int CHUNK = 8192;

    private RunState() {
    }

    /** The name of the state after {@code epoch} of the run whose checkpoint is {@code checkpointName}. */
    static String fileName(String checkpointName, int epoch) {
        return checkpointName + ".e" + epoch + SUFFIX;
    }

    /**
     * Writes the state atomically into {@code directory}. An existing file of the same name holds the
     * same state (an earlier attempt of the run) and stays.
     *
     * @return the file's length in bytes
     */
    static long write(String directory, String checkpointName, String identity, TrainingState state,
                      Configuration hadoop) {
        Path dir = new Path(directory);
        Path target = new Path(dir, fileName(checkpointName, state.epoch()));
        Path temporary = new Path(dir, "." + target.getName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            FileSystem fs = dir.getFileSystem(hadoop);
            fs.mkdirs(dir);
            try {
                MessageDigest sha = sha256();
                DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(fs.create(temporary, false),
                        1 << 16), sha);
                try (DataOutputStream out = new DataOutputStream(digest)) {
                    writeState(out, identity, state);
                    out.flush();
                    digest.on(false);
                    out.write(sha.digest());
                }
            } catch (IOException | RuntimeException | FSError e) {
                fs.delete(temporary, false);
                throw e;
            }
            if (!fs.rename(temporary, target)) {
                fs.delete(temporary, false);
            }
            return fs.getFileStatus(target).getLen();
        } catch (IOException e) {
            throw new UncheckedIOException("writing run state " + target, e);
        } catch (FSError e) {
            throw new UncheckedIOException("writing run state " + target + ": " + e.getMessage(),
                    e.getCause() instanceof IOException io ? io : new IOException(e));
        }
    }

    /**
     * Reads the state file {@code name} of the run of {@code identity}, whose network has
     * {@code architecture}.
     *
     * @throws IOException whose message says why it cannot be used: it "is damaged (...)" (unreadable,
     *     truncated, altered, not a state of this network's shape) or "belongs to another run or data set"
     */
    static TrainingState read(String directory, String name, String identity, MlpArchitecture architecture,
                              Configuration hadoop) throws IOException {
        Path path = new Path(new Path(directory), name);
        String found;
        TrainingState state;
        try {
            MessageDigest sha = sha256();
            DigestInputStream digest = new DigestInputStream(new BufferedInputStream(
                    path.getFileSystem(hadoop).open(path), 1 << 16), sha);
            try (DataInputStream in = new DataInputStream(digest)) {
                if (!MAGIC.equals(in.readUTF())) {
                    throw new IOException("not a run state");
                }
                found = in.readUTF();
                state = readState(in, architecture);
                byte[] expected = sha.digest();
                digest.on(false);
                byte[] stored = new byte[DIGEST_BYTES];
                in.readFully(stored);
                if (!MessageDigest.isEqual(expected, stored) || in.read() != -1) {
                    throw new IOException("its bytes do not match their SHA-256 (truncated or altered)");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("is damaged (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        if (!identity.equals(found)) {
            throw new IOException("belongs to another run or data set");
        }
        return state;
    }

    /** Names of the states of the run whose checkpoint is {@code checkpointName}, latest epoch first. */
    static List<String> existing(String directory, String checkpointName, Configuration hadoop) {
        String prefix = checkpointName + ".e";
        List<String> names = new ArrayList<>();
        for (String n : all(directory, hadoop)) {
            if (n.startsWith(prefix) && epoch(n, prefix) >= 0) {
                names.add(n);
            }
        }
        names.sort(Comparator.comparingInt((String n) -> epoch(n, prefix)).reversed());
        return names;
    }

    /** Deletes the state {@code name}, if it is there. */
    static void delete(String directory, String name, Configuration hadoop) {
        RunCheckpoint.delete(directory, name, hadoop);
    }

    /** Deletes the run's states of epochs before {@code epoch} (all of them for {@code Integer.MAX_VALUE}). */
    static void deleteBefore(String directory, String checkpointName, int epoch, Configuration hadoop) {
        for (String n : existing(directory, checkpointName, hadoop)) {
            if (epoch(n, checkpointName + ".e") < epoch) {
                delete(directory, n, hadoop);
            }
        }
    }

    /** Deletes every state in {@code directory}: once every run has its checkpoint, none is needed. */
    static void deleteAll(String directory, Configuration hadoop) {
        for (String n : all(directory, hadoop)) {
            delete(directory, n, hadoop);
        }
    }

    /** Names of all states in {@code directory} (none if it does not exist). */
    private static List<String> all(String directory, Configuration hadoop) {
        return RunCheckpoint.names(directory, SUFFIX, hadoop);
    }

    /** The epoch in a state's name, or -1 if the name is not {@code prefix<epoch>.state}. */
    private static int epoch(String name, String prefix) {
        if (name.length() <= prefix.length() + SUFFIX.length()) {
            return -1;
        }
        String digits = name.substring(prefix.length(), name.length() - SUFFIX.length());
        return digits.matches("[0-9]{1,9}") ? Integer.parseInt(digits) : -1;
    }

    private static void writeState(DataOutputStream out, String identity, TrainingState state) throws IOException {
        out.writeUTF(MAGIC);
        out.writeUTF(identity);
        out.writeInt(state.epoch());
        out.writeDouble(state.seconds());
        out.writeInt(state.lossCurve().size());
        for (TrainingResult.LossPoint p : state.lossCurve()) {
            out.writeInt(p.epoch());
            out.writeDouble(p.loss());
        }
        out.writeInt(state.ntk().size());
        for (NtkTracker.Snapshot s : state.ntk()) {
            out.writeInt(s.epoch());
            out.writeDouble(s.frobeniusNorm());
            out.writeDouble(s.frobeniusChange());
            out.writeDouble(s.largestEigenvalue());
            out.writeDouble(s.eigenvalueChange());
            out.writeDouble(s.alignment());
        }
        byte[] buffer = new byte[8 * CHUNK];
        writeParameters(out, state.parameters(), buffer);
        OptimizerState optimizer = state.optimizer();
        out.writeLong(optimizer.steps());
        out.writeBoolean(optimizer.firstMoment() != null);
        if (optimizer.firstMoment() != null) {
            writeParameters(out, optimizer.firstMoment(), buffer);
            writeParameters(out, optimizer.secondMoment(), buffer);
        }
    }

    private static TrainingState readState(DataInputStream in, MlpArchitecture architecture) throws IOException {
        int epoch = in.readInt();
        double seconds = in.readDouble();
        int points = in.readInt();
        List<TrainingResult.LossPoint> curve = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            curve.add(new TrainingResult.LossPoint(in.readInt(), in.readDouble()));
        }
        int snapshots = in.readInt();
        List<NtkTracker.Snapshot> ntk = new ArrayList<>();
        for (int i = 0; i < snapshots; i++) {
            ntk.add(new NtkTracker.Snapshot(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble()));
        }
        byte[] buffer = new byte[8 * CHUNK];
        Parameters parameters = readParameters(in, architecture, buffer);
        long steps = in.readLong();
        boolean moments = in.readBoolean();
        Parameters first = moments ? readParameters(in, architecture, buffer) : null;
        Parameters second = moments ? readParameters(in, architecture, buffer) : null;
        return new TrainingState(epoch, seconds, curve, ntk, parameters, new OptimizerState(steps, first, second));
    }

    private static void writeParameters(DataOutputStream out, Parameters p, byte[] buffer) throws IOException {
        for (int l = 1; l <= p.architecture().outputLayer(); l++) {
            writeMatrix(out, p.weights(l), buffer);
            writeMatrix(out, p.biases(l), buffer);
        }
    }

    private static Parameters readParameters(DataInputStream in, MlpArchitecture architecture, byte[] buffer)
            throws IOException {
        Parameters p = new Parameters(architecture);
        for (int l = 1; l <= architecture.outputLayer(); l++) {
            readMatrix(in, p.weights(l), buffer);
            readMatrix(in, p.biases(l), buffer);
        }
        return p;
    }

    private static void writeMatrix(DataOutputStream out, DMatrixRMaj m, byte[] buffer) throws IOException {
        out.writeInt(m.numRows);
        out.writeInt(m.numCols);
        int count = m.getNumElements();
        for (int i = 0; i < count; i += CHUNK) {
            int n = Math.min(CHUNK, count - i);
            ByteBuffer.wrap(buffer).asDoubleBuffer().put(m.data, i, n);
            out.write(buffer, 0, 8 * n);
        }
    }

    private static void readMatrix(DataInputStream in, DMatrixRMaj m, byte[] buffer) throws IOException {
        int rows = in.readInt();
        int cols = in.readInt();
        if (rows != m.numRows || cols != m.numCols) {
            throw new IOException("a " + rows + " x " + cols + " matrix where the network has " + m.numRows + " x "
                    + m.numCols);
        }
        int count = m.getNumElements();
        for (int i = 0; i < count; i += CHUNK) {
            int n = Math.min(CHUNK, count - i);
            in.readFully(buffer, 0, 8 * n);
            ByteBuffer.wrap(buffer).asDoubleBuffer().get(m.data, i, n);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
