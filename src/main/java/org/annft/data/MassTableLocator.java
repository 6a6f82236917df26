package org.annft.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the AME2020 table. Lookup order: an explicit path ({@code --ame PATH} or the config key
 * {@code data.ame}), then the environment variable {@value #ENVIRONMENT_VARIABLE}, then
 * {@value #DEFAULT_LOCATION} under the working directory, then the same file in the checkout the
 * running code was built in (the table ships in the repository), so a jar started from any
 * directory finds it. When none exists the error says how to get the file.
 */
public final class MassTableLocator {

    public static final String ENVIRONMENT_VARIABLE = "ANNFT_AME2020";
    public static final String DEFAULT_LOCATION = "data/mass_1.mas20.txt";

    private MassTableLocator() {
    }

    /** Resolves the table's path against the process environment. */
    public static Path locate(Optional<String> explicitPath) {
        return locate(explicitPath, System.getenv(), Path.of(""), checkout());
    }

    /**
     * Resolves the table's path; {@code environment}, {@code workingDirectory} and {@code checkout}
     * (the repository the code was built in, if known) are given for testability.
     */
    public static Path locate(Optional<String> explicitPath, Map<String, String> environment, Path workingDirectory,
            Optional<Path> checkout) {
        if (explicitPath.isPresent() && !explicitPath.get().isBlank()) {
            Path p = Path.of(explicitPath.get());
            if (!Files.isRegularFile(p)) {
                throw new org.annft.config.BadInputException("AME2020 table not found at " + p + " (given by --ame or data.ame). "
                        + howToGet());
            }
            return p;
        }
        String fromEnv = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = Path.of(fromEnv);
            if (!Files.isRegularFile(p)) {
                throw new org.annft.config.BadInputException("AME2020 table not found at " + p + " (given by "
                        + ENVIRONMENT_VARIABLE + "). " + howToGet());
            }
            return p;
        }
        Path p = workingDirectory.resolve(DEFAULT_LOCATION);
        if (Files.isRegularFile(p)) {
            return p;
        }
        if (checkout.isPresent() && Files.isRegularFile(checkout.get().resolve(DEFAULT_LOCATION))) {
            return checkout.get().resolve(DEFAULT_LOCATION);
        }
        throw new org.annft.config.BadInputException("AME2020 table not found: no --ame PATH, no " + ENVIRONMENT_VARIABLE
                + ", and no " + DEFAULT_LOCATION + ". " + howToGet());
    }

    /**
     * The checkout this code was built in: the directory above {@code target/} when the classes run
     * from {@code target/classes} or {@code target/*.jar}; empty otherwise (an installed or cluster jar).
     */
    static Optional<Path> checkout() {
        try {
            CodeSource source = MassTableLocator.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path target = Path.of(source.getLocation().toURI()).toAbsolutePath().getParent();
            boolean built = target != null && "target".equals(String.valueOf(target.getFileName()));
            return built && target.getParent() != null ? Optional.of(target.getParent()) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String howToGet() {
        return "The repository ships it as " + DEFAULT_LOCATION + "; otherwise get mass_1.mas20.txt from the Atomic "
                + "Mass Data Center (AMDC, IAEA) with 'data/fetch-ame2020.sh [PATH]' (see data/README.md), or pass --ame PATH.";
    }
}
