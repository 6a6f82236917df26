package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.annft.data.BaselineFits;
import org.annft.ntk.NtkTracker;
import org.annft.predict.TrainedModel;
import org.annft.train.ParameterChanges;
import org.annft.train.TrainingResult;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run checkpoints: their format read back, damage detected, and a full disk that leaves nothing behind. */
class RunCheckpointTest {

    /** A local file system whose disk fills up after the first few bytes of every file. */
    public static final class FullDisk extends RawLocalFileSystem {
        @Override
        public FSDataOutputStream create(org.apache.hadoop.fs.Path f, FsPermission permission, boolean overwrite,
                                         int bufferSize, short replication, long blockSize, Progressable progress)
                throws IOException {
            return full(super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
        }

        @Override
        public FSDataOutputStream create(org.apache.hadoop.fs.Path f, boolean overwrite, int bufferSize,
                                         short replication, long blockSize, Progressable progress) throws IOException {
            return full(super.create(f, overwrite, bufferSize, replication, blockSize, progress));
        }

        private static FSDataOutputStream full(OutputStream real) {
            return new FSDataOutputStream(new OutputStream() {
                private int written;

                @Override
                public void write(int b) throws IOException {
                    if (++written > 16) {
                        throw new IOException("No space left on device");
                    }
                    real.write(b);
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            }, null);
        }
    }

    @TempDir
    Path dir;

    @Test
    void aFullDiskLeavesNoTemporaryFile() throws IOException {
        Configuration conf = new Configuration(false);
        conf.set("fs.file.impl", FullDisk.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        RunCheckpoint c = sample("identity");
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> c.write(dir.toUri().toString(), "run-1.run", conf));
        assertTrue(String.valueOf(e.getCause().getMessage()).contains("No space left on device"), e.toString());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no checkpoint and no temporary file");
        }
    }

    /** A checkpoint of a diverged run with a loss curve, two layers, predictions and fits. */
    private static RunCheckpoint sample(String identity) {
        TrainingResult result = new TrainingResult(TrainingResult.Status.DIVERGED, OptionalInt.of(40), 41, 12.5,
                Double.NaN, 3.25, 3.0, 4.5, 1.75, List.of(new TrainingResult.LossPoint(0, 12.5),
                        new TrainingResult.LossPoint(20, 7.0)), new ParameterChanges(List.of(
                        new ParameterChanges.LayerChange(1, 2, 8, false, 1, 2, 3, 4, 5, 6, 7, 8),
                        new ParameterChanges.LayerChange(2, 8, 8, true, -1, 0.5, Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0))),
                "bundled OpenBLAS dgemm");
        return new RunCheckpoint(identity, -7L, 30, 10, result, new double[] {1.5, -2.5, 3e300}, new double[] {0.25, 0},
                new BaselineFits(16.5, 100.25), 3, List.of(new NtkTracker.Snapshot(0, 4.5, 0, 4.0, 0, 0.25),
                        new NtkTracker.Snapshot(41, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -0.5)),
                new TrainedModel("tanh", "zn-pairing", new double[] {0, 1}, new double[] {118, 177},
                        List.of(new double[] {0.5, -1.5, 2, 3e-300, 1, 2, 3, 4}, new double[] {7, -8}),
                        List.of(new double[] {0.25, -0.125}, new double[] {9}), org.annft.data.Target.BINDING_ENERGY_PER_NUCLEON, 100.0, org.annft.train.Precision.FLOAT32));
    }

    /** What is written reads back field for field, bit for bit. */
    @Test
    void aCheckpointReadsBackAsWritten() throws IOException {
        Configuration conf = new Configuration(false);
        RunCheckpoint written = sample("run \u00e9 | seed=5");
        written.write(dir.toUri().toString(), "a.run", conf);
        RunCheckpoint read = RunCheckpoint.read(dir.resolve("a.run").toUri().toString(), conf);
        assertEquals(written.identity(), read.identity());
        assertEquals(written.seed(), read.seed());
        assertEquals(written.trainSize(), read.trainSize());
        assertEquals(written.testSize(), read.testSize());
        assertEquals(written.result(), read.result());
        assertTrue(java.util.Arrays.equals(written.predictionsMev(), read.predictionsMev()));
        assertTrue(java.util.Arrays.equals(written.deadUnitFractions(), read.deadUnitFractions()));
        assertEquals(written.baselines(), read.baselines());
        assertEquals(3, read.ntkNuclides());
        assertEquals(written.ntk(), read.ntk());
        assertEquals("tanh", read.model().activation());
        assertEquals(org.annft.train.Precision.FLOAT32, read.model().precision());
        assertEquals(100.0, read.model().targetScale());
        assertTrue(java.util.Arrays.equals(written.model().inputMax(), read.model().inputMax()));
        for (int l = 0; l < 2; l++) {
            assertTrue(java.util.Arrays.equals(written.model().weights().get(l), read.model().weights().get(l)));
            assertTrue(java.util.Arrays.equals(written.model().biases().get(l), read.model().biases().get(l)));
        }
        assertEquals(null, RunCheckpoint.problem(dir.resolve("a.run").toUri().toString(), written.identity(), conf));
        assertEquals("belongs to another run or data set",
                RunCheckpoint.problem(dir.resolve("a.run").toUri().toString(), "other", conf));
    }

