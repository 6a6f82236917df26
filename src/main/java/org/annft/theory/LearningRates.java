package org.annft.theory;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The learning-rate tensor of paper Eq. 33: in layer l (1-based, {@code 1 <= l <= l_out}, the
 * output layer {@code l_out = L + 1} included) a bias moves by {@code lambda_b^(l) dL/db} and a
 * weight {@code W_ij^(l)} by {@code (lambda_W^(l) / n_{l-1}) dL/dW_ij}; the {@code 1/n_{l-1}} is
 * applied by the optimizer, not stored here. Immutable.
 *
 * <p>Factories:
 * <ul>
 *   <li>{@link #critical(CriticalityClass, int, double, double)}: paper Eqs. 38-39 from raw rates
 *       {@code lambda~_b, lambda~_W};</li>
 *   <li>{@link #global(int, double, double)}: one rate for every layer;</li>
 *   <li>{@link #averagedInPractice(int[])} and {@link #averagedRaw()}: the global rates of
 *       non-critical training (CINT, NINT), see {@link GlobalRate}.</li>
 * </ul>
 */
public final class LearningRates implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[] biasRates;
    private final double[] weightRates;

    private LearningRates(double[] biasRates, double[] weightRates) {
        this.biasRates = biasRates;
        this.weightRates = weightRates;
    }

    /**
     * Per-layer rates, element {@code l-1} for layer l.
     *
     * @throws IllegalArgumentException if the arrays are empty, of different lengths, or hold a
     *     negative or non-finite rate
     */
    public static LearningRates of(double[] lambdaB, double[] lambdaW) {
        if (lambdaB.length == 0 || lambdaB.length != lambdaW.length) {
            throw new IllegalArgumentException("lambdaB and lambdaW need one rate per layer 1..l_out, got "
                    + lambdaB.length + " and " + lambdaW.length);
        }
        requireRates("lambdaB", lambdaB);
        requireRates("lambdaW", lambdaW);
        return new LearningRates(lambdaB.clone(), lambdaW.clone());
    }

    /**
     * The same rates in every layer 1..outputLayer.
     *
     * @param outputLayer l_out = L + 1, at least 1
     */
    public static LearningRates global(int outputLayer, double lambdaB, double lambdaW) {
        requireOutputLayer(outputLayer);
        double[] b = new double[outputLayer];
        double[] w = new double[outputLayer];
        Arrays.fill(b, lambdaB);
        Arrays.fill(w, lambdaW);
        return of(b, w);
    }

    /**
     * Critical per-layer rates from the raw rates (paper Eqs. 38-39; docs/theory.md,
     * "Critical learning rates"):
     * <ul>
     *   <li>{@link CriticalityClass#SCALE_INVARIANT} (ReLU): {@code lambda_b = lambda~_b / l_out},
     *       {@code lambda_W = lambda~_W / l_out} (Eq. 38).</li>
     *   <li>{@link CriticalityClass#K_STAR_ZERO} (tanh): {@code lambda_b^(l) = lambda~_b / l},
     *       {@code lambda_W = lambda~_W} (Eq. 39); as K^(l) ~ 1/l the weight term already decays and
     *       chi_perp ~ 1 - 1/l, which holds the NTK at order one (PDLT Sec. 9.4 with p_perp = 1,
     *       exact for odd activations such as tanh and sin).</li>
     *   <li>{@link CriticalityClass#NONTRIVIAL} (GELU, SWISH): the rule of Eq. 38. At K* the kernel
     *       is constant and chi_perp = 1 as for ReLU, so every layer adds the same amount to the
     *       NTK and dividing by l_out keeps its output value independent of depth.</li>
     *   <li>{@link CriticalityClass#NONE} (softplus): also Eq. 38. No choice of rates can undo the
     *       geometric factor chi_perp^l; normalizing by depth at least keeps the summed per-layer
     *       contributions comparable across depths.</li>
     * </ul>
     *
     * @param outputLayer l_out = L + 1
     * @param rawB        lambda~_b, non-negative
     * @param rawW        lambda~_W, non-negative
     */
    public static LearningRates critical(CriticalityClass universalityClass, int outputLayer, double rawB, double rawW) {
        if (universalityClass == null) {
            throw new IllegalArgumentException("universalityClass must not be null");
        }
        requireOutputLayer(outputLayer);
        double[] b = new double[outputLayer];
        double[] w = new double[outputLayer];
        for (int l = 1; l <= outputLayer; l++) {
            if (universalityClass == CriticalityClass.K_STAR_ZERO) {
                b[l - 1] = rawB / l;
                w[l - 1] = rawW;
            } else {
                b[l - 1] = rawB / outputLayer;
                w[l - 1] = rawW / outputLayer;
            }
        }
        return of(b, w);
    }

    /** {@link #critical(CriticalityClass, int, double, double)} for the class of the activation. */
    public static LearningRates critical(Activation activation, int outputLayer, double rawB, double rawW) {
        return critical(Criticality.of(activation).universalityClass(), outputLayer, rawB, rawW);
    }

    /**
     * The paper's global rates (Sec. IV, after Eq. 39; {@link GlobalRate#PRACTICE}): one weight rate
     * {@code w = (1/l_out) sum_l lambda_W^(l) / n_{l-1}} and one bias rate
     * {@code b = (1/l_out) sum_l lambda_b^(l)}, the means of the rates used in practice. Returned in
     * this class's convention, {@code lambda_W^(l) = w n_{l-1}}, so that the optimizer's division
     * by {@code n_{l-1}} leaves every weight with the rate {@code w}.
     *
     * @param fanIns {@code n_{l-1}} of layers 1 .. l_out (n_0 first), each at least 1
     * @throws IllegalArgumentException if there is not one positive fan-in per layer
     */
    public LearningRates averagedInPractice(int[] fanIns) {
        if (fanIns.length != weightRates.length) {
            throw new IllegalArgumentException("need one fan-in per layer 1.." + weightRates.length + ", got "
                    + fanIns.length);
        }
        double w = 0;
        for (int l = 0; l < fanIns.length; l++) {
            if (fanIns[l] < 1) {
                throw new IllegalArgumentException("fan-in of layer " + (l + 1) + " must be at least 1, got " + fanIns[l]);
            }
            w += weightRates[l] / fanIns[l];
        }
        w /= fanIns.length;
        double b = Arrays.stream(biasRates).average().orElseThrow();
        double[] biases = new double[fanIns.length];
        double[] weights = new double[fanIns.length];
        Arrays.fill(biases, b);
        for (int l = 0; l < fanIns.length; l++) {
            weights[l] = w * fanIns[l];
        }
        return of(biases, weights);
    }

    /**
     * The layer means of {@link #lambdaB(int)} and of {@link #lambdaW(int)} before the width factor
     * ({@link GlobalRate#RAW_AVERAGE}); the optimizer then divides the mean lambda_W by n_{l-1}.
     */
    public LearningRates averagedRaw() {
        return global(outputLayer(), Arrays.stream(biasRates).average().orElseThrow(),
                Arrays.stream(weightRates).average().orElseThrow());
    }

    /** l_out, the number of layers the tensor covers (output layer included). */
    public int outputLayer() {
        return biasRates.length;
    }

    /** lambda_b^(layer), {@code 1 <= layer <= l_out}. */
    public double lambdaB(int layer) {
        return biasRates[index(layer)];
    }

    /** lambda_W^(layer), {@code 1 <= layer <= l_out}; the optimizer divides it by n_{layer-1}. */
    public double lambdaW(int layer) {
        return weightRates[index(layer)];
    }

    private int index(int layer) {
        if (layer < 1 || layer > biasRates.length) {
            throw new IllegalArgumentException("layer must be in 1.." + biasRates.length + ", got " + layer);
        }
        return layer - 1;
    }

    private static void requireOutputLayer(int outputLayer) {
        if (outputLayer < 1) {
            throw new IllegalArgumentException("outputLayer (l_out) must be at least 1, got " + outputLayer);
        }
    }

    private static void requireRates(String name, double[] rates) {
        for (int i = 0; i < rates.length; i++) {
            if (!(rates[i] >= 0) || rates[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + " of layer " + (i + 1)
                        + " must be non-negative and finite, got " + rates[i]);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearningRates other
                && Arrays.equals(biasRates, other.biasRates) && Arrays.equals(weightRates, other.weightRates);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(biasRates) + Arrays.hashCode(weightRates);
    }

    @Override
    public String toString() {
        return "LearningRates[lambdaB=" + Arrays.toString(biasRates) + ", lambdaW=" + Arrays.toString(weightRates) + "]";
    }
}
