package org.annft.report;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.annft.train.SweepMode;

/** How the report names activations, training modes and numbers. */
final class Labels {

    private static final Map<String, String> ACTIVATIONS = Map.of(
            "relu", "ReLU", "tanh", "Tanh", "softplus", "Softplus", "gelu", "GELU", "swish", "SWISH",
            "sigmoid", "Sigmoid", "linear", "Linear", "sin", "Sine");

    private Labels() {
    }

    /** {@code relu} as ReLU, {@code tanh} as Tanh, as the paper writes them. */
    static String activation(String name) {
        String known = ACTIVATIONS.get(name);
        return known != null ? known : name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** The mode's label ({@code cict} as CICT, {@code adam-cint} as Adam CINT); a mode annft does not know as written. */
    static String mode(String mode) {
        return SweepMode.find(mode).map(SweepMode::label).orElse(mode);
    }

    /** Orders training modes as {@link SweepMode} lists them (the paper's order); unknown modes last. */
    static final Comparator<String> MODE_ORDER = Comparator.<String>comparingInt(
            m -> SweepMode.find(m).map(Enum::ordinal).orElse(Integer.MAX_VALUE)).thenComparing(Comparator.naturalOrder());

    /** A number with at most four significant digits and no trailing zeros: 2, 0.0348, 1.5e-05. */
    static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return String.valueOf(x);
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e7) {
            return String.valueOf((long) x);
        }
        String s = String.format(Locale.ROOT, "%.4g", x);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }

    /** A fixed number of decimals, as Table I prints them. */
    static String fixed(double x, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    /** "1 hidden layer", "3 hidden layers". */
    static String hiddenLayers(int hidden) {
        return hidden + (hidden == 1 ? " hidden layer" : " hidden layers");
    }

    /** Panel letters as the paper uses them: (a), (b), ... */
    static String letter(int index) {
        return "(" + (char) ('a' + index % 26) + ")";
    }
}