    /**
     * A file cut short, one flipped byte, or a Java-serialized object under a checkpoint's name is
     * damaged; reading never deserializes an object.
     */
    @Test
    void aTruncatedAlteredOrForeignFileIsDamaged() throws IOException {
        Configuration conf = new Configuration(false);
        byte[] bytes = sample("id").encode();
        Path file = dir.resolve("x.run");
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        String truncated = RunCheckpoint.problem(file.toUri().toString(), "id", conf);
        assertTrue(truncated != null && truncated.startsWith("is damaged (IOException: checksum mismatch"), truncated);
        byte[] altered = bytes.clone();
        altered[40] ^= 1;
        Files.write(file, altered);
        String flipped = RunCheckpoint.problem(file.toUri().toString(), "id", conf);
        assertTrue(flipped != null && flipped.contains("checksum mismatch"), flipped);
        try (var out = new java.io.ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(java.net.URI.create("http://example.org/"));
        }
        String foreign = RunCheckpoint.problem(file.toUri().toString(), "id", conf);
        assertTrue(foreign != null && foreign.contains("not an annft run checkpoint"), foreign);
    }

    /**
     * Checkpoints are tied to the code that made them: the same run, seed, data and revision under
     * another code fingerprint has another identity and file name, and its file is refused.
     */
    @Test
    void aCheckpointOfOtherCodeIsRefused() throws IOException {
        TrainingRun run = SweepSettings.fromConfig(org.annft.config.AnnftConfig.defaults()).runs().get(0);
        String made = RunCheckpoint.identity(run, 1, "data", "0.1.0 (abc-dirty)|code=aaaaaaaaaaaaaaaa");
        String now = RunCheckpoint.identity(run, 1, "data", "0.1.0 (abc-dirty)|code=bbbbbbbbbbbbbbbb");
        assertTrue(!made.equals(now));
        assertTrue(!RunCheckpoint.fileName(run, made).equals(RunCheckpoint.fileName(run, now)), "a rerun looks elsewhere");
        Configuration conf = new Configuration(false);
        Path file = dir.resolve(RunCheckpoint.fileName(run, made));
        Files.write(file, sample(made).encode());
        assertEquals(null, RunCheckpoint.problem(file.toUri().toString(), made, conf));
        assertEquals("belongs to another run or data set", RunCheckpoint.problem(file.toUri().toString(), now, conf));
    }

    /**
     * A full disk while a checkpoint is written: an I/O failure naming the checkpoint (not Hadoop's
     * FSError, an Error that escapes handlers of exceptions), and no temporary file left behind.
     */
    @Test
    void aFullDiskIsAnIoFailureAndLeavesNoDebris() throws IOException {
        String directory = "fulldisk://" + dir.toAbsolutePath() + "/runs";
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> sample("id").write(directory, "a.run", org.apache.hadoop.fs.FullDiskFileSystem.configuration()));
        assertTrue(e.getMessage().startsWith("writing run checkpoint fulldisk:") && e.getMessage().endsWith(
                "a.run: java.io.IOException: No space left on device"), e.getMessage());
        try (var files = Files.list(dir.resolve("runs"))) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).toList(), "no debris");
        }
    }

    /** The identity hashes the run's canonical settings: any setting that changes the run changes it. */
    @Test
    void theIdentityIsAHashOfTheCanonicalSettings() {
        List<TrainingRun> runs = SweepSettings.fromConfig(org.annft.config.AnnftConfig.load(java.util.Optional.empty(),
                List.of("sweep.widths=[10, 20]", "sweep.runs=2"))).runs();
        TrainingRun run = runs.get(0);
        String identity = RunCheckpoint.identity(run, 1, "d", "v");
        assertTrue(identity.matches("run-sha256:[0-9a-f]{64}"), identity);
        assertEquals(identity, RunCheckpoint.identity(new TrainingRun(run.activation(), run.width(), run.depth(),
                run.mode(), run.protocol(), run.run()), 1, "d", "v"), "an equal run, the same identity");
        java.util.Set<String> identities = new java.util.HashSet<>();
        for (TrainingRun r : runs) {
            identities.add(RunCheckpoint.identity(r, 1, "d", "v"));
        }
        assertEquals(runs.size(), identities.size(), "every run of the grid its own");
        List<String> variants = List.of(
                RunCheckpoint.identity(run, 2, "d", "v"),
                RunCheckpoint.identity(run, 1, "e", "v"),
                RunCheckpoint.identity(run, 1, "d", "w"),
                RunCheckpoint.identity(new TrainingRun(run.activation(), run.width(), run.depth(), run.mode(),
                        run.protocol().withBatchSize(0), run.run()), 1, "d", "v"),
                RunCheckpoint.identity(new TrainingRun(run.activation(), run.width(), run.depth(), run.mode(),
                        run.protocol().withPrecision(org.annft.train.Precision.FLOAT32), run.run()), 1, "d", "v"));
        for (String v : variants) {
            assertTrue(!v.equals(identity), v);
        }
    }
}
