package org.annft.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code annft} command lines in-process and keeps what the last one printed. */
final class CliRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs one command line and returns its exit code; what earlier runs printed is dropped. */
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = Annft.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** What the last run printed on standard output. */
    String out() {
        return out.toString();
    }

    /** What the last run printed on standard error. */
    String err() {
        return err.toString();
    }
}
