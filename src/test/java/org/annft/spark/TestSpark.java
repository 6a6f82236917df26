package org.annft.spark;

import org.apache.spark.sql.SparkSession;

/** One local Spark session shared by all tests of the JVM (starting one takes seconds). */
public final class TestSpark {

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        // Heartbeats every second (SparkConf reads spark.* system properties): tests of what running
        // tasks report need not wait the default ten.
        System.setProperty("spark.executor.heartbeatInterval", "1s");
        return SparkSessions.create("annft tests", "local[2]", false);
    }
}
