package org.annft.sweep;

import java.io.Serializable;

/**
 * Where an Adam run's learning rates come from. {@code averaged} (the paper's Adam-CINT and
 * Adam-NINT, Sec. IV): the global rates of the raw rates {@code (rawBiasRate, rawWeightRate)},
 * averaged over the layers' critical rates as for CINT/NINT, a weight rate {@code w} for every
 * weight and a bias rate {@code b} for every bias. {@code fixed}: Adam's own learning rate for
 * every parameter. The paper does not state the raw rates behind its averaged Adam rates.
 *
 * @param rule          {@code averaged} or {@code fixed}
 * @param rawBiasRate   lambda~_b averaged into Adam's bias rate ({@code averaged} only)
 * @param rawWeightRate lambda~_W averaged into Adam's weight rate ({@code averaged} only)
 */
public record AdamRates(Rule rule, double rawBiasRate, double rawWeightRate) implements Serializable {

    /** How Adam's rates are set (config {@code train.adam.rates}). */
    public enum Rule {
        /** Per parameter kind the global rate of the raw rates, as CINT/NINT average them. */
        AVERAGED,
        /** Adam's own learning rate for every parameter. */
        FIXED;

        /** {@code averaged} or {@code fixed}. */
        public String configName() {
            return org.annft.ConfigNames.of(this);
        }
    }

    public AdamRates {
        java.util.Objects.requireNonNull(rule, "rule");
        if (!(rawBiasRate >= 0) || !(rawWeightRate >= 0) || Double.isInfinite(rawBiasRate)
                || Double.isInfinite(rawWeightRate)) {
            throw new IllegalArgumentException("adam raw rates must be finite and >= 0, got lambda-b = " + rawBiasRate
                    + ", lambda-w = " + rawWeightRate);
        }
    }

    /** Averaged from the raw rates {@code (lambdaB, lambdaW)}. */
    public static AdamRates averaged(double lambdaB, double lambdaW) {
        return new AdamRates(Rule.AVERAGED, lambdaB, lambdaW);
    }

    /** Adam's own learning rate for every parameter. */
    public static AdamRates fixed() {
        return new AdamRates(Rule.FIXED, 0, 0);
    }

    public boolean isAveraged() {
        return rule == Rule.AVERAGED;
    }
}
