package org.annft.config;

import java.nio.charset.StandardCharsets;

/**
 * Seeds of independent random streams, derived from the experiment seed and a task's coordinates
 * only (a configuration key and a chunk or run index), never from partitioning, executor or retry.
 * Keys are hashed with 64-bit FNV-1a over UTF-8 and every step is mixed with the SplitMix64
 * finalizer (Steele, Lea, Flood 2014), so neighbouring indices give unrelated seeds.
 */
public final class Seeds {

    /** {@code seed}, the master seed of every job. */
    public static final Setting<Long> MASTER = Setting.longInteger("seed", 20250101).meaning("""
            Master seed. Every task's seed is derived from it and the task's own coordinates
            (configuration, chunk or run index) only, so results do not depend on partitioning.
            """);

    private Seeds() {
    }

    /** The seed of task {@code index} of the configuration named {@code key}. */
    public static long derive(long experimentSeed, String key, long index) {
        return mix(mix(mix(experimentSeed) ^ fnv1a(key)) + index);
    }

    /** SplitMix64 finalizer. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: stable across JVMs, unlike {@link String#hashCode()}. */
    static long fnv1a(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
