package org.annft.theory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.commons.math3.special.Erf;

/**
 * The activations annft knows, and the parser from their names. Adding an activation is one new
 * nested record here plus its entry in {@link #BY_NAME}; {@link #NAMES} and {@link #parse(String)}
 * follow from that table.
 *
 * <p>Names: {@code relu}, {@code leaky-relu} (slope 0.01) or {@code leaky-relu:A} (slope A),
 * {@code linear}, {@code tanh}, {@code sin}, {@code softplus}, {@code shifted-softplus}
 * (softplus(z) - log 2, paper footnote 4), {@code gelu} (z Phi(z), erf form), {@code swish}
 * (z sigmoid(z)).
 */
public final class Activations {

    private static final double LOG_2 = Math.log(2.0);
    private static final double INV_SQRT_2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    /** Plain name to activation, in the order of {@link #NAMES}. The records are immutable, hence shared. */
    private static final Map<String, Activation> BY_NAME = table(
            Map.entry("relu", new Relu()),
            Map.entry("leaky-relu", new LeakyRelu(0.01)),
            Map.entry("linear", new Linear()),
            Map.entry("tanh", new Tanh()),
            Map.entry("sin", new Sin()),
            Map.entry("softplus", new Softplus()),
            Map.entry("shifted-softplus", new ShiftedSoftplus()),
            Map.entry("gelu", new Gelu()),
            Map.entry("swish", new Swish()));

    /** Every plain name {@link #parse(String)} accepts (leaky-relu also takes {@code :slope}). */
    public static final List<String> NAMES = List.copyOf(BY_NAME.keySet());

    private Activations() {
    }

