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
public record AdamRates(String rule, double rawBiasRate, double rawWeightRate) implements Serializable {

    public AdamRates {
        if (!"averaged".equals(rule) && !"fixed".equals(rule)) {
            throw new IllegalArgumentException("adam rates must be averaged or fixed, got " + rule);
        }
        if (!(rawBiasRate >= 0) || !(rawWeightRate >= 0) || Double.isInfinite(rawBiasRate)
                || Double.isInfinite(rawWeightRate)) {
            throw new IllegalArgumentException("adam raw rates must be finite and >= 0, got lambda-b = " + rawBiasRate
                    + ", lambda-w = " + rawWeightRate);
        }
    }

    /** Averaged from the raw rates {@code (lambdaB, lambdaW)}. */
    public static AdamRates averaged(double lambdaB, double lambdaW) {
        return new AdamRates("averaged", lambdaB, lambdaW);
    }

    /** Adam's own learning rate for every parameter. */
    public static AdamRates fixed() {
        return new AdamRates("fixed", 0, 0);
    }

    public boolean isAveraged() {
        return rule.equals("averaged");
    }
}
