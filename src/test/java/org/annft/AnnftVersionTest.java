package org.annft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code fingerprint tells apart two builds of different classes, whatever revision they report. */
class AnnftVersionTest {

    @TempDir
    Path dir;

    @Test
    void theFingerprintFollowsTheClassesAndNothingElse() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("org/annft/sweep"));
        Files.write(classes.resolve("Seeds.class"), new byte[] {1, 2, 3});
        Files.writeString(classes.resolve("notes.txt"), "not code");
        String before = AnnftVersion.fingerprint(dir);
        assertTrue(before.matches("[0-9a-f]{16}"), before);
        assertEquals(before, AnnftVersion.fingerprint(dir), "the same classes, the same fingerprint");
        Files.writeString(classes.resolve("notes.txt"), "other notes");
        assertEquals(before, AnnftVersion.fingerprint(dir), "only class files count");
        Files.write(classes.resolve("Seeds.class"), new byte[] {1, 2, 4});
        assertNotEquals(before, AnnftVersion.fingerprint(dir), "a changed class changes it");
        assertEquals("unknown", AnnftVersion.fingerprint(dir.resolve("absent")));
    }

    @Test
    void theRunningCodeHasAFingerprint() {
        assertTrue(AnnftVersion.codeFingerprint().matches("[0-9a-f]{16}"), AnnftVersion.codeFingerprint());
    }
}
