package org.annft.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last-level cache read from a sysfs-like directory; the STREAM arrays sized from it. */
class LastLevelCacheTest {

    private static void index(Path root, int i, int level, String type, String size, String cpus) throws IOException {
        Path dir = Files.createDirectories(root.resolve("index" + i));
        Files.writeString(dir.resolve("level"), level + "\n");
        Files.writeString(dir.resolve("type"), type + "\n");
        Files.writeString(dir.resolve("size"), size + "\n");
        Files.writeString(dir.resolve("shared_cpu_list"), cpus + "\n");
    }

    @Test
    void theHighestDataLevelAndItsSharers(@TempDir Path root) throws IOException {
        index(root, 0, 1, "Data", "32K", "0");
        index(root, 1, 1, "Instruction", "32K", "0");
        index(root, 3, 3, "Unified", "32768K", "0-3,8,10-11");
        index(root, 2, 2, "Unified", "1024K", "0");
        LastLevelCache cache = LastLevelCache.read(root);
        assertEquals(32L << 20, cache.bytes());
        assertEquals(7, cache.sharingCpus());
        assertEquals((32L << 20) / 7, cache.sharePerCore());
    }

    @Test
    void unreadableMeansUnknown(@TempDir Path root) throws IOException {
        assertEquals(new LastLevelCache(0, 1), LastLevelCache.read(root.resolve("absent")));
        index(root, 0, 2, "Unified", "garbage", "0");
        assertEquals(new LastLevelCache(0, 1), LastLevelCache.read(root));
    }

    @Test
    void sizesInSysfsUnits() {
        assertEquals(1L << 20, LastLevelCache.parseSize("1024K"));
        assertEquals(96L << 20, LastLevelCache.parseSize("96M"));
        assertEquals(512, LastLevelCache.parseSize("512"));
    }

    /** STREAM's rule: the three arrays together at least 4 x the cache (32 MiB: 5592406 doubles each, 134 MB). */
    @Test
    void triadArraysAreFourTimesTheCache() {
        assertEquals(5592406, StreamTriad.elementsFor(32L << 20));
        assertEquals(4 << 20, StreamTriad.elementsFor(0));
    }
}
