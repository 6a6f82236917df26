package org.annft.ensemble;

import java.util.Arrays;
import java.util.Locale;
import org.annft.nn.NetworkSpec;
import org.annft.theory.Activation;
import org.annft.theory.Activations;

/**
 * One point of an initialization-ensemble grid: an MLP with {@code hiddenLayers} hidden layers of
 * width {@code width} and one linear output, initialized with {@code W ~ N(0, C_W/n_{l-1})},
 * {@code b ~ N(0, C_b)} in every layer, evaluated at k fixed inputs.
 *
 * @param id index of the configuration in its grid
 * @param activationName name parsed by {@link Activations#parse}
 * @param cW weight variance C_W &gt; 0
 * @param cB bias variance C_b &ge; 0
 * @param width hidden width n &ge; 1
 * @param hiddenLayers L &ge; 1; the network has L + 1 layers of preactivations, the last the output
 * @param inputs k input vectors of width n0, row-major {@code inputs[a][i]}
 * @param sampler how the ensemble is drawn
 */
public record EnsembleConfiguration(int id, String activationName, double cW, double cB, int width,
                                    int hiddenLayers, double[][] inputs, SamplerKind sampler)
        implements java.io.Serializable {

    public EnsembleConfiguration {
        Activations.parse(activationName);
        if (!(cW > 0) || !Double.isFinite(cW)) {
            throw new IllegalArgumentException("C_W must be positive and finite, got " + cW);
        }
        if (!(cB >= 0) || !Double.isFinite(cB)) {
            throw new IllegalArgumentException("C_b must be non-negative and finite, got " + cB);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be positive, got " + width);
        }
        if (hiddenLayers < 1) {
            throw new IllegalArgumentException("hidden layers must be positive, got " + hiddenLayers);
        }
        if (inputs.length == 0 || inputs[0].length == 0) {
            throw new IllegalArgumentException("at least one non-empty input is needed");
        }
        for (double[] x : inputs) {
            if (x.length != inputs[0].length) {
                throw new IllegalArgumentException("inputs of different widths: " + inputs[0].length + " and " + x.length);
            }
        }
        inputs = Arrays.stream(inputs).map(double[]::clone).toArray(double[][]::new);
    }

    public Activation activation() {
        return Activations.parse(activationName);
    }

    /** Number of inputs k. */
    public int inputCount() {
        return inputs.length;
    }

    /** Input width n0. */
    public int inputWidth() {
        return inputs[0].length;
    }

    /** Layers of preactivations, L + 1 (the output layer l_out last). */
    public int layers() {
        return hiddenLayers + 1;
    }

    /** A stable text key of everything that defines the distribution; seeds derive from it. */
    public String key() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s|cw=%s|cb=%s|n=%d|L=%d|%s|x=",
                activationName, Double.toString(cW), Double.toString(cB), width, hiddenLayers, sampler.configName()));
        for (double[] x : inputs) {
            sb.append(Arrays.toString(x));
        }
        return sb.toString();
    }

    /**
     * The network this configuration samples, as the trainer builds it: input width n0, L hidden
     * layers of width n, one linear output, (C_W, C_b) in every layer.
     */
    public NetworkSpec network() {
        return NetworkSpec.uniform(activation(), inputWidth(), width, hiddenLayers, cW, cB);
    }

    public EnsembleSampler newSampler() {
        return sampler == SamplerKind.FUNCTION ? new FunctionSpaceSampler(this) : new WeightSpaceSampler(this);
    }

    /**
     * About how much memory one chunk of this configuration takes: per layer and input the eight
     * power sums (of the chunk and of its sub-batches), the cross sums and the histogram counts, and the sampler's state: every parameter
     * and two activations per unit and input for the weight sampler, a few vectors of the width for
     * the function sampler (in 8-byte words).
     */
    public long chunkMemoryBytes(int bins) {
        double statistics = (double) layers() * inputCount() * (ChunkStatistics.POWERS + inputCount() + bins + 2
                + ChunkStatistics.BATCHES_PER_CHUNK * ChunkStatistics.BATCH_SUMS);
        double sampler = sampler() == SamplerKind.WEIGHT
                ? network().architecture().parameterCount() + 2.0 * layers() * width * inputCount() : 8.0 * width * inputCount();
        return (long) Math.min(Long.MAX_VALUE, 8 * (statistics + sampler));
    }
}
