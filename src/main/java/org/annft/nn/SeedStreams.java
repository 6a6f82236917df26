package org.annft.nn;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams from one seed: XoShiRo256++ seeded with {@code seed}, advanced by
 * {@code index} jumps of 2^128 draws each. Streams of different indices never overlap in practice,
 * so one seed can drive initialization (stream 0) and mini-batch shuffling (stream 1) of a training.
 */
public final class SeedStreams {

    /** The stream that samples the initial parameters. */
    public static final int INITIALIZATION = 0;
    /** The stream that shuffles the training set each epoch. */
    public static final int SHUFFLING = 1;
    /** The stream that draws a bootstrap resample of the training set ({@code train.bootstrap}). */
    public static final int BOOTSTRAP = 2;

    private SeedStreams() {
    }

    /**
     * Stream {@code index} of {@code seed}.
     *
     * @throws IllegalArgumentException if index is negative
     */
    public static UniformRandomProvider stream(long seed, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("stream index must be >= 0, got " + index);
        }
        JumpableUniformRandomProvider random =
                (JumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(seed);
        for (int i = 0; i < index; i++) {
            random.jump();
        }
        return random;
    }
}
