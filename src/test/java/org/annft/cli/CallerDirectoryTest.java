package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallerDirectoryTest {

    @TempDir
    Path caller;

    @AfterEach
    void clear() {
        System.clearProperty(CallerDirectory.PROPERTY);
    }

    @Test
    void relativePathsMeanTheCallersDirectory() {
        System.setProperty(CallerDirectory.PROPERTY, caller.toString());
        assertEquals(caller.resolve("relout").toString(), CallerDirectory.resolve("relout"));
        assertEquals(caller.resolve("a/b").toString(), CallerDirectory.resolve("x/../a/b"));
        assertEquals("/abs/out", CallerDirectory.resolve("/abs/out"));
        assertEquals("hdfs://namenode:8020/results/x", CallerDirectory.resolve("hdfs://namenode:8020/results/x"));
        assertEquals("file:/tmp/x", CallerDirectory.resolve("file:/tmp/x"));
        assertEquals(caller.resolve("r"), CallerDirectory.resolve(Path.of("r")));
    }

    /** jobs/annft passes the property, jobs/submit the environment variable; the property wins. */
    @Test
    void thePropertyThenTheEnvironmentVariableNameTheCaller() {
        assertEquals(Path.of("/p"), CallerDirectory.caller("/p", "/e"));
        assertEquals(Path.of("/e"), CallerDirectory.caller(null, "/e"));
        assertEquals(Path.of("/e"), CallerDirectory.caller(" ", "/e"));
        assertEquals(Path.of("").toAbsolutePath(), CallerDirectory.caller(null, ""));
    }

    @Test
    void withoutTheCallerTheWorkingDirectoryIsTheCaller() {
        assertEquals(Path.of("relout").toAbsolutePath().toString(), CallerDirectory.resolve("relout"));
    }

    /** A config in the caller's directory wins; else the checkout's conf/ file; else the caller's path. */
    @Test
    void configsAreLookedUpInTheCallersDirectoryThenTheCheckout() throws IOException {
        System.setProperty(CallerDirectory.PROPERTY, caller.toString());
        // The tests run from the checkout, which has conf/fig4.conf.
        assertEquals(Path.of("conf/fig4.conf").toAbsolutePath(), CallerDirectory.config(Path.of("conf/fig4.conf")));
        Files.createDirectories(caller.resolve("conf"));
        Path mine = Files.writeString(caller.resolve("conf/fig4.conf"), "experiment = mine\n");
        assertEquals(mine, CallerDirectory.config(Path.of("conf/fig4.conf")));
        assertEquals(caller.resolve("none.conf"), CallerDirectory.config(Path.of("none.conf")));
    }
}
