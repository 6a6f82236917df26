package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure that is not bad input: one line on the terminal, the trace in a log file. */
class FailureLineTest {

    @TempDir
    Path logs;

    private static Exception failure() {
        return new IllegalStateException("writing table runs failed",
                new java.io.IOException("No space left on device\nsecond line of detail"));
    }

    @Test
    void oneLineNamesTheFailureAndTheLogThatHoldsTheTrace() throws IOException {
        StringWriter err = new StringWriter();
        String line = Annft.failureLine(failure(), logs, new PrintWriter(err));
        assertEquals("", err.toString(), "nothing but the line reaches the terminal");
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("annft: failed: writing table runs failed (IOException: No space left on device)"), line);
        List<Path> files;
        try (var list = Files.list(logs)) {
            files = list.toList();
        }
        assertEquals(1, files.size());
        assertTrue(line.contains(files.get(0).toString()), line);
        String trace = Files.readString(files.get(0));
        assertTrue(trace.contains("Caused by: java.io.IOException: No space left on device")
                && trace.contains("FailureLineTest.failure"), trace);
    }

    @Test
    void withDebugTheTraceGoesToTheTerminal() {
        StringWriter err = new StringWriter();
        String line = Annft.failureLine(failure(), null, new PrintWriter(err, true));
        assertTrue(err.toString().contains("FailureLineTest.failure"), err.toString());
        assertEquals("annft: failed: writing table runs failed (IOException: No space left on device)", line);
    }

    /** The option is accepted anywhere on the command line, by every subcommand. */
    @Test
    void debugIsAnOptionOfEverySubcommand() {
        assertEquals(0, Annft.commandLine().execute("theory", "critical", "--activation", "tanh", "--debug"));
    }

    /** Throws what {@code --throw} names, as a command's internal check or input check would. */
    @picocli.CommandLine.Command(name = "fails")
    static final class Fails implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--throw")
        String kind;

        @Override
        public Integer call() {
            throw kind.equals("internal") ? new IllegalArgumentException("layer 3 has 2 columns, expected 4")
                    : new org.annft.config.BadInputException("--width must be at least 1, got 0");
        }
    }

    /**
     * Only the input exception type means bad input: an internal check's plain
     * IllegalArgumentException is a failure (exit 1, the failure line), not a user's mistake (exit 2).
     */
    @Test
    void internalChecksExitOneAndBadInputExitsTwo() {
        for (String kind : List.of("internal", "input")) {
            picocli.CommandLine cl = Annft.commandLine().addSubcommand(new Fails());
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute("fails", "--throw", kind, "--debug");
            if (kind.equals("internal")) {
                assertEquals(1, code, err.toString());
                assertTrue(err.toString().contains("annft: failed: IllegalArgumentException: layer 3 has 2 columns"),
                        err.toString());
            } else {
                assertEquals(Annft.BAD_INPUT, code, err.toString());
                assertEquals("annft: error: --width must be at least 1, got 0", err.toString().strip());
            }
        }
    }
}
