package org.annft.nn;

/**
 * Shape of a fully connected network: input width {@code n0}, {@code L} hidden layers of common
 * width {@code n}, and a linear output layer of width {@code n_out}. Layers are numbered as in the
 * paper and docs/theory.md, "Network and initialization": {@code l = 1 .. l_out} with
 * {@code l_out = L + 1}; layer {@code l} maps width {@code n_{l-1}} to {@code n_l}, with
 * {@code n_0 = n0}, {@code n_1 .. n_L = n}, {@code n_{l_out} = n_out}. The paper's "depth" is
 * {@code l_out} (depth 4 = three hidden layers).
 *
 * @param inputWidth   n0, at least 1
 * @param hiddenWidth  n, at least 1
 * @param hiddenLayers L, at least 0 (0 gives an affine model)
 * @param outputWidth  n_out, at least 1
 */
public record MlpArchitecture(int inputWidth, int hiddenWidth, int hiddenLayers, int outputWidth) {

    public MlpArchitecture {
        requirePositive("input width", inputWidth);
        requirePositive("hidden width", hiddenWidth);
        requirePositive("output width", outputWidth);
        if (hiddenLayers < 0) {
            throw new IllegalArgumentException("hidden layers must be >= 0, got " + hiddenLayers);
        }
    }

    /**
     * The architecture of paper depth {@code l_out} (number of weight layers, hidden plus output).
     *
     * @throws IllegalArgumentException if depth is below 1
     */
    public static MlpArchitecture ofDepth(int inputWidth, int hiddenWidth, int depth, int outputWidth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        return new MlpArchitecture(inputWidth, hiddenWidth, depth - 1, outputWidth);
    }

    /** {@code l_out = L + 1}, the number of weight layers and the index of the output layer. */
    public int outputLayer() {
        return hiddenLayers + 1;
    }

    /**
     * Width {@code n_l} of layer {@code l} for {@code l = 0 .. l_out} (0 is the input).
     *
     * @throws IllegalArgumentException if l is out of range
     */
    public int width(int layer) {
        checkLayer(layer, 0);
        if (layer == 0) {
            return inputWidth;
        }
        return layer == outputLayer() ? outputWidth : hiddenWidth;
    }

    /** The aspect ratio {@code r = l_out / n} of the paper. */
    public double depthToWidthRatio() {
        return (double) outputLayer() / hiddenWidth;
    }

    /** Number of weights and biases. */
    public long parameterCount() {
        long count = 0;
        for (int l = 1; l <= outputLayer(); l++) {
            count += (long) width(l) * (width(l - 1) + 1);
        }
        return count;
    }

    /**
     * Checks {@code first <= layer <= l_out}.
     *
     * @throws IllegalArgumentException naming the layer and the valid range
     */
    public void checkLayer(int layer, int first) {
        if (layer < first || layer > outputLayer()) {
            throw new IllegalArgumentException("layer " + layer + " outside " + first + " .. " + outputLayer());
        }
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
