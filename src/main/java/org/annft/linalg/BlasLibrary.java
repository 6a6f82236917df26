package org.annft.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * The BLAS every product runs on, chosen once per JVM by {@link BlasChoice}: the bundled OpenBLAS
 * ({@link BundledOpenBlas}), the system's {@code libblas.so.3}, or netlib's pure-Java BLAS.
 *
 * <p>Both native choices go through netlib's JNI binding, which opens
 * {@code dev.ludovic.netlib.blas.nativeLibPath} when set and {@code libblas.so.3} otherwise, once
 * per JVM; the bundled choice sets that property to the extracted library before netlib loads.
 * An OpenBLAS runs one thread per JVM thread that calls it ({@code openblas_set_num_threads(1)}):
 * Spark already runs one task per core. An {@code OPENBLAS_NUM_THREADS} set by the user wins.
 */
public final class BlasLibrary {

    /** What runs the products. */
    public enum Kind { BUNDLED, SYSTEM, JAVA }

    private static final String NETLIB_LIBRARY_PATH = "dev.ludovic.netlib.blas.nativeLibPath";

    private static BlasLibrary nativeLoaded;

    private final BlasChoice choice;
    private final Kind kind;
    private final BLAS blas;
    private final String libraryPath;
    private final OpenBlasControl openBlas;
    private final String fallbackReason;

    private BlasLibrary(BlasChoice choice, Kind kind, BLAS blas, String libraryPath, OpenBlasControl openBlas,
            String fallbackReason) {
        this.choice = choice;
        this.kind = kind;
        this.blas = blas;
        this.libraryPath = libraryPath;
        this.openBlas = openBlas;
        this.fallbackReason = fallbackReason;
    }

    /** The library of this JVM's setting ({@link BlasChoice#fromSettings()}), loaded on first use. */
    public static BlasLibrary current() {
        return Holder.CURRENT;
    }

    private static final class Holder {
        static final BlasLibrary CURRENT = load(BlasChoice.fromSettings());
    }

