package org.annft.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.annft.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/**
 * Runs a fixed sequence of annft jobs, each from its own config into its own subdirectory of one
 * output directory, then the report over that directory, on one Spark session. The first step that
 * fails stops the pipeline with its exit code. Shared by {@code quickstart} and {@code reproduce}.
 */
final class Pipeline {

    /** One job: {@code annft <command> --config <config> --out <out>/<subdirectory>}. */
    record Step(String title, String command, String config, String subdirectory) {
    }

    private final String name;
    private final CommandLine parent;
    private final String master;
    private final List<String> settings;
    private final boolean overwrite;
    private final boolean ui;
    private final String ame;

    /**
     * @param name    the command's name, the prefix of its progress lines
     * @param parent  the command line whose streams the steps write to
     * @param options master, web UI, {@code --set} overrides for every step, overwrite and AME2020 table
     */
    Pipeline(String name, CommandLine parent, PipelineOptions options) {
        this.name = name;
        this.parent = parent;
        this.master = options.master;
        this.settings = List.copyOf(options.settings);
        this.overwrite = options.overwrite;
        this.ui = options.ui;
        this.ame = options.ame;
    }

    /** Runs the steps and the report into {@code out}; prints the report's path on success. */
    int run(Path given, List<Step> steps) {
        Path out = CallerDirectory.resolve(given);
        PrintWriter err = parent.getErr();
        long start = System.nanoTime();
        SparkSession spark = SparkSessions.create("annft " + name, master, ui);
        try {
            for (Step step : steps) {
                int code = run(err, step, out.resolve(step.subdirectory()));
                if (code != 0) {
                    return code;
                }
            }
            err.println(name + ": report");
            err.flush();
            int code = subcommand().execute("report", "--master", master, out.toString());
            if (code == 0) {
                err.printf(Locale.ROOT, "%s: done in %.1f min%n", name, (System.nanoTime() - start) / 6e10);
                err.flush();
                parent.getOut().println(out.resolve("report").resolve("index.html").toAbsolutePath());
                parent.getOut().flush();
            }
            return code;
        } finally {
            spark.stop();
        }
    }

    private int run(PrintWriter err, Step step, Path target) {
        err.printf(Locale.ROOT, "%s: %s (%s) -> %s%n", name, step.title(), step.config(), target);
        err.flush();
        List<String> args = new ArrayList<>(List.of(step.command(), "--config",
                CallerDirectory.config(Path.of(step.config())).toString(),
                "--out", target.toString(), "--master", master));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        if (overwrite) {
            args.add("--overwrite");
        }
        if (ame != null) {
            args.add("--ame");
            args.add(CallerDirectory.resolve(ame));
        }
        return subcommand().execute(args.toArray(String[]::new));
    }

    /** A fresh command line writing to the parent's streams. */
    private CommandLine subcommand() {
        CommandLine cl = Annft.commandLine();
        cl.setOut(parent.getOut());
        cl.setErr(parent.getErr());
        return cl;
    }
}
