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

    /**
     * A fingerprint of the code that runs: the first 16 hex digits of SHA-256 over every
     * {@code org/annft} class file of the jar or class directory this class was loaded from, by name
     * and content in name order. Two builds of different code differ here even when they report the
     * same revision (uncommitted changes); {@code "unknown"} where the classes cannot be read.
     */
    public static String codeFingerprint() {
        return CodeFingerprint.VALUE;
    }

    /** Computed once per JVM, on first use. */
    private static final class CodeFingerprint {
        static final String VALUE = compute();

        private static String compute() {
            try {
                java.security.CodeSource source = AnnftVersion.class.getProtectionDomain().getCodeSource();
                if (source == null) {
                    return "unknown";
                }
                return fingerprint(java.nio.file.Path.of(source.getLocation().toURI()));
            } catch (java.net.URISyntaxException | RuntimeException e) {
                return "unknown";
            }
        }
    }

    /** {@link #codeFingerprint} of the classes in {@code location}, a jar or a class directory. */
    static String fingerprint(java.nio.file.Path location) {
        try {
            java.util.SortedMap<String, byte[]> classes = classFiles(location);
            if (classes.isEmpty()) {
                return "unknown";
            }
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (java.util.Map.Entry<String, byte[]> c : classes.entrySet()) {
                sha.update(c.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(c.getValue());
            }
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException | java.security.NoSuchAlgorithmException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The binary names of annft's classes ({@code org.annft.*}, nested classes included) in the jar or
     * class directory this class was loaded from, in name order.
     *
     * @throws IllegalStateException if they cannot be listed
     */
    public static java.util.List<String> classNames() {
        try {
            java.security.CodeSource source = AnnftVersion.class.getProtectionDomain().getCodeSource();
            return classFiles(java.nio.file.Path.of(source.getLocation().toURI())).keySet().stream()
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).toList();
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot list annft's classes: " + e, e);
        }
    }

    /** The {@code org/annft} class files of a jar or class directory, by path, in path order. */
    private static java.util.SortedMap<String, byte[]> classFiles(java.nio.file.Path location) throws IOException {
        java.util.SortedMap<String, byte[]> classes = new java.util.TreeMap<>();
        if (java.nio.file.Files.isDirectory(location)) {
            java.nio.file.Path root = location.resolve("org/annft");
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
                for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    classes.put(location.relativize(f).toString().replace('\\', '/'), java.nio.file.Files.readAllBytes(f));
                }
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile())) {
                for (java.util.jar.JarEntry e : java.util.Collections.list(jar.entries())) {
                    if (e.getName().startsWith("org/annft/") && e.getName().endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(e)) {
                            classes.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        return classes;
    }

    private static String clean(String s) {
        return s == null || s.isBlank() || s.startsWith("${") ? "unknown" : s;
    }
}
