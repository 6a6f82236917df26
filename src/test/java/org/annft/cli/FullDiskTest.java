package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.annft.spark.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk while a job writes its tables: one line naming the cause, no Spark trace on the
 * console, no staging directory left. The disk is {@code fulldisk:}, a local file system whose
 * writes fail as Hadoop reports a full disk (FSError).
 */
class FullDiskTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsOneLineAndLeavesNoDebris() throws Exception {
        SparkSession spark = TestSpark.session();
        org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        hadoop.set("fs.fulldisk.impl", org.apache.hadoop.fs.FullDiskFileSystem.class.getName());
        hadoop.setBoolean("fs.fulldisk.impl.disable.cache", true);
        // The lock gets written; the tables do not.
        hadoop.set("fs.fulldisk.spare", ".*_annft_lock.*");
        PrintStream saved = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CliRun cli = new CliRun();
        int code;
        try {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            code = cli.run("init-ensemble", "--config", "conf/quickstart-ensemble.conf", "--set", "ensemble.samples=200",
                    "--set", "ensemble.activations=[relu]", "--out", "fulldisk://" + dir.resolve("out"));
        } finally {
            System.setErr(saved);
            hadoop.unset("fs.fulldisk.impl");
            hadoop.unset("fs.fulldisk.spare");
        }
        assertEquals(1, code, cli.err());
        String last = cli.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("annft: failed: ") && last.contains("No space left on device"), cli.err());
        String spark4j = console.toString(StandardCharsets.UTF_8);
        assertFalse(spark4j.contains("ERROR Executor") || spark4j.contains("TaskSetManager"), spark4j);
        if (Files.exists(dir.resolve("out"))) {
            try (var entries = Files.list(dir.resolve("out"))) {
                assertFalse(entries.anyMatch(p -> p.getFileName().toString().startsWith("_staging-")), "no staging left");
            }
        }
    }

    /** A disk too full for the lock itself: still one line, not Hadoop's Error escaping the command. */
    @Test
    void aDiskTooFullForTheLockIsOneLine() {
        SparkSession spark = TestSpark.session();
        org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        hadoop.set("fs.fulldisk.impl", org.apache.hadoop.fs.FullDiskFileSystem.class.getName());
        hadoop.setBoolean("fs.fulldisk.impl.disable.cache", true);
        CliRun cli = new CliRun();
        int code;
        try {
            code = cli.run("theory", "kernel", "--activation", "relu", "--out", "fulldisk://" + dir.resolve("lock"));
        } finally {
            hadoop.unset("fs.fulldisk.impl");
        }
        assertEquals(1, code, cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("annft: failed: locking fulldisk:") && cli.err().contains("No space left on device"),
                cli.err());
    }
}
