package org.annft.theory;


/**
 * How the one global learning rate of non-critical training (CINT, NINT, and Adam's rate) is
 * averaged from the critical per-layer rates (paper Sec. IV; docs/theory.md,
 * "Global learning rates").
 * <ul>
 *   <li>{@link #PRACTICE} (the paper's): the mean over layers of the rates used in practice,
 *       {@code w = (1/l_out) sum_l lambda_W^(l) / n_{l-1}} for weights and
 *       {@code b = (1/l_out) sum_l lambda_b^(l)} for biases; every weight then moves by
 *       {@code w dL/dW}, with no further width factor.</li>
 *   <li>{@link #RAW_AVERAGE}: the mean of {@code lambda_W^(l)} before the width factor, every
 *       weight moving by {@code (mean lambda_W / n_{l-1}) dL/dW}. For ReLU, whose critical
 *       {@code lambda_W^(l)} is the same in every layer, this is the critical tensor itself.</li>
 * </ul>
 */
public enum GlobalRate {
    PRACTICE, RAW_AVERAGE;

    /**
     * The global tensor from the per-layer rates of a network whose layer l has fan-in
     * {@code fanIns[l-1] = n_{l-1}}, in the convention of {@link LearningRates} (the optimizer
     * divides lambda_W by n_{l-1}).
     */
    public LearningRates average(LearningRates perLayer, int[] fanIns) {
        return this == PRACTICE ? perLayer.averagedInPractice(fanIns) : perLayer.averagedRaw();
    }

    /** {@code practice} or {@code raw-average}. */
    public String configName() {
        return org.annft.ConfigNames.of(this);
    }

    /**
     * @throws IllegalArgumentException naming the unknown rule
     */
    public static GlobalRate parse(String name) {
        return org.annft.ConfigNames.parse(GlobalRate.class, name, "global rate");
    }
}
