package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint on a full disk: the failure says so, and no partial or temporary file stays. */
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
        RunCheckpoint c = new RunCheckpoint("identity", List.of(), List.of(), List.of(), List.of());
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> c.write(dir.toUri().toString(), "run-1.run", conf));
        assertTrue(String.valueOf(e.getCause().getMessage()).contains("No space left on device"), e.toString());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no checkpoint and no temporary file");
        }
    }

    /** Reading admits only a checkpoint's own classes: any other object in the file is refused. */
    @Test
    void aCheckpointHoldingOtherClassesIsRefused() throws IOException {
        Path file = dir.resolve("x.run");
        org.apache.spark.sql.Row foreign = org.apache.spark.sql.RowFactory.create(java.net.URI.create("http://example.org/"));
        try (var out = new java.io.ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(new RunCheckpoint("id", List.of(foreign), List.of(), List.of(), List.of()));
        }
        String problem = RunCheckpoint.problem(file.toUri().toString(), "id", new Configuration(false));
        assertTrue(problem != null && problem.startsWith("is damaged (InvalidClassException"), problem);
        // The same checkpoint with a plain row reads back.
        try (var out = new java.io.ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(new RunCheckpoint("id", List.of(org.apache.spark.sql.RowFactory.create(1.5, "ok")), List.of(),
                    List.of(), List.of()));
        }
        assertEquals(null, RunCheckpoint.problem(file.toUri().toString(), "id", new Configuration(false)));
        assertEquals("belongs to another run or data set",
                RunCheckpoint.problem(file.toUri().toString(), "other", new Configuration(false)));
    }
}
