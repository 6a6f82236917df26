package org.annft.linalg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The OpenBLAS shipped in the jar ({@code org.bytedeco:openblas}, classifier {@code linux-x86_64}):
 * {@code libopenblas.so.0} and the GCC runtime it needs, extracted once per user and version into
 * {@code java.io.tmpdir} and loaded into this JVM.
 *
 * <p>The runtime libraries are loaded before OpenBLAS because the dynamic linker resolves
 * {@code libgfortran}'s own dependencies by name only (OpenBLAS's {@code $ORIGIN} run path does not
 * extend to them); a library already loaded under the same name satisfies them. {@code libgcc_s} is
 * taken from the system when it has one, as the JVM itself may already use it.
 */
final class BundledOpenBlas {

    private static final String RESOURCE_ROOT = "org/bytedeco/openblas/";
    private static final String POM_PROPERTIES = "META-INF/maven/org.bytedeco/openblas/pom.properties";

    private BundledOpenBlas() {
    }

    /** The JavaCPP platform name of this JVM (e.g. {@code linux-x86_64}), or null if none is shipped. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux")) {
            return null;
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-x86_64";
            case "aarch64" -> "linux-arm64";
            default -> null;
        };
    }

    /** The version of the shipped artifact (e.g. {@code 0.3.31-1.5.13}), or null if it is not on the class path. */
    static String artifactVersion() {
        try (InputStream in = resource(POM_PROPERTIES)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Extracts the libraries (unless an earlier JVM did) and loads them.
     *
     * @return the path of the loaded {@code libopenblas.so.0}
     * @throws IllegalStateException if this platform has no bundled library or it does not load
     */
    static Path load() {
        String platform = platform();
        String version = artifactVersion();
        if (platform == null || version == null || resourceSize(platform, "libopenblas.so.0") < 0) {
            throw new IllegalStateException("no bundled OpenBLAS for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + " on the class path");
        }
        Path directory = Path.of(System.getProperty("java.io.tmpdir"),
                "annft-openblas-" + version + "-" + platform + "-" + System.getProperty("user.name", "user"));
        try {
            directory = privateDirectory(directory);
            Path quadmath = extract(platform, "libquadmath.so.0", directory);
            Path gfortran = extract(platform, "libgfortran.so.5", directory);
            Path gccS = extract(platform, "libgcc_s.so.1", directory);
            Path openblas = extract(platform, "libopenblas.so.0", directory);
            System.load(quadmath.toString());
            try {
                System.load(gfortran.toString());
            } catch (UnsatisfiedLinkError noSystemGccS) {
                System.load(gccS.toString());
                System.load(gfortran.toString());
            }
            System.load(openblas.toString());
            return openblas;
        } catch (IOException e) {
            throw new UncheckedIOException("bundled OpenBLAS: cannot extract into " + directory, e);
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("bundled OpenBLAS does not load: " + e.getMessage(), e);
        }
    }

    /**
     * {@code preferred}, created readable and writable by this user only, if this user owns it and
     * no one else may write to it (a shared temporary directory must not let another user plant a
     * library there; the permissions are then narrowed to the owner); otherwise a fresh private
     * directory of this JVM.
     */
    private static Path privateDirectory(Path preferred) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        try {
            if (!Files.isDirectory(preferred, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(preferred, PosixFilePermissions.asFileAttribute(ownerOnly));
            }
            String owner = Files.getOwner(preferred, LinkOption.NOFOLLOW_LINKS).getName();
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(preferred, LinkOption.NOFOLLOW_LINKS);
            if (owner.equals(System.getProperty("user.name"))
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                Files.setPosixFilePermissions(preferred, ownerOnly);
                return preferred;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException notUsable) {
            // fall through to a directory of our own
        }
        Path own = Files.createTempDirectory("annft-openblas");
        own.toFile().deleteOnExit();
        return own;
    }

    /**
     * Copies one library out of the jar unless an identical file (same size and CRC-32 as the jar
     * entry) is already there; the copy goes to a temporary name first and is renamed into place,
     * so JVMs extracting at the same time never load a half-written file.
     */
    private static Path extract(String platform, String name, Path directory) throws IOException {
        Path target = directory.resolve(name);
        long size = resourceSize(platform, name);
        if (size < 0) {
            throw new IOException(RESOURCE_ROOT + platform + "/" + name + " is not on the class path");
        }
        long crc = resourceCrc(platform, name);
        if (crc >= 0 && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == size
                && crc32(target) == crc) {
            return target;
        }
        Path temporary = Files.createTempFile(directory, name, ".part");
        try (InputStream in = resource(RESOURCE_ROOT + platform + "/" + name)) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** The byte count of a library resource (a jar entry's recorded size), or -1 if it is missing. */
    private static long resourceSize(String platform, String name) {
        URL url = BundledOpenBlas.class.getClassLoader().getResource(RESOURCE_ROOT + platform + "/" + name);
        if (url == null) {
            return -1;
        }
        try {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            long size = connection.getContentLengthLong();
            if (connection instanceof JarURLConnection jar) {
                jar.getJarFile().close();
            }
            return size;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The CRC-32 a jar records for a library resource, or -1 if unknown (not in a jar). */
    private static long resourceCrc(String platform, String name) {
        URL url = BundledOpenBlas.class.getClassLoader().getResource(RESOURCE_ROOT + platform + "/" + name);
        if (url == null) {
            return -1;
        }
        try {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            if (connection instanceof JarURLConnection jar) {
                long crc = jar.getJarEntry().getCrc();
                jar.getJarFile().close();
                return crc;
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static long crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    private static InputStream resource(String name) {
        return BundledOpenBlas.class.getClassLoader().getResourceAsStream(name);
    }
}
