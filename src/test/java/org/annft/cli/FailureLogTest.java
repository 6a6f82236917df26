package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure logs stay private to their user: a directory of mode 700 under the user's own state
 * directory, files of mode 600, and no write through a link another user planted.
 */
class FailureLogTest {

    @TempDir
    Path dir;

    @Test
    void theDirectoryIsTheUsersOwnNotTheSharedTemporaryDirectory() {
        assertEquals(Path.of("/home/u/.local/state/annft/logs"), FailureLog.directory(Map.of(), "/home/u"));
        assertEquals(Path.of("/s/annft/logs"), FailureLog.directory(Map.of("XDG_STATE_HOME", "/s"), "/home/u"));
        assertEquals(Path.of("/home/u/.local/state/annft/logs"),
                FailureLog.directory(Map.of("XDG_STATE_HOME", "relative"), "/home/u"), "a relative XDG path is ignored");
        assertEquals(Path.of("/x"), FailureLog.directory(Map.of("ANNFT_LOG_DIR", "/x", "XDG_STATE_HOME", "/s"), "/h"));
    }

    @Test
    void logsAreCreatedPrivate() throws IOException {
        Path logs = dir.resolve("state/annft/logs");
        Path log = FailureLog.write(logs, "trace");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(logs)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        assertEquals("trace", Files.readString(log));
        assertTrue(log.getFileName().toString().matches("annft-\\d{8}-\\d{6}-\\d+-[0-9a-f]{8}\\.log"), log.toString());
        assertFalse(log.equals(FailureLog.write(logs, "again")), "names do not repeat");
    }

    /** The attack: the log directory is a link to a directory of the victim's; nothing is written there. */
    @Test
    void aLinkedDirectoryIsRefused() throws IOException {
        Path victim = Files.createDirectory(dir.resolve("victim"));
        Path logs = Files.createSymbolicLink(dir.resolve("logs"), victim);
        assertThrows(IOException.class, () -> FailureLog.write(logs, "trace"));
        try (var files = Files.list(victim)) {
            assertEquals(0, files.count());
        }
    }

    /** The attack: a planted link at the log's name pointing at a file of the victim's; it stays intact. */
    @Test
    void aPlantedLinkIsNotFollowed() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "keep");
        Path logs = Files.createDirectory(dir.resolve("logs"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path link = Files.createSymbolicLink(logs.resolve("annft.log"), secret);
        assertThrows(FileAlreadyExistsException.class, () -> FailureLog.writeNew(link, "trace"));
        assertEquals("keep", Files.readString(secret));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aDirectoryOthersMayWriteIsRefused() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException e = assertThrows(IOException.class, () -> FailureLog.write(shared, "trace"));
        assertTrue(e.getMessage().contains("may be written by other users"), e.getMessage());
        assertTrue(Files.isDirectory(shared, LinkOption.NOFOLLOW_LINKS));
    }

    /** A refused directory costs the log file, not the trace: it is printed above the one line. */
    @Test
    void aRefusedDirectoryPrintsTheTraceInstead() throws IOException {
        Path logs = Files.createSymbolicLink(dir.resolve("logs"), Files.createDirectory(dir.resolve("elsewhere")));
        StringWriter err = new StringWriter();
        String line = Annft.failureLine(new IllegalStateException("boom"), logs, new PrintWriter(err, true));
        assertTrue(err.toString().contains("IllegalStateException: boom"), err.toString());
        assertTrue(line.startsWith("annft: failed: IllegalStateException: boom (the trace above: no log file"), line);
    }
}
