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

import static org.annft.table.ResultTables.MODELS;
import static org.annft.table.ResultTables.RUNS;

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

    /** The outcome of a diverged run with a loss curve, two layers, predictions, fits and NTK snapshots. */
    private static TrainingRun.Outcome outcome() {
        TrainingRun run = SweepSettings.fromConfig(org.annft.config.AnnftConfig.defaults()).runs().get(0);
        TrainingResult result = new TrainingResult(TrainingResult.Status.DIVERGED, OptionalInt.of(40), 41, 12.5,
                Double.NaN, 3.25, 3.0, 4.5, 1.75, List.of(new TrainingResult.LossPoint(0, 12.5),
                        new TrainingResult.LossPoint(20, 7.0)), new ParameterChanges(List.of(
                        new ParameterChanges.LayerChange(1, 2, 8, false, 1, 2, 3, 4, 5, 6, 7, 8),
                        new ParameterChanges.LayerChange(2, 8, 8, true, -1, 0.5, Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0))),
                "bundled OpenBLAS dgemm \u00e9");
        return new TrainingRun.Outcome(run, -7L, 30, 10, result, new double[] {1.5, -2.5, 3e300}, new double[] {0.25, 0},
                new BaselineFits(16.5, 100.25), 3, List.of(new NtkTracker.Snapshot(0, 4.5, 0, 4.0, 0, 0.25),
                        new NtkTracker.Snapshot(41, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -0.5)),
                new TrainedModel("tanh", "zn-pairing", new double[] {0, 1}, new double[] {118, 177},
                        List.of(new double[] {0.5, -1.5, 2, 3e-300, 1, 2, 3, 4}, new double[] {7, -8}),
                        List.of(new double[] {0.25, -0.125}, new double[] {9}), org.annft.data.Target.BINDING_ENERGY_PER_NUCLEON,
                        100.0, org.annft.train.Precision.FLOAT32));
    }

    private static RunCheckpoint sample(String identity) {
        return RunCheckpoint.of(identity, outcome());
    }

    /** A row's values, arrays as lists, so that rows compare by content (Double.equals: NaN equals NaN, bit for bit). */
    private static List<List<Object>> values(List<org.apache.spark.sql.Row> rows) {
        List<List<Object>> out = new java.util.ArrayList<>();
        for (org.apache.spark.sql.Row r : rows) {
            List<Object> v = new java.util.ArrayList<>();
            for (int i = 0; i < r.length(); i++) {
                Object x = r.get(i);
                v.add(x instanceof double[] d ? java.util.Arrays.stream(d).boxed().toList() : x);
            }
            out.add(v);
        }
        return out;
    }

    /**
     * What is written reads back row for row, bit for bit, as the tables' rows of the outcome: every
     * table of the checkpoint, with NaN, infinity, subnormal-scale values, a NULL and a non-ASCII string.
     */
    @Test
    void aCheckpointReadsBackAsWritten() throws IOException {
        Configuration conf = new Configuration(false);
        RunCheckpoint written = sample("run \u00e9 | seed=5");
        written.write(dir.toUri().toString(), "a.run", conf);
        RunCheckpoint read = RunCheckpoint.read(dir.resolve("a.run").toUri().toString(), conf);
        assertEquals(written.identity(), read.identity());
        TrainingRun.Outcome o = outcome();
        List<TrainingRun.Outcome> one = List.of(o);
        assertEquals(values(TrainingTables.runsRows(one)), values(read.rows(org.annft.table.ResultTables.RUNS)));
        assertEquals(values(TrainingTables.lossCurveRows(one)), values(read.rows(org.annft.table.ResultTables.LOSS_CURVES)));
        assertEquals(values(TrainingTables.paramChangeRows(one)), values(read.rows(org.annft.table.ResultTables.PARAM_CHANGES)));
        assertEquals(values(TrainingTables.ntkChangeRows(one)), values(read.rows(org.annft.table.ResultTables.NTK_CHANGES)));
        assertEquals(values(TrainingTables.modelRows(one)), values(read.rows(org.annft.table.ResultTables.MODELS)));
        assertEquals(values(TrainingTables.predictionRows(o)), values(read.rows(TrainingTables.PREDICTIONS_BY_INDEX)));
        // The sample's content, seen through the rows: a diverged run, two layers, three predictions.
        org.apache.spark.sql.Row runRow = read.rows(RUNS).get(0);
        assertEquals("diverged", runRow.get(RUNS.index("status")));
        assertEquals(40, runRow.get(RUNS.index("divergence_epoch")));
        assertTrue(Double.isNaN((Double) runRow.get(RUNS.index("final_loss"))));
        assertEquals(2, read.rows(MODELS).size());
        assertEquals(3e-300, ((double[]) read.rows(MODELS).get(0).get(MODELS.index("weights")))[3]);
        assertEquals(List.of(1.5, -2.5, 3e300), read.rows(TrainingTables.PREDICTIONS_BY_INDEX).stream()
                .map(r -> (Double) r.get(TrainingTables.PREDICTIONS_BY_INDEX.index("prediction_mev"))).toList());
        assertEquals(null, RunCheckpoint.problem(dir.resolve("a.run").toUri().toString(), written.identity(), conf));
        assertEquals("belongs to another run or data set",
                RunCheckpoint.problem(dir.resolve("a.run").toUri().toString(), "other", conf));
    }

    /** A NULL where a column allows it (a run that did not diverge has no divergence epoch) reads back as NULL. */
    @Test
    void aNullReadsBackAsNull() throws IOException {
        TrainingRun.Outcome d = outcome();
        TrainingResult r = d.result();
        TrainingRun.Outcome ok = new TrainingRun.Outcome(d.run(), d.seed(), d.trainSize(), d.testSize(),
                new TrainingResult(TrainingResult.Status.OK, OptionalInt.empty(), r.epochsDone(), r.initialLoss(),
                        r.finalLoss(), r.rmsdAll(), r.rmsdTrain(), r.rmsdTest(), r.seconds(), r.lossCurve(),
                        r.parameterChanges(), r.gemm()), d.predictionsMev(), d.deadUnitFractions(), d.baselines(),
                d.ntkNuclides(), d.ntk(), d.model());
        Configuration conf = new Configuration(false);
        RunCheckpoint.of("id", ok).write(dir.toUri().toString(), "b.run", conf);
        org.apache.spark.sql.Row row = RunCheckpoint.read(dir.resolve("b.run").toUri().toString(), conf)
                .rows(RUNS).get(0);
        assertTrue(row.isNullAt(RUNS.index("divergence_epoch")));
        assertEquals("ok", row.get(RUNS.index("status")));
    }

    /**
     * A file cut short, a Java-serialized object under a checkpoint's name, or any single flipped byte
     * never reads as other rows: it is damaged, or (a flip in bytes no value depends on, such as the
     * footer's statistics) it reads back as written. The file's own checksum (Hadoop's {@code .crc})
     * is removed first, so what is tested is the format's own protection: Parquet's page CRCs and footer.
     */
    @Test
    void aTruncatedAlteredOrForeignFileIsDamaged() throws IOException {
        Configuration conf = new Configuration(false);
        sample("id").write(dir.toUri().toString(), "w.run", conf);
        Files.deleteIfExists(dir.resolve(".w.run.crc"));
        byte[] bytes = Files.readAllBytes(dir.resolve("w.run"));
        List<List<List<Object>>> written = contents(RunCheckpoint.read(dir.resolve("w.run").toUri().toString(), conf));
        Path file = dir.resolve("x.run");
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        String truncated = RunCheckpoint.problem(file.toUri().toString(), "id", conf);
        assertTrue(truncated != null && truncated.startsWith("is damaged ("), truncated);
        // About 250 bytes spread over the whole file, data pages and footer alike (a read takes milliseconds).
        int stride = Math.max(1, bytes.length / 250);
        int damaged = 0;
        int tried = 0;
        for (int at = 3; at < bytes.length; at += stride) {
            tried++;
            byte[] altered = bytes.clone();
            altered[at] ^= 0x10;
            Files.write(file, altered);
            RunCheckpoint read;
            try {
                read = RunCheckpoint.read(file.toUri().toString(), conf);
            } catch (IllegalStateException e) {
                damaged++;
                continue;
            }
            if (!read.identity().equals("id")) {
                continue; // the identity check refuses it
            }
            assertEquals(written, contents(read), "a flipped bit at byte " + at + " of " + bytes.length + " read as other rows");
        }
        assertTrue(damaged > tried / 2, damaged + " of " + tried + " flips detected");
        try (var out = new java.io.ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(java.net.URI.create("http://example.org/"));
        }
        String foreign = RunCheckpoint.problem(file.toUri().toString(), "id", conf);
        assertTrue(foreign != null && foreign.startsWith("is damaged ("), foreign);
    }

    /**
     * Values changed behind the format's back (a well-formed file whose values are not those its
     * footer's SHA-256 was computed from, as a bit flip the page checksums do not cover leaves) are refused.
     */
    @Test
    void valuesThatDoNotMatchTheirDigestAreDamaged() throws IOException {
        Configuration conf = new Configuration(false);
        TrainingRun.Outcome o = outcome();
        sample("id").write(dir.toUri().toString(), "a.run", conf);
        TrainingResult r = o.result();
        TrainingRun.Outcome changed = new TrainingRun.Outcome(o.run(), o.seed(), o.trainSize(), o.testSize(),
                new TrainingResult(r.status(), r.divergenceEpoch(), r.epochsDone(), r.initialLoss(), r.finalLoss(),
                        0.25, r.rmsdTrain(), r.rmsdTest(), r.seconds(), r.lossCurve(), r.parameterChanges(), r.gemm()),
                o.predictionsMev(), o.deadUnitFractions(), o.baselines(), o.ntkNuclides(), o.ntk(), o.model());
        RunCheckpoint.of("id", changed).write(dir.toUri().toString(), "b.run", conf);
        String a = Files.readString(dir.resolve("a.run"), java.nio.charset.StandardCharsets.ISO_8859_1);
        String b = Files.readString(dir.resolve("b.run"), java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher digest = java.util.regex.Pattern.compile("[0-9a-f]{64}").matcher(a);
        assertTrue(digest.find(), "the footer holds a SHA-256");
        java.util.regex.Matcher other = java.util.regex.Pattern.compile("[0-9a-f]{64}").matcher(b);
        assertTrue(other.find() && !other.group().equals(digest.group()), "other values, another digest");
        Path spliced = dir.resolve("spliced.run");
        Files.writeString(spliced, b.replace(other.group(), digest.group()), java.nio.charset.StandardCharsets.ISO_8859_1);
        String problem = RunCheckpoint.problem(spliced.toUri().toString(), "id", conf);
        assertTrue(problem != null && problem.contains("do not match their SHA-256"), problem);
    }

    private static List<List<List<Object>>> contents(RunCheckpoint c) {
        return RunCheckpoint.TABLES.stream().map(t -> values(c.rows(t))).toList();
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
        sample(made).write(dir.toUri().toString(), file.getFileName().toString(), conf);
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
