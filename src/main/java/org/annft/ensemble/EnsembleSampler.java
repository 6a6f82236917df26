package org.annft.ensemble;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws one network of an initialization ensemble at a time and reports the preactivation of the
 * first neuron of every layer at every input. Implementations own their work arrays and are not
 * thread-safe: one per task.
 */
public interface EnsembleSampler {

    /**
     * Draws one network and writes {@code z^(l)_{1;a}} into {@code out[(l - 1) * k + a]} for layers
     * l = 1..L+1 and inputs a = 0..k-1.
     */
    void sample(UniformRandomProvider rng, double[] out);

    /** Standard-normal draws one call to {@link #sample} makes (for throughput figures). */
    long gaussiansPerSample();
}
