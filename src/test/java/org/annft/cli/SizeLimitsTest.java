package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request far beyond the paper's size is refused in its first second, with its estimate. */
class SizeLimitsTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void hugeEnsemblesAndSweepsAreRefusedWithTheirEstimate() {
        Path out = dir.resolve("out");
        assertEquals(2, cli.run("init-ensemble", "--config", "conf/quickstart-ensemble.conf",
                "--set", "ensemble.samples=2000000000", "--out", out.toString()));
        assertTrue(cli.err().contains("12 configurations x 2000000000 samples in chunks of 10000: 2400000 tasks, above the"
                + " limit of 100000; check the settings, or pass --force"), cli.err());
        assertEquals(2, cli.run("sweep", "--config", "conf/quickstart-sweep.conf",
                "--set", "train.phases=[{epochs = 2000000000, lambda-b = 0.3, lambda-w = 0.3}]", "--out", out.toString()));
        assertTrue(cli.err().contains("sweep: 16 runs: 3.20e+10 training epochs in all, above the limit of 1e+09"),
                cli.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void theLimitsAndForce() {
        SizeLimits.check("x", SizeLimits.MAX_TASKS, SizeLimits.MAX_EPOCHS, false);
        assertThrows(org.annft.config.BadInputException.class,
                () -> SizeLimits.check("x", SizeLimits.MAX_TASKS + 1, 0, false));
        assertThrows(org.annft.config.BadInputException.class, () -> SizeLimits.check("x", 1, 1.01e9, false));
        SizeLimits.check("x", Long.MAX_VALUE, Double.MAX_VALUE, true);
    }
}
