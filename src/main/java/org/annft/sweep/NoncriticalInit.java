package org.annft.sweep;

import java.util.Locale;
import java.util.OptionalDouble;
import org.annft.config.BadInputException;
import org.annft.theory.Activation;
import org.annft.theory.CriticalPoint;
import org.annft.theory.Criticality;
import org.annft.theory.Initialization;

/**
 * The initialization of the non-critical modes (NINT, NICT, Adam NINT), per activation: explicit
 * {@code (C_W, C_b)}, or by default half the activation's critical {@code C_W} with its critical
 * {@code C_b} (ReLU (1, 0), tanh (0.5, 0)), so that every activation's NINT sits clearly off its own
 * critical point: the kernel then decays with depth (ReLU by 1/2 per layer, tanh geometrically
 * toward K* = 0) instead of staying fixed. A fixed {@code C_W = 1} would be tanh's critical point.
 *
 * @param weightVariance C_W; empty for half the critical C_W
 * @param biasVariance   C_b; empty for the critical C_b
 */
public record NoncriticalInit(OptionalDouble weightVariance, OptionalDouble biasVariance)
        implements java.io.Serializable {

    // OptionalDouble is not serializable, and a protocol travels to Spark tasks: NaN stands for empty.
    private Object writeReplace() {
        return new Serialized(weightVariance.orElse(Double.NaN), biasVariance.orElse(Double.NaN));
    }

    private record Serialized(double weightVariance, double biasVariance) implements java.io.Serializable {
        private Object readResolve() {
            return new NoncriticalInit(Double.isNaN(weightVariance) ? OptionalDouble.empty() : OptionalDouble.of(weightVariance),
                    Double.isNaN(biasVariance) ? OptionalDouble.empty() : OptionalDouble.of(biasVariance));
        }
    }

    /** The config value of an unset C_W. */
    public static final String HALF_CRITICAL = "half-critical";
    /** The config value of an unset C_b. */
    public static final String CRITICAL = "critical";

    public NoncriticalInit {
        if (weightVariance.isPresent() && !(weightVariance.getAsDouble() > 0 && weightVariance.getAsDouble() <= 1e6)) {
            throw new IllegalArgumentException("C_W must be in (0, 1e6], got " + weightVariance.getAsDouble());
        }
        if (biasVariance.isPresent() && !(biasVariance.getAsDouble() >= 0 && biasVariance.getAsDouble() <= 1e6)) {
            throw new IllegalArgumentException("C_b must be in [0, 1e6], got " + biasVariance.getAsDouble());
        }
    }

    /** Explicit (C_W, C_b) for every activation. */
    public static NoncriticalInit of(double weightVariance, double biasVariance) {
        return new NoncriticalInit(OptionalDouble.of(weightVariance), OptionalDouble.of(biasVariance));
    }

    /** The default: half the critical C_W, the critical C_b. */
    public static NoncriticalInit halfCritical() {
        return new NoncriticalInit(OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** C_W as configured: a number, or {@value #HALF_CRITICAL}. */
    static OptionalDouble parseWeightVariance(String text) {
        return text.strip().equals(HALF_CRITICAL) ? OptionalDouble.empty() : OptionalDouble.of(number(text, 0));
    }

    /** C_b as configured: a number, or {@value #CRITICAL}. */
    static OptionalDouble parseBiasVariance(String text) {
        return text.strip().equals(CRITICAL) ? OptionalDouble.empty() : OptionalDouble.of(number(text, -1));
    }

    private static double number(String text, double above) {
        double x;
        try {
            x = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number or '" + HALF_CRITICAL + "'/'" + CRITICAL + "', got '"
                    + text + "'");
        }
        if (!(x > above) || x > 1e6) {
            throw new IllegalArgumentException("expected a number in " + (above < 0 ? "[0" : "(0") + ", 1e6], got " + text);
        }
        return x;
    }

    /**
     * The (C_W, C_b) of every layer of a non-critical network of {@code sigma}.
     *
     * @throws BadInputException if a default needs a critical point and {@code sigma} has none (softplus)
     */
    public Initialization resolve(Activation sigma) {
        if (weightVariance.isPresent() && biasVariance.isPresent()) {
            return new Initialization(weightVariance.getAsDouble(), biasVariance.getAsDouble());
        }
        CriticalPoint point = Criticality.of(sigma);
        if (!point.exists()) {
            throw new BadInputException("train.noncritical: " + sigma.name() + " has no critical point to be off ("
                    + point.message() + "); set train.noncritical.c-w and c-b");
        }
        Initialization critical = point.initialization();
        return new Initialization(weightVariance.orElse(critical.weightVariance() / 2),
                biasVariance.orElse(critical.biasVariance()));
    }

    /** {@code (C_W, C_b)} as configured, e.g. {@code (half-critical, critical)} or {@code (1.5, 0.0)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "(%s, %s)",
                weightVariance.isPresent() ? Double.toString(weightVariance.getAsDouble()) : HALF_CRITICAL,
                biasVariance.isPresent() ? Double.toString(biasVariance.getAsDouble()) : CRITICAL);
    }
}
