package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.annft.spark.ResultStore;
import org.annft.spark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --out} is checked in the first second: before the sweep's calibration, before Spark starts. */
class OutputChecksTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    /** A directory another running job holds is refused before the calibration would compete with it. */
    @Test
    void aLockedOutputIsRefusedBeforeTheCalibration() throws IOException {
        Path out = Files.createDirectories(dir.resolve("held"));
        // This very process holds it: a job that runs.
        Files.writeString(out.resolve(ResultStore.LOCK), InetAddress.getLocalHost().getHostName() + "\n"
                + ProcessHandle.current().pid() + "\n2026-01-01T00:00:00Z\n");
        long start = System.nanoTime();
        assertEquals(2, cli.run("sweep", "--config", "conf/quickstart-sweep.conf", "--out", out.toString()));
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertTrue(cli.err().contains("another annft job is writing to"), cli.err());
        assertFalse(cli.err().contains("calibration") || cli.err().contains("sweep plan"), cli.err());
        assertTrue(seconds < 20, "refused after " + seconds + " s");
    }

    /** An existing result set without --overwrite, likewise. */
    @Test
    void anOccupiedOutputIsRefusedBeforeTheCalibration() throws IOException {
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve(ResultStore.MANIFEST), "runs\n");
        assertEquals(2, cli.run("sweep", "--config", "conf/quickstart-sweep.conf", "--out", out.toString()));
        assertTrue(cli.err().contains("pass --overwrite"), cli.err());
        assertFalse(cli.err().contains("sweep plan"), cli.err());
    }

    /** Names in any script work; a scheme without a file system is bad input naming it. */
    @Test
    void unicodeNamesWorkAndUnknownSchemesAreBadInput() {
        TestSpark.session();
        Path out = dir.resolve("ünï-κόσμε-日本");
        assertEquals(0, cli.run("theory", "kernel", "--activation", "relu", "--out", out.toString()), cli.err());
        assertTrue(Files.isRegularFile(out.resolve(ResultStore.MANIFEST)));
        assertEquals(2, cli.run("theory", "kernel", "--activation", "relu", "--out", "foo://bar/x"));
        assertTrue(cli.err().strip().endsWith("no file system for its scheme 'foo' (file, hdfs, s3a, ... as the cluster"
                + " provides)"), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
    }
}
