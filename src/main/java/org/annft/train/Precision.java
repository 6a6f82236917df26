package org.annft.train;

/**
 * The floating-point type a training computes in: {@code float64} (dgemm and double work arrays,
 * the default) or {@code float32} (sgemm and float work arrays end to end; parameters, predictions
 * and losses come back as double only for the result tables). float32 halves the memory traffic
 * and doubles the SIMD width of the products.
 */
public enum Precision {
    FLOAT64, FLOAT32;

    /** {@code float64} or {@code float32}, as in the config and the {@code runs} table. */
    public String configName() {
        return org.annft.ConfigNames.of(this);
    }

    /**
     * @throws IllegalArgumentException naming the unknown precision
     */
    public static Precision parse(String name) {
        return org.annft.ConfigNames.parse(Precision.class, name, "precision");
    }
}
