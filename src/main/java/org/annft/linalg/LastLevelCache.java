package org.annft.linalg;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The last-level cache of CPU 0 as Linux describes it under
 * {@code /sys/devices/system/cpu/cpu0/cache/index*} (files {@code level}, {@code type},
 * {@code size}, {@code shared_cpu_list}): the highest level holding data, its size and how many
 * CPUs share it.
 *
 * @param bytes       its size, 0 when unknown
 * @param sharingCpus CPUs that share it, at least 1
 */
public record LastLevelCache(long bytes, int sharingCpus) {

    static final Path SYSFS = Path.of("/sys/devices/system/cpu/cpu0/cache");

    public LastLevelCache {
        if (bytes < 0 || sharingCpus < 1) {
            throw new IllegalArgumentException("cache of " + bytes + " bytes shared by " + sharingCpus + " CPUs");
        }
    }

    /** This machine's, or an unknown one (0 bytes) where sysfs does not say. */
    public static LastLevelCache ofThisMachine() {
        return read(SYSFS);
    }

    /**
     * Each core's share when every core of the cache runs a training, as a sweep keeps them:
     * {@code bytes / sharingCpus}.
     */
    public long sharePerCore() {
        return bytes / sharingCpus;
    }

    /** The cache described by the {@code index*} directories under {@code directory}. */
    static LastLevelCache read(Path directory) {
        LastLevelCache best = new LastLevelCache(0, 1);
        int bestLevel = -1;
        try (DirectoryStream<Path> indices = Files.newDirectoryStream(directory, "index*")) {
            for (Path index : indices) {
                String type = Files.readString(index.resolve("type")).strip();
                int level = Integer.parseInt(Files.readString(index.resolve("level")).strip());
                if (type.equals("Instruction") || level <= bestLevel) {
                    continue;
                }
                bestLevel = level;
                best = new LastLevelCache(parseSize(Files.readString(index.resolve("size")).strip()),
                        countCpus(Files.readString(index.resolve("shared_cpu_list")).strip()));
            }
        } catch (IOException | RuntimeException unreadable) {
            return new LastLevelCache(0, 1);
        }
        return best;
    }

    /** {@code 32768K}, {@code 32M} or plain bytes. */
    static long parseSize(String size) {
        String s = size.toUpperCase(Locale.ROOT);
        long unit = s.endsWith("K") ? 1L << 10 : s.endsWith("M") ? 1L << 20 : s.endsWith("G") ? 1L << 30 : 1;
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    /** CPUs in a list such as {@code 0-1} or {@code 0,2,4-7}. */
    static int countCpus(String list) {
        int count = 0;
        for (String range : list.split(",")) {
            String[] ends = range.strip().split("-");
            count += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
        }
        return Math.max(1, count);
    }
}
