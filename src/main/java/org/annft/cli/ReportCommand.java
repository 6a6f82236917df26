package org.annft.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.annft.report.Report;
import org.annft.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annft report DIR}: the figures of the paper and an HTML page from the tables under DIR. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the HTML report of the result tables in DIR: the paper's figures and Table I.",
            "Reads DIR and its immediate subdirectories and writes DIR/report/index.html",
            "with PNG figures (paper Figs. 4-14) and Table I (also as DIR/report/table1.csv). Figures whose tables",
            "are missing are skipped with a note."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A results directory (local), e.g. results/quickstart.")
    Path dir;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master for reading the tables (default ${DEFAULT-VALUE}).")
    String master;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // Before anything touches AWT: charts are drawn without a display.
        System.setProperty("java.awt.headless", "true");
        PrintWriter err = spec.commandLine().getErr();
        Path dir = CallerDirectory.resolve(this.dir);
        if (!dir.toFile().isDirectory()) {
            throw new org.annft.config.BadInputException("report directory " + dir + " does not exist or is not a directory");
        }
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSessions.create("annft report", master, false);
        try {
            Report.Summary s = new Report().write(spark, dir.toAbsolutePath().normalize());
            err.printf(Locale.ROOT, "report: %d figures written to %s%s%n", s.figures(), s.index(),
                    s.missingTables().isEmpty() ? "" : "; tables not found: " + String.join(", ", s.missingTables()));
            err.flush();
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
        return 0;
    }
}
