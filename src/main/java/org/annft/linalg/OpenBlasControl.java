package org.annft.linalg;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * OpenBLAS's own functions of a loaded library (through JNA): its build configuration, the CPU
 * kernel it chose at load time ({@code OPENBLAS_CORETYPE} forces one; OpenBLAS reads it itself)
 * and its thread count.
 */
final class OpenBlasControl {

    private static final Object[] NO_ARGUMENTS = {};

    private final NativeLibrary library;

    private OpenBlasControl(NativeLibrary library) {
        this.library = library;
    }

    /**
     * The OpenBLAS functions of the library at {@code nameOrPath} (already loaded: the dynamic
     * linker hands out the same instance), or null if it does not export them (another BLAS).
     */
    static OpenBlasControl attach(String nameOrPath) {
        try {
            NativeLibrary library = NativeLibrary.getInstance(nameOrPath);
            library.getFunction("openblas_get_config");
            return new OpenBlasControl(library);
        } catch (UnsatisfiedLinkError | RuntimeException notOpenBlas) {
            return null;
        }
    }

    /** {@code openblas_get_config()}: version and build options, e.g. {@code OpenBLAS 0.3.31 DYNAMIC_ARCH ... Haswell}. */
    String config() {
        return function("openblas_get_config").invokeString(NO_ARGUMENTS, false).trim();
    }

    /** {@code openblas_get_corename()}: the CPU kernel in use, e.g. {@code Haswell}. */
    String corename() {
        return function("openblas_get_corename").invokeString(NO_ARGUMENTS, false).trim();
    }

    /** The OpenBLAS version, the second word of {@link #config()}. */
    String version() {
        String[] words = config().split("\\s+");
        return words.length > 1 ? words[1] : "?";
    }

    int threads() {
        return function("openblas_get_num_threads").invokeInt(NO_ARGUMENTS);
    }

    void setThreads(int threads) {
        function("openblas_set_num_threads").invokeVoid(new Object[] {threads});
    }

    private Function function(String name) {
        return library.getFunction(name);
    }
}