    /**
     * Loads the library {@code choice} asks for; {@code auto} falls back from bundled to system to
     * Java. A native library can be loaded once per JVM: asking again returns it.
     *
     * @throws IllegalStateException if a forced choice is not available, or a different native
     *         library is already loaded
     */
    static synchronized BlasLibrary load(BlasChoice choice) {
        if (choice == BlasChoice.JAVA) {
            return new BlasLibrary(choice, Kind.JAVA, pureJava(), null, null, null);
        }
        if (nativeLoaded != null) {
            if (choice != BlasChoice.AUTO && !choice.label().equals(nativeLoaded.kind.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("BLAS " + choice.label() + " asked for, but this JVM already runs "
                        + nativeLoaded.summary());
            }
            return nativeLoaded;
        }
        String bundledFailure = null;
        if (choice != BlasChoice.SYSTEM) {
            try {
                Path path = BundledOpenBlas.load();
                System.setProperty(NETLIB_LIBRARY_PATH, path.toString());
                NativeBLAS blas = NativeBLAS.getInstance();
                nativeLoaded = configured(choice, Kind.BUNDLED, blas, path.toString(), OpenBlasControl.attach(path.toString()), null);
                return nativeLoaded;
            } catch (RuntimeException | LinkageError e) {
                if (choice == BlasChoice.BUNDLED) {
                    throw new IllegalStateException("annft.blas = bundled: " + e.getMessage(), e);
                }
                System.clearProperty(NETLIB_LIBRARY_PATH);
                bundledFailure = "bundled OpenBLAS: " + e.getMessage();
            }
        }
        BLAS blas = BLAS.getInstance();
        if (blas instanceof NativeBLAS) {
            String path = mappedSystemLibrary();
            nativeLoaded = configured(choice, Kind.SYSTEM, blas, path, OpenBlasControl.attach("libblas.so.3"), bundledFailure);
            return nativeLoaded;
        }
        if (choice == BlasChoice.SYSTEM) {
            throw new IllegalStateException("annft.blas = system: no native libblas.so.3 loads");
        }
        return new BlasLibrary(choice, Kind.JAVA, blas, null, null,
                (bundledFailure == null ? "" : bundledFailure + "; ") + "no system libblas.so.3");
    }

    private static BlasLibrary configured(BlasChoice choice, Kind kind, BLAS blas, String path, OpenBlasControl openBlas,
            String fallbackReason) {
        if (openBlas != null && System.getenv("OPENBLAS_NUM_THREADS") == null) {
            openBlas.setThreads(1);
        }
        return new BlasLibrary(choice, kind, blas, path, openBlas, fallbackReason);
    }

    /**
     * netlib's pure-Java BLAS, the one it falls back to itself: VectorBLAS when the
     * {@code jdk.incubator.vector} module is present, Java11BLAS otherwise. Taken directly, since
     * {@link JavaBLAS#getInstance()} first tries to load the native library.
     */
    private static BLAS pureJava() {
        for (String name : List.of("dev.ludovic.netlib.blas.VectorBLAS", "dev.ludovic.netlib.blas.Java11BLAS")) {
            try {
                Method getInstance = Class.forName(name).getMethod("getInstance");
                getInstance.setAccessible(true);
                return (BLAS) getInstance.invoke(null);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException unavailable) {
                // next one
            }
        }
        throw new IllegalStateException("netlib's pure-Java BLAS is not available");
    }

    /** The file netlib's {@code libblas.so.3} resolved to, from this process's memory map. */
    private static String mappedSystemLibrary() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.substring(slash).contains("/libblas.so")) {
                    return line.substring(slash).trim();
                }
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // not Linux: the name is what is known
        }
        return "libblas.so.3";
    }

    public Kind kind() {
        return kind;
    }

    /** The netlib instance the products call. */
    public BLAS blas() {
        return blas;
    }

    /** The native library's file, or null for pure Java. */
    public String libraryPath() {
        return libraryPath;
    }

    /** True if the library is an OpenBLAS (its kernel and version are known). */
    public boolean isOpenBlas() {
        return openBlas != null;
    }

    /**
     * A short name for tables ({@code runs.gemm}): e.g. {@code bundled OpenBLAS 0.3.31 Haswell},
     * {@code system OpenBLAS 0.3.21 Zen}, {@code system libblas.so.3}, {@code java VectorBLAS}.
     */
    public String summary() {
        String label = kind.name().toLowerCase(Locale.ROOT);
        if (kind == Kind.JAVA) {
            return label + " " + blas.getClass().getSimpleName();
        }
        if (openBlas == null) {
            return label + " " + Paths.get(libraryPath).getFileName();
        }
        return label + " OpenBLAS " + openBlas.version() + " " + openBlas.corename();
    }

    /**
     * The lines {@code annft version} and the benchmarks print: kind, library path, OpenBLAS
     * configuration, kernel and thread count, and why an automatic choice fell back.
     */
    public List<String> describe() {
        StringBuilder line = new StringBuilder("BLAS: ").append(summary());
        if (libraryPath != null) {
            line.append(", ").append(libraryPath);
        }
        if (kind == Kind.BUNDLED) {
            line.append(" (org.bytedeco:openblas ").append(BundledOpenBlas.artifactVersion()).append(')');
        }
        if (openBlas != null) {
            line.append(", ").append(openBlas.threads()).append(openBlas.threads() == 1 ? " thread" : " threads");
        }
        line.append("; setting ").append(BlasChoice.PROPERTY).append(" = ").append(choice.label());
        if (openBlas == null) {
            return fallbackReason == null ? List.of(line.toString())
                    : List.of(line.toString(), "BLAS: fell back: " + fallbackReason);
        }
        String kernel = "BLAS kernel: " + openBlas.corename() + " (" + openBlas.config() + ")"
                + (System.getenv("OPENBLAS_CORETYPE") != null ? ", OPENBLAS_CORETYPE = " + System.getenv("OPENBLAS_CORETYPE") : "");
        return fallbackReason == null ? List.of(line.toString(), kernel)
                : List.of(line.toString(), kernel, "BLAS: fell back: " + fallbackReason);
    }
}
