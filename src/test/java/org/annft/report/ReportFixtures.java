package org.annft.report;

import org.annft.spark.TestSpark;
import org.apache.spark.sql.SparkSession;

/** The shared test Spark session, with AWT set up for drawing without a display. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static SparkSession spark() {
        System.setProperty("java.awt.headless", "true");
        return TestSpark.session();
    }
}
