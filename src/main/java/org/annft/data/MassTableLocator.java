package org.annft.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the AME2020 table. Lookup order: an explicit path ({@code --ame PATH} or the config key
 * {@code data.ame}), then the environment variable {@value #ENVIRONMENT_VARIABLE}, then
 * {@value #DEFAULT_LOCATION} under the working directory. When none exists the error says how to get
 * the file.
 */
public final class MassTableLocator {

    public static final String ENVIRONMENT_VARIABLE = "ANNFT_AME2020";
    public static final String DEFAULT_LOCATION = "data/mass_1.mas20.txt";

    private MassTableLocator() {
    }

    /** Resolves the table's path against the process environment. */
    public static Path locate(Optional<String> explicitPath) {
        return locate(explicitPath, System.getenv(), Path.of(""));
    }

    /** Resolves the table's path; {@code environment} and {@code workingDirectory} are given for testability. */
    public static Path locate(Optional<String> explicitPath, Map<String, String> environment, Path workingDirectory) {
        if (explicitPath.isPresent() && !explicitPath.get().isBlank()) {
            Path p = Path.of(explicitPath.get());
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("AME2020 table not found at " + p + " (given by --ame or data.ame). "
                        + howToGet());
            }
            return p;
        }
        String fromEnv = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = Path.of(fromEnv);
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("AME2020 table not found at " + p + " (given by "
                        + ENVIRONMENT_VARIABLE + "). " + howToGet());
            }
            return p;
        }
        Path p = workingDirectory.resolve(DEFAULT_LOCATION);
        if (Files.isRegularFile(p)) {
            return p;
        }
        throw new IllegalArgumentException("AME2020 table not found: no --ame PATH, no " + ENVIRONMENT_VARIABLE
                + ", and no " + DEFAULT_LOCATION + ". " + howToGet());
    }

    private static String howToGet() {
        return "Get mass_1.mas20.txt from the Atomic Mass Data Center (AMDC, IAEA) and install it with "
                + "'data/fetch-ame2020.sh [PATH]' (see data/README.md), or pass --ame PATH.";
    }
}
