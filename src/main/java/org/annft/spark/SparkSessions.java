package org.annft.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one place annft creates its Spark session: application name, Kryo serialization, quiet logs.
 * annft prints its own one-line progress, so Spark's console progress bar is off unless asked for
 * ({@code spark.ui.showConsoleProgress=true} as a system property or {@code spark-submit --conf}).
 * In local mode Spark's web UI is off unless {@code ui} is set; then it listens on the loopback
 * address only, which Spark takes from {@code SPARK_LOCAL_IP} (jobs/annft sets it). Under
 * {@code spark-submit} the master, resources and UI come from the submit command; {@code master}
 * is then null.
 */
public final class SparkSessions {

    /** The environment variable Spark's web UI binds to (0.0.0.0 when unset). */
    public static final String LOCAL_IP_VARIABLE = "SPARK_LOCAL_IP";

    private SparkSessions() {
    }

    /**
     * Gets or creates the session.
     *
     * @param appName shown in the Spark UI and cluster manager, e.g. {@code annft init-ensemble}
     * @param master a master URL such as {@code local[*]} or {@code spark://host:7077}; null keeps
     *     what {@code spark-submit} configured
     * @param ui whether to start Spark's web UI in local mode
     * @throws IllegalArgumentException if the UI is asked for in local mode while
     *     {@code SPARK_LOCAL_IP} is not 127.0.0.1 (it would listen on every interface)
     */
    public static SparkSession create(String appName, String master, boolean ui) {
        boolean submitted = System.getProperty("spark.master") != null;
        Map<String, String> settings = settings(submitted ? null : master, ui,
                System.getProperty("spark.ui.showConsoleProgress"), System.getenv(LOCAL_IP_VARIABLE));
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            builder = builder.config(e.getKey(), e.getValue());
        }
        if (master != null && !submitted) {
            requireReachable(master, 3000);
            builder = builder.master(master);
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        if (master != null && master.startsWith("local") && !submitted) {
            quietTaskFailures();
        }
        return spark;
    }

    /** The master URLs Spark accepts (checked here so that a typo is one line of bad input, not a trace). */
    static boolean isMasterUrl(String master) {
        return master.matches("local(\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?\\])?")
                || master.matches("local-cluster\\[[1-9]\\d*,\\s*[1-9]\\d*,\\s*[1-9]\\d*\\]")
                || master.matches("spark://[^\\s/]+(:\\d+)?(,[^\\s/]+(:\\d+)?)*") || master.equals("yarn")
                || master.matches("k8s://\\S+");
    }

    /**
     * The settings {@link #create} gives the session.
     *
     * @param master the master URL annft sets, or null under {@code spark-submit}
     * @param progressBar the user's {@code spark.ui.showConsoleProgress}, or null (then off)
     * @param localIp the value of {@code SPARK_LOCAL_IP}, or null
     */
    static Map<String, String> settings(String master, boolean ui, String progressBar, String localIp) {
        if (master != null && !isMasterUrl(master)) {
            throw new org.annft.config.BadInputException("--master " + master + ": not a Spark master URL (local, local[N] with N >= 1, "
                    + "local[*], local[N,F], spark://HOST:PORT, yarn, k8s://URL)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        settings.put("spark.ui.showConsoleProgress", progressBar != null ? progressBar : "false");
        settings.put("spark.sql.session.timeZone", "UTC");
        // Small result tables: one shuffle partition per core is plenty, and keeps local runs fast.
        settings.put("spark.sql.shuffle.partitions", "8");
        settings.put("spark.sql.adaptive.enabled", "true");
        // annft's plans are wide (many columns); printing them in full is harmless.
        settings.put("spark.sql.debug.maxToStringFields", "500");
        boolean loopbackMaster = master != null && master.matches("spark://(127\\.0\\.0\\.1|localhost)(:\\d+)?");
        if (master != null && ui && !"127.0.0.1".equals(localIp)) {
            // Spark's web UI listens on SPARK_LOCAL_IP, every interface when it is unset.
            throw new org.annft.config.BadInputException("--ui needs " + LOCAL_IP_VARIABLE + "=127.0.0.1 so that the web UI"
                    + " listens on the loopback address only (jobs/annft sets it for local and loopback masters); for a"
                    + " remote cluster use its own UI and its access controls");
        }
        if (master != null && ui && !master.startsWith("local") && !loopbackMaster) {
            throw new org.annft.config.BadInputException("--ui with the remote master " + master + ": a driver on the"
                    + " loopback address cannot serve a remote cluster; use the cluster's own UI and its access controls");
        }
        if (master != null && master.startsWith("local")) {
            settings.put("spark.ui.enabled", Boolean.toString(ui));
            settings.put("spark.hadoop.fs.file.impl", LocalFileSystemWithoutShell.class.getName());
            settings.put("spark.driver.host", "127.0.0.1");
            settings.put("spark.driver.bindAddress", "127.0.0.1");
            // The driver's ports take frames only from this job: other local users cannot reach Spark's
            // RPC decoder without the secret, which lives in this JVM only.
            settings.put("spark.authenticate", "true");
            settings.put("spark.authenticate.secret", secret());
        } else if (master != null) {
            // A cluster master given to annft directly: the web UI only when asked for, and a master
            // on this host's loopback keeps the driver there too (a remote cluster must reach the
            // driver, so there Spark's own address choice stays).
            settings.put("spark.ui.enabled", Boolean.toString(ui));
            if (loopbackMaster) {
                settings.put("spark.driver.host", "127.0.0.1");
                settings.put("spark.driver.bindAddress", "127.0.0.1");
            }
        }
        return settings;
    }

    /** A fresh random secret for one job's Spark RPC (256 bits, hex). */
    private static String secret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /**
     * For a standalone master ({@code spark://host:port[,host:port...]}), that one of its hosts takes a
     * connection within {@code timeoutMillis}: an unreachable master is refused in one line at once,
     * not after Spark's minute of retries.
     *
     * @throws org.annft.config.BadInputException naming the master and why no host answered
     */
    static void requireReachable(String master, int timeoutMillis) {
        if (!master.startsWith("spark://")) {
            return;
        }
        List<String> failures = new java.util.ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(host, port), timeoutMillis);
                return;
            } catch (java.io.IOException e) {
                failures.add(hostPort + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        throw new org.annft.config.BadInputException("--master " + master + ": no master answers (" + String.join("; ", failures)
                + "); start the cluster (jobs/cluster-local start) or check the URL");
    }

    /**
     * Loggers that, in local mode, repeat a failed task's whole stack trace several times on the
     * console (the task, its executor, the scheduler, the writer). A task that fails there fails the
     * job, and annft reports that in one line with the trace in its log file; on a cluster they stay,
     * since retries and lost executors are worth seeing.
     */
    static final List<String> TASK_FAILURE_LOGGERS = List.of("org.apache.spark.executor.Executor",
            "org.apache.spark.scheduler.TaskSetManager", "org.apache.spark.sql.execution.datasources.FileFormatWriter",
            "org.apache.spark.util.Utils");

    private static void quietTaskFailures() {
        for (String logger : TASK_FAILURE_LOGGERS) {
            org.apache.logging.log4j.core.config.Configurator.setLevel(logger, org.apache.logging.log4j.Level.OFF);
        }
    }
}
