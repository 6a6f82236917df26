package org.annft.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a failure's stack trace is written: a directory of this user only, never a shared one.
 * The directory is {@code ANNFT_LOG_DIR}, else {@code $XDG_STATE_HOME/annft/logs}, else
 * {@code ~/.local/state/annft/logs}; it is created with mode 700, and refused unless it is a real
 * directory (not a link) owned by this user that no one else may write to. Each log is a new file of
 * mode 600 with an unpredictable name, opened without following links ({@code CREATE_NEW} and
 * {@code NOFOLLOW_LINKS}), so another user can neither read a trace nor make annft write through a
 * planted link.
 */
final class FailureLog {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private FailureLog() {
    }

    /** The log directory for this environment (see the class comment); not created here. */
    static Path directory(Map<String, String> environment, String home) {
        String explicit = environment.get("ANNFT_LOG_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String state = environment.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute() ? Path.of(state)
                : Path.of(home, ".local", "state");
        return base.resolve("annft").resolve("logs");
    }

    /**
     * Writes {@code text} into a new log file in {@code directory} and returns its path.
     *
     * @throws IOException if the directory cannot be made private to this user, is a link, belongs to
     *     someone else or is writable by others, or the file cannot be created
     */
    static Path write(Path directory, String text) throws IOException {
        Path dir = privateDirectory(directory);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        for (int attempt = 0; ; attempt++) {
            Path log = dir.resolve(String.format(Locale.ROOT, "annft-%s-%d-%08x.log", stamp, ProcessHandle.current().pid(),
                    RANDOM.nextInt()));
            try {
                writeNew(log, text);
                return log;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 8) {
                    throw e;
                }
            }
        }
    }

    /** Creates {@code file} (it must not exist, not even as a link) with mode 600 and writes {@code text}. */
    static void writeNew(Path file, String text) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileAttribute<?>[] attributes = posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
        try (SeekableByteChannel channel = Files.newByteChannel(file, options, attributes)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }

    /** The directory, created with mode 700 if missing, after checking that it is this user's alone. */
    static Path privateDirectory(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                if (posix(dir.getParent())) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
                } else {
                    Files.createDirectory(dir);
                }
            } catch (FileAlreadyExistsException raced) {
                // Checked below like any existing directory.
            }
        }
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a directory of its own (a link or a file)");
        }
        if (posix(dir)) {
            PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String me = System.getProperty("user.name");
            if (!attributes.owner().getName().equals(me)) {
                throw new IOException(dir + " belongs to " + attributes.owner().getName() + ", not to " + me);
            }
            Set<PosixFilePermission> permissions = attributes.permissions();
            if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IOException(dir + " may be written by other users (mode "
                        + PosixFilePermissions.toString(permissions) + ")");
            }
        }
        return dir;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
