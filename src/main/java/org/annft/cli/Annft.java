package org.annft.cli;

import com.typesafe.config.ConfigException;
import java.io.PrintWriter;
import org.annft.linalg.BlasChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code annft} command. Exit codes: 0 success; 2 bad input (a {@link org.annft.config.BadInputException}
 * or an unparsable config: unknown option or key, wrong type or range, missing or malformed file), with a
 * one-line message naming what is wrong; 1 any other failure, internal checks' plain
 * {@link IllegalArgumentException}s included, with one line and its stack trace in a log.
 */
@Command(name = "annft", mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Criticality analysis of neural networks (ANNFT) on nuclear binding energies, on Apache Spark.",
        subcommands = {
            BenchCommand.class,
            DataCommand.class,
            InitEnsembleCommand.class,
            QuickstartCommand.class,
            ReproduceCommand.class,
            ReportCommand.class,
            PredictCommand.class,
            SettingsCommand.class,
            SweepCommand.class,
            TheoryCommand.class,
            TrainCommand.class,
            VersionCommand.class,
        })
public final class Annft implements Runnable {

    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = DEBUG, scope = CommandLine.ScopeType.INHERIT,
            description = "On a failure, print the stack trace instead of writing it to a log file.")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        try {
            BlasChoice.fromSettings();
        } catch (IllegalArgumentException e) {
            System.err.println("annft: error: " + e.getMessage());
            System.exit(BAD_INPUT);
        }
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line (exposed so tests can capture its output). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Annft());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (isBadInput(ex)) {
                err.println("annft: error: " + ex.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            err.println(failureLine(ex, parseResult.originalArgs().contains(DEBUG) ? null : logDirectory(), err));
            err.flush();
            return 1;
        });
        return cl;
    }

    /** The option (anywhere on the command line) that prints a failure's trace instead of logging it. */
    static final String DEBUG = "--debug";

    /** Where failure traces go: this user's own {@link FailureLog#directory}. */
    static java.nio.file.Path logDirectory() {
        return FailureLog.directory(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * One line for a failure that is not bad input: what failed, and the log file that holds its
     * trace (or, with {@code logs} null, the trace printed on {@code err} first).
     */
    static String failureLine(Throwable ex, java.nio.file.Path logs, PrintWriter err) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root.getClass().getSimpleName() + (root.getMessage() == null ? ""
                : ": " + root.getMessage().lines().findFirst().orElse(""));
        if (root != ex && ex.getMessage() != null) {
            what = ex.getMessage().lines().findFirst().orElse("") + " (" + what + ")";
        }
        if (logs == null) {
            ex.printStackTrace(err);
            return "annft: failed: " + what;
        }
        java.io.StringWriter trace = new java.io.StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        try {
            java.nio.file.Path log = FailureLog.write(logs, trace.toString());
            return "annft: failed: " + what + " (trace in " + log + "; " + DEBUG + " prints it)";
        } catch (java.io.IOException | RuntimeException e) {
            err.print(trace);
            return "annft: failed: " + what + " (the trace above: no log file could be written: " + e.getMessage() + ")";
        }
    }

    private static boolean isBadInput(Throwable ex) {
        return ex instanceof org.annft.config.BadInputException || ex instanceof ConfigException;
    }
}
