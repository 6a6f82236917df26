package org.annft.cli;

import com.typesafe.config.ConfigException;
import java.io.PrintWriter;
import org.annft.nn.BlasChoice;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code annft} command. Exit codes: 0 success; 2 bad input (unknown option or config key,
 * wrong type or range, missing or malformed file), with a one-line message naming what is wrong;
 * 1 any other failure, with its stack trace.
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
            ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cl;
    }

    private static boolean isBadInput(Throwable ex) {
        return ex instanceof IllegalArgumentException || ex instanceof ConfigException;
    }
}