    /**
     * Finds an activation by name (case-insensitive; '_' reads as '-', as in every other annft name,
     * so {@code leaky_relu} is {@code leaky-relu}).
     *
     * @throws IllegalArgumentException naming the unknown activation and listing the known ones
     */
    public static Activation parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("activation: empty name; known: " + String.join(", ", NAMES));
        }
        String s = spec.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (s.startsWith("leaky-relu:")) {
            String slope = s.substring("leaky-relu:".length());
            try {
                return new LeakyRelu(Double.parseDouble(slope));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("activation '" + spec + "': slope '" + slope + "' is not a number");
            }
        }
        Activation known = BY_NAME.get(s);
        if (known == null) {
            throw new IllegalArgumentException(
                    "unknown activation '" + spec + "'; known: " + String.join(", ", NAMES) + " (leaky-relu:SLOPE)");
        }
        return known;
    }

    @SafeVarargs
    private static Map<String, Activation> table(Map.Entry<String, ? extends Activation>... entries) {
        Map<String, Activation> table = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Activation> e : entries) {
            table.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(table);
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** log(1 + e^z) = max(z, 0) + log(1 + e^-|z|), without overflow; see {@link SoftplusTail}. */
    static double softplus(double z) {
        return Math.max(z, 0.0) + SoftplusTail.value(Math.abs(z));
    }

    /**
     * max(0, z). Closed forms: {@code <relu^2>_K = K/2}, {@code <relu'^2>_K = 1/2},
     * {@code <relu^4>_K = 3K^2/2} (half of the Gaussian moments).
     */
    /** The angle between two inputs of covariance [[kaa, kab], [kab, kbb]]: theta = arccos(kab / sqrt(kaa kbb)). */
    static double angle(double kaa, double kab, double kbb) {
        double s = Math.sqrt(kaa * kbb);
        return s == 0 ? Math.PI / 2 : Math.acos(Math.max(-1, Math.min(1, kab / s)));
    }

    /**
     * The arc-cosine kernel J(theta) = {@code <r(z_a) r(z_b)>} of the ReLU r (Cho and Saul 2009):
     * {@code sqrt(kaa kbb) (sin theta + (pi - theta) cos theta) / (2 pi)}.
     */
    static double arcCosine(double kaa, double kab, double kbb, double theta) {
        return Math.sqrt(kaa * kbb) * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta)) / (2 * Math.PI);
    }

    public record Relu() implements Activation {
        @Override public String name() { return "relu"; }
        @Override public double value(double z) { return Math.max(z, 0.0); }
        @Override public double derivative(double z) { return z > 0 ? 1.0 : 0.0; }
        @Override public double[] kinks() { return new double[] {0.0}; }
        @Override public void applyInPlace(double[] v, int offset, int length) {
            // Branch-free: the sign of a random preactivation defeats branch prediction.
            for (int i = offset, end = offset + length; i < end; i++) {
                v[i] = Math.max(v[i], 0.0);
            }
        }
        @Override public OptionalDouble closedFormSecondMoment(double k) { return OptionalDouble.of(k / 2); }
        @Override public OptionalDouble closedFormDerivativeSecondMoment(double k) { return OptionalDouble.of(0.5); }
        @Override public OptionalDouble closedFormFourthMoment(double k) { return OptionalDouble.of(1.5 * k * k); }
        @Override public OptionalDouble closedFormTwoPoint(double kaa, double kab, double kbb) {
            return OptionalDouble.of(arcCosine(kaa, kab, kbb, angle(kaa, kab, kbb)));
        }
        @Override public OptionalDouble closedFormDerivativeTwoPoint(double kaa, double kab, double kbb) {
            return OptionalDouble.of((Math.PI - angle(kaa, kab, kbb)) / (2 * Math.PI));
        }
    }

    /**
     * z for z &gt; 0, a z otherwise. Closed forms: {@code <sigma^2>_K = (1+a^2) K/2},
     * {@code <sigma'^2>_K = (1+a^2)/2}, {@code <sigma^4>_K = 3 (1+a^4) K^2/2}.
     */
    public record LeakyRelu(double slope) implements Activation {
        public LeakyRelu {
            if (!Double.isFinite(slope)) {
                throw new IllegalArgumentException("leaky-relu slope must be finite, got " + slope);
            }
        }
        @Override public String name() { return "leaky-relu:" + slope; }
        @Override public double value(double z) { return z > 0 ? z : slope * z; }
        @Override public double derivative(double z) { return z > 0 ? 1.0 : slope; }
        @Override public double[] kinks() { return new double[] {0.0}; }
        @Override public OptionalDouble closedFormSecondMoment(double k) {
            return OptionalDouble.of((1 + slope * slope) * k / 2);
        }
        @Override public OptionalDouble closedFormDerivativeSecondMoment(double k) {
            return OptionalDouble.of((1 + slope * slope) / 2);
        }
        @Override public OptionalDouble closedFormFourthMoment(double k) {
            return OptionalDouble.of(1.5 * (1 + slope * slope * slope * slope) * k * k);
        }
        /** sigma = r(z) - a r(-z) with r the ReLU: (1 + a^2) J(theta) - 2a J(pi - theta). */
        @Override public OptionalDouble closedFormTwoPoint(double kaa, double kab, double kbb) {
            double theta = angle(kaa, kab, kbb);
            return OptionalDouble.of((1 + slope * slope) * arcCosine(kaa, kab, kbb, theta)
                    - 2 * slope * arcCosine(kaa, -kab, kbb, Math.PI - theta));
        }
        /** Both positive or both negative with probability (pi - theta)/(2 pi) each, opposite signs theta/pi. */
        @Override public OptionalDouble closedFormDerivativeTwoPoint(double kaa, double kab, double kbb) {
            double theta = angle(kaa, kab, kbb);
            return OptionalDouble.of((1 + slope * slope) * (Math.PI - theta) / (2 * Math.PI) + slope * theta / Math.PI);
        }
    }

    /** Identity. Closed forms: {@code <z^2>_K = K}, {@code <1>_K = 1}, {@code <z^4>_K = 3K^2}. */
    public record Linear() implements Activation {
        @Override public String name() { return "linear"; }
        @Override public double value(double z) { return z; }
        @Override public double derivative(double z) { return 1.0; }
        @Override public void applyInPlace(double[] v, int offset, int length) { }
        @Override public OptionalDouble closedFormSecondMoment(double k) { return OptionalDouble.of(k); }
        @Override public OptionalDouble closedFormDerivativeSecondMoment(double k) { return OptionalDouble.of(1.0); }
        @Override public OptionalDouble closedFormFourthMoment(double k) { return OptionalDouble.of(3 * k * k); }
        @Override public OptionalDouble closedFormTwoPoint(double kaa, double kab, double kbb) { return OptionalDouble.of(kab); }
        @Override public OptionalDouble closedFormDerivativeTwoPoint(double kaa, double kab, double kbb) {
            return OptionalDouble.of(1.0);
        }
    }

    /** tanh(z). */
    public record Tanh() implements Activation {
        @Override public String name() { return "tanh"; }
        @Override public double value(double z) { return Math.tanh(z); }
        @Override public double derivative(double z) {
            double t = Math.tanh(z);
            return 1.0 - t * t;
        }
    }

    /**
     * sin(z). Closed forms from {@code <cos(a z)>_K = e^{-a^2 K/2}}: {@code <sin^2>_K = (1 - e^{-2K})/2},
     * {@code <cos^2>_K = (1 + e^{-2K})/2}, {@code <sin^4>_K = 3/8 - e^{-2K}/2 + e^{-8K}/8}.
     */
    public record Sin() implements Activation {
        @Override public String name() { return "sin"; }
        @Override public double value(double z) { return Math.sin(z); }
        @Override public double derivative(double z) { return Math.cos(z); }
        @Override public OptionalDouble closedFormSecondMoment(double k) {
            return OptionalDouble.of(-0.5 * Math.expm1(-2 * k)); // expm1: no cancellation at small K
        }
        @Override public OptionalDouble closedFormDerivativeSecondMoment(double k) {
            return OptionalDouble.of(0.5 * (1 + Math.exp(-2 * k)));
        }
        @Override public OptionalDouble closedFormFourthMoment(double k) {
            // The O(K) terms cancel (the result is 3K^2 + ...): below K = 1e-3 quadrature is more accurate.
            if (k < 1e-3) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(-0.5 * Math.expm1(-2 * k) + 0.125 * Math.expm1(-8 * k));
        }
    }

    /**
     * log(1 + e^z); derivative sigmoid(z). Has no critical point (docs/theory.md,
     * "Criticality and universality classes").
     */
    public record Softplus() implements Activation {
        @Override public String name() { return "softplus"; }
        @Override public double value(double z) { return softplus(z); }
        @Override public double derivative(double z) { return sigmoid(z); }
    }

    /** log(1 + e^z) - log 2: sigma(0) = 0, so it belongs to the K*=0 class (paper footnote 4). */
    public record ShiftedSoftplus() implements Activation {
        @Override public String name() { return "shifted-softplus"; }
        @Override public double value(double z) { return softplus(z) - LOG_2; }
        @Override public double derivative(double z) { return sigmoid(z); }
    }

    /** z Phi(z) with Phi the standard normal CDF (erf form); derivative Phi(z) + z phi(z). */
    public record Gelu() implements Activation {
        @Override public String name() { return "gelu"; }
        @Override public double value(double z) { return z * 0.5 * (1 + Erf.erf(z * INV_SQRT_2)); }
        @Override public double derivative(double z) {
            return 0.5 * (1 + Erf.erf(z * INV_SQRT_2)) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
        }
    }

    /** z sigmoid(z); derivative sigmoid(z) (1 + z (1 - sigmoid(z))). */
    public record Swish() implements Activation {
        @Override public String name() { return "swish"; }
        @Override public double value(double z) { return z * sigmoid(z); }
        @Override public double derivative(double z) {
            double s = sigmoid(z);
            return s * (1 + z * (1 - s));
        }
    }
}
