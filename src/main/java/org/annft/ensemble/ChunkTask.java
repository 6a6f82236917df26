package org.annft.ensemble;

/**
 * One Spark task of an ensemble: samples {@code [firstSample, firstSample + samples)} of one
 * configuration, drawn from a stream seeded by {@code seed}, which derives from the experiment
 * seed, the configuration and the chunk index only.
 */
public record ChunkTask(int configurationId, int chunk, long firstSample, int samples, long seed)
        implements java.io.Serializable {

    public ChunkTask {
        if (samples < 1) {
            throw new IllegalArgumentException("a chunk needs at least one sample, got " + samples);
        }
    }
}
