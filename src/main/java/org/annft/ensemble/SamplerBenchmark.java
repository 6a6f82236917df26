package org.annft.ensemble;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/** Single-thread rates the ensemble benchmark compares against: the raw Gaussian generator and one sampler. */
public final class SamplerBenchmark {

    private SamplerBenchmark() {
    }

    /** Standard-normal draws per second of XoShiRo256++ with the Ziggurat sampler, one thread. */
    public static double rawGaussianRate(long draws) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(1L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double sink = 0;
        for (long i = 0; i < draws / 10; i++) {
            sink += g.sample();
        }
        long start = System.nanoTime();
        for (long i = 0; i < draws; i++) {
            sink += g.sample();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sink == 42.0) {
            System.err.print("");
        }
        return draws / seconds;
    }

    /** Seconds per network of one sampler, one thread, after a warm-up of a tenth of the samples. */
    public static double secondsPerSample(EnsembleConfiguration c, int samples) {
        EnsembleSampler sampler = c.newSampler();
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(2L);
        double[] z = new double[c.layers() * c.inputCount()];
        for (int i = 0; i < Math.max(1, samples / 10); i++) {
            sampler.sample(rng, z);
        }
        long start = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            sampler.sample(rng, z);
        }
        return (System.nanoTime() - start) / 1e9 / samples;
    }
}
