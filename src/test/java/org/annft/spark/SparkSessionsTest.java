package org.annft.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {

    @Test
    void localModeHasNeitherProgressBarNorWebUi() {
        Map<String, String> s = SparkSessions.settings("local[2]", false, null, null);
        assertEquals("false", s.get("spark.ui.showConsoleProgress"));
        assertEquals("false", s.get("spark.ui.enabled"));
        assertEquals("127.0.0.1", s.get("spark.driver.bindAddress"));
    }

    /** --ui starts the UI only where it listens on the loopback address. */
    @Test
    void theWebUiIsOnlyStartedOnLoopback() {
        assertEquals("true", SparkSessions.settings("local[*]", true, null, "127.0.0.1").get("spark.ui.enabled"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkSessions.settings("local[*]", true, null, null));
        assertTrue(e.getMessage().contains("SPARK_LOCAL_IP=127.0.0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkSessions.settings("local[*]", true, null, "0.0.0.0"));
    }

    /** A cluster master given directly: no web UI unless asked; a loopback master keeps the driver on loopback. */
    @Test
    void clusterMastersGetNoUiAndLoopbackMastersALoopbackDriver() {
        Map<String, String> loopback = SparkSessions.settings("spark://127.0.0.1:7077", false, null, null);
        assertEquals("false", loopback.get("spark.ui.enabled"));
        assertEquals("127.0.0.1", loopback.get("spark.driver.bindAddress"));
        assertEquals("127.0.0.1", loopback.get("spark.driver.host"));
        Map<String, String> remote = SparkSessions.settings("spark://cluster.example.org:7077", false, null, null);
        assertEquals("false", remote.get("spark.ui.enabled"));
        assertFalse(remote.containsKey("spark.driver.bindAddress"));
        assertEquals("true", SparkSessions.settings("spark://127.0.0.1:7077", true, null, "127.0.0.1")
                .get("spark.ui.enabled"));
    }

    /**
     * The web UI listens on the loopback address only, whatever the master: without
     * SPARK_LOCAL_IP=127.0.0.1 it would listen on every interface, and a remote master cannot have one.
     */
    @Test
    void theUiIsRefusedWhereItWouldListenBeyondTheLoopback() {
        assertThrows(IllegalArgumentException.class, () -> SparkSessions.settings("spark://127.0.0.1:7077", true, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> SparkSessions.settings("spark://cluster.example.org:7077", true, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> SparkSessions.settings("spark://cluster.example.org:7077", true, null, "127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> SparkSessions.settings("yarn", true, null, "0.0.0.0"));
    }

    /** Local mode authenticates its RPC with a secret of its own, a new one per job. */
    @Test
    void localModeAuthenticatesWithASecretOfItsOwn() {
        Map<String, String> a = SparkSessions.settings("local[2]", false, null, null);
        Map<String, String> b = SparkSessions.settings("local[2]", false, null, null);
        assertEquals("true", a.get("spark.authenticate"));
        assertTrue(a.get("spark.authenticate.secret").matches("[0-9a-f]{64}"));
        assertNotEquals(a.get("spark.authenticate.secret"), b.get("spark.authenticate.secret"));
        assertFalse(SparkSessions.settings("spark://cluster.example.org:7077", false, null, null)
                .containsKey("spark.authenticate"), "a cluster's own security settings are not overridden");
    }

    /** A master Spark would not parse is bad input in one line, before Spark starts. */
    @Test
    void masterUrlsAreCheckedUpFront() {
        for (String good : new String[] {"local", "local[1]", "local[*]", "local[2,3]", "spark://127.0.0.1:7077",
            "spark://a:7077,b:7077", "yarn", "k8s://https://host:6443", "local-cluster[2, 1, 1024]"}) {
            assertTrue(SparkSessions.isMasterUrl(good), good);
        }
        for (String bad : new String[] {"bogus://x", "local[0]", "local[-1]", "local[x]", "spark:/x", "", "Local"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SparkSessions.settings(bad, false, null, null), bad);
            assertTrue(e.getMessage().startsWith("--master " + bad + ": not a Spark master URL"), e.getMessage());
        }
    }

    /** A progress bar the user asked for is kept; spark-submit's own UI settings are left alone. */
    @Test
    void userSettingsWin() {
        assertEquals("true", SparkSessions.settings("local[2]", false, "true", null).get("spark.ui.showConsoleProgress"));
        Map<String, String> submitted = SparkSessions.settings(null, true, null, null);
        assertFalse(submitted.containsKey("spark.ui.enabled"));
        assertEquals("false", submitted.get("spark.ui.showConsoleProgress"));
    }

    /** The tests' live session: created with these settings, it has no web UI and no progress bar. */
    @Test
    void theLiveLocalSessionHasNoUi() {
        SparkSession spark = TestSpark.session();
        assertTrue(spark.sparkContext().uiWebUrl().isEmpty());
        assertEquals("false", spark.conf().get("spark.ui.showConsoleProgress"));
    }

    /** A standalone master that does not answer is refused at once, in one line naming it. */
    @Test
    void anUnreachableMasterIsBadInputAtOnce() throws java.io.IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        long start = System.nanoTime();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkSessions.requireReachable("spark://127.0.0.1:" + port, 3000));
        assertTrue((System.nanoTime() - start) < 5e9, "at once");
        assertTrue(e.getMessage().startsWith("--master spark://127.0.0.1:" + port + ": no master answers (127.0.0.1:" + port),
                e.getMessage());
        try (java.net.ServerSocket listening = new java.net.ServerSocket(0)) {
            SparkSessions.requireReachable("spark://127.0.0.1:" + port + ",127.0.0.1:" + listening.getLocalPort(), 3000);
        }
        SparkSessions.requireReachable("local[2]", 1);
    }
}
