package org.annft.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one place annft creates its Spark session: application name, Kryo serialization, quiet logs,
 * and Spark's console progress bar on stderr for long stages. Under {@code spark-submit} the
 * master and resources come from the submit command; {@code master} is then null.
 */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * Gets or creates the session.
     *
     * @param appName shown in the Spark UI and cluster manager, e.g. {@code annft init-ensemble}
     * @param master a master URL such as {@code local[*]} or {@code spark://host:7077}; null keeps
     *     what {@code spark-submit} configured
     * @param showProgress whether to draw Spark's progress bar on stderr
     */
    public static SparkSession create(String appName, String master, boolean showProgress) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.ui.showConsoleProgress", showProgress)
                .config("spark.sql.session.timeZone", "UTC")
                // Small result tables: one shuffle partition per core is plenty, and keeps local runs fast.
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.adaptive.enabled", "true")
                // annft's plans are wide (many columns); printing them in full is harmless.
                .config("spark.sql.debug.maxToStringFields", "500");
        if (master != null && System.getProperty("spark.master") == null) {
            builder = builder.master(master);
            if (master.startsWith("local")) {
                builder = builder.config("spark.ui.enabled", "false")
                        .config("spark.hadoop.fs.file.impl", LocalFileSystemWithoutShell.class.getName())
                        .config("spark.driver.host", "127.0.0.1")
                        .config("spark.driver.bindAddress", "127.0.0.1");
            }
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
