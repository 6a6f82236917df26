package org.annft;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** annft's version and the code revision it was built from (recorded in every {@code run_info}). */
public record AnnftVersion(String version, String revision) {

    /** Reads the properties the build wrote into the jar. */
    public static AnnftVersion current() {
        Properties p = new Properties();
        try (InputStream in = AnnftVersion.class.getResourceAsStream("/org/annft/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Fall through to "unknown": a missing version never stops a job.
        }
        String version = clean(p.getProperty("version"));
        String revision = clean(p.getProperty("revision"));
        if (!"unknown".equals(revision) && "true".equals(p.getProperty("dirty"))) {
            revision += "-dirty";
        }
        return new AnnftVersion(version, revision);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() || s.startsWith("${") ? "unknown" : s;
    }
}
