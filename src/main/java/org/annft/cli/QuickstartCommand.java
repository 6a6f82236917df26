package org.annft.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.annft.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annft quickstart}: the paper's experiments at laptop scale in one command. Runs the
 * initialization ensembles of {@code conf/quickstart-ensemble.conf} (Figs. 4, 6, 7) into
 * {@code OUT/ensemble}, the training sweep of {@code conf/quickstart-sweep.conf} (Figs. 8, 10-14,
 * Table I) into {@code OUT/sweep}, and the report into {@code OUT/report/index.html}, on one Spark
 * session.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Laptop-scale run of the paper's experiments: ensembles (conf/quickstart-ensemble.conf),",
            "a training sweep (conf/quickstart-sweep.conf) and the HTML report, under --out (default results/quickstart)."})
final class QuickstartCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/quickstart", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--ensemble-config", paramLabel = "FILE", defaultValue = "conf/quickstart-ensemble.conf",
            description = "Ensemble config (default ${DEFAULT-VALUE}).")
    String ensembleConfig;

    @Option(names = "--sweep-config", paramLabel = "FILE", defaultValue = "conf/quickstart-sweep.conf",
            description = "Sweep config (default ${DEFAULT-VALUE}).")
    String sweepConfig;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key of both steps (repeatable).")
    List<String> settings = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--ui", description = "Start Spark's web UI, on 127.0.0.1 only (off by default).")
    boolean ui;

    @Option(names = "--overwrite", description = "Replace the results of an earlier quickstart in --out.")
    boolean overwrite;

    @Option(names = "--ame", paramLabel = "PATH", description = "AME2020 mass table (before ANNFT_AME2020 and data/mass_1.mas20.txt).")
    String ame;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        SparkSession spark = SparkSessions.create("annft quickstart", master, ui);
        try {
            int code = step(err, "ensembles", "init-ensemble", ensembleConfig, out.resolve("ensemble"));
            if (code == 0) {
                code = step(err, "training sweep", "sweep", sweepConfig, out.resolve("sweep"));
            }
            if (code == 0) {
                err.println("quickstart: report");
                err.flush();
                code = subcommand().execute("report", "--master", master, out.toString());
            }
            if (code == 0) {
                err.printf(Locale.ROOT, "quickstart: done in %.1f min%n", (System.nanoTime() - start) / 6e10);
                err.flush();
                spec.commandLine().getOut().println(out.resolve("report").resolve("index.html").toAbsolutePath());
                spec.commandLine().getOut().flush();
            }
            return code;
        } finally {
            spark.stop();
        }
    }

    private int step(PrintWriter err, String title, String command, String config, Path target) {
        err.printf(Locale.ROOT, "quickstart: %s (%s) -> %s%n", title, config, target);
        err.flush();
        List<String> args = new ArrayList<>(List.of(command, "--config", config, "--out", target.toString(),
                "--master", master));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        if (overwrite) {
            args.add("--overwrite");
        }
        if (ame != null) {
            args.add("--ame");
            args.add(ame);
        }
        return subcommand().execute(args.toArray(String[]::new));
    }

    /** A fresh command line writing to this command's streams. */
    private CommandLine subcommand() {
        CommandLine cl = Annft.commandLine();
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(spec.commandLine().getErr());
        return cl;
    }
}
