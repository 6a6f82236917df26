package org.annft.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Relative paths on the command line mean the caller's working directory. {@code jobs/annft} runs
 * the JVM from the checkout and passes the directory it was called from as the system property
 * {@value #PROPERTY}, {@code jobs/submit} as the environment variable {@value #VARIABLE}; without
 * either (tests, an embedding application, a bare spark-submit) the JVM's own working directory is
 * the caller's.
 */
final class CallerDirectory {

    /** The system property jobs/annft sets to the directory it was called from. */
    static final String PROPERTY = "annft.caller.dir";

    private CallerDirectory() {
    }

    /** The environment variable jobs/submit sets to the directory it was called from (spark-submit takes no -D). */
    static final String VARIABLE = "ANNFT_CALLER_DIR";

    private static Path caller() {
        return caller(System.getProperty(PROPERTY), System.getenv(VARIABLE));
    }

    /** The caller's directory: the property, else the environment variable, else the working directory. */
    static Path caller(String property, String variable) {
        for (String dir : new String[] {property, variable}) {
            if (dir != null && !dir.isBlank()) {
                return Path.of(dir);
            }
        }
        return Path.of("").toAbsolutePath();
    }

    /**
     * An output or input path: with a URI scheme ({@code hdfs:}, {@code s3a:}, {@code file:}) or
     * absolute, as given; relative, against the caller's directory.
     */
    static String resolve(String path) {
        if (path == null || path.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*") || Path.of(path).isAbsolute()) {
            return path;
        }
        return caller().resolve(path).normalize().toString();
    }

    /** As {@link #resolve(String)}, for a local path. */
    static Path resolve(Path path) {
        return path == null || path.isAbsolute() ? path : caller().resolve(path).normalize();
    }

    /**
     * A config file: relative to the caller's directory if it is there, else relative to the
     * checkout (so {@code --config conf/fig4.conf} works from anywhere), else the caller's path, which
     * the loader then reports as not found.
     */
    static Path config(Path path) {
        if (path == null || path.isAbsolute()) {
            return path;
        }
        Path fromCaller = resolve(path);
        if (Files.exists(fromCaller) || !Files.exists(path.toAbsolutePath())) {
            return fromCaller;
        }
        return path.toAbsolutePath().normalize();
    }
}
