package org.annft.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.annft.AnnftVersion;
import org.annft.config.AnnftConfig;
import org.annft.config.Seeds;
import org.annft.config.Setting;
import org.annft.spark.ResultStore;
import org.annft.spark.RunInfo;
import org.annft.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one job's Spark part: starts the session, refuses to clobber existing tables, lets the body
 * stage its tables, adds {@code run_info}, and commits all of them together. Everything that can be
 * validated without Spark (config, data, settings) is validated by the command before it calls
 * {@link #run}, so bad input fails fast with nothing written.
 */
final class Job {

    /** {@code experiment}: the result directory's name, when set. */
    static final Setting<Optional<String>> EXPERIMENT = Setting.custom("experiment", "\"\"",
            (c, k) -> c.optionalString(k).isPresent() ? Optional.of(c.pathSegment(k)) : Optional.<String>empty())
            .meaning("""
            Name of the experiment. Results go to results/<experiment>/ unless --out is given;
            empty means the name of the command (e.g. `annft data` writes to results/data/).
            """);

    /** The job's work: stage tables on {@code out}. */
    @FunctionalInterface
    interface Body {
        void run(SparkSession spark, ResultStore.Commit out) throws Exception;
    }

    private Job() {
    }

    /**
     * Refuses the output directory before any work when it is on the local file system and cannot
     * take this job's tables: see {@link ResultStore#checkBeforeWork}. {@link #run} calls it before
     * Spark starts; a command with costly work before {@link #run} (the sweep's calibration) calls it first.
     */
    static void checkOutput(CommonOptions options, AnnftConfig config, String command, List<String> tables) {
        List<String> all = new ArrayList<>(tables);
        all.add("run_info");
        ResultStore.checkBeforeWork(options.outputDirectory(EXPERIMENT.read(config).orElse(command)), options.overwrite, all);
    }

    /** The local directory of an output path ({@code file:} or no scheme), else null. */
    private static java.nio.file.Path localDirectory(String outDir) {
        java.net.URI uri = new org.apache.hadoop.fs.Path(outDir).toUri();
        return uri.getScheme() == null || uri.getScheme().equals("file") ? java.nio.file.Path.of(uri.getPath()) : null;
    }

    /**
     * Removes a directory this job created if the failed job left nothing in it but its lock and
     * checksum files: nothing written. Checkpoints (a sweep's {@code _sweep_runs}) keep it.
     */
    private static void removeIfEmpty(java.nio.file.Path dir) {
        try (java.util.stream.Stream<java.nio.file.Path> entries = java.nio.file.Files.list(dir)) {
            List<java.nio.file.Path> left = entries.toList();
            boolean debris = left.stream().map(p -> p.getFileName().toString())
                    .allMatch(n -> n.equals(ResultStore.LOCK) || n.startsWith("." + ResultStore.LOCK));
            if (debris) {
                for (java.nio.file.Path p : left) {
                    java.nio.file.Files.deleteIfExists(p);
                }
                java.nio.file.Files.deleteIfExists(dir);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // The job's own failure is what the user needs to see; a directory left behind is harmless.
        }
    }

    /**
     * @param command the subcommand, e.g. {@code data}; also the default experiment name
     * @param tables the tables the job will write (besides {@code run_info}), checked up front
     * @return the output directory
     */
    static String run(CommonOptions options, AnnftConfig config, String command, List<String> tables,
                      PrintWriter err, Body body) throws Exception {
        String experiment = EXPERIMENT.read(config).orElse(command);
        String outDir = options.outputDirectory(experiment);
        checkOutput(options, config, command, tables);
        java.nio.file.Path local = localDirectory(outDir);
        boolean existed = local == null || java.nio.file.Files.exists(local);
        try {
            return run(options, config, command, experiment, outDir, tables, err, body);
        } catch (Exception | Error e) {
            if (!existed) {
                removeIfEmpty(local);
            }
            throw e;
        }
    }

    private static String run(CommonOptions options, AnnftConfig config, String command, String experiment,
            String outDir, List<String> tables, PrintWriter err, Body body) throws Exception {
        Instant started = Instant.now();
        // A session that already exists (an embedding application, the test suite) is reused and left running.
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSessions.create("annft " + command, options.master, options.ui);
        try {
            ResultStore store = new ResultStore(spark, outDir, options.overwrite);
            List<String> all = new ArrayList<>(tables);
            all.add("run_info");
            store.checkWritable(all);
            store.lock();
            try (ResultStore.Commit out = store.begin()) {
                // An interrupted commit here is completed or undone first; what it leaves must pass the checks too.
                if (store.recover() != ResultStore.Recovery.NONE) {
                    store.checkWritable(all);
                }
                body.run(spark, out);
                RunInfo info = new RunInfo(experiment, command, config.toJson(), Seeds.MASTER.read(config),
                        AnnftVersion.current(), spark.version(), spark.sparkContext().master(),
                        System.getProperty("java.version"), started, Instant.now());
                out.write("run_info", info.toTable(spark));
                List<String> written = out.tables();
                out.commit();
                err.println("wrote " + String.join(", ", written) + " to " + store.root());
                err.flush();
            } finally {
                store.unlock();
            }
            return outDir;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }
}
