package org.annft.cli;

import java.util.Locale;
import org.annft.theory.CriticalPoint;

/** A {@link CriticalPoint} as text or as one JSON object (NaN as null). */
final class CriticalPointFormat {

    private CriticalPointFormat() {
    }

    static String text(CriticalPoint c) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "activation: %s%nclass: %s%n", c.activation(), c.universalityClass().label()));
        if (c.exists()) {
            sb.append(String.format(Locale.ROOT, "C_W = %.12g%nC_b = %.12g%nK*  = %s%n", c.criticalWeightVariance(),
                    c.criticalBiasVariance(), Double.isNaN(c.fixedPointKernel())
                            ? "any (every K is a fixed point)" : String.format(Locale.ROOT, "%.12g", c.fixedPointKernel())));
            sb.append(String.format(Locale.ROOT, "residuals: K* - C_b - C_W <sigma^2> = %.3g, chi_parallel - 1 = %.3g,"
                    + " chi_perpendicular - 1 = %.3g%n", c.residualKernel(), c.residualChiParallel(),
                    c.residualChiPerpendicular()));
        }
        if (!Double.isNaN(c.a1())) {
            sb.append(String.format(Locale.ROOT, "a1 = sigma'''(0)/sigma'(0) + (3/4)(sigma''(0)/sigma'(0))^2 = %.6g:"
                    + " the fixed point %s%n", c.a1(), c.fixedPointRepels() ? "repels" : "attracts"));
        }
        return sb.append(c.message()).toString();
    }

    static String json(CriticalPoint c) {
        return "{" + field("activation", quote(c.activation())) + ","
                + field("class", quote(c.universalityClass().name())) + ","
                + field("class_label", quote(c.universalityClass().label())) + ","
                + field("weight_variance", number(c.criticalWeightVariance())) + ","
                + field("bias_variance", number(c.criticalBiasVariance())) + ","
                + field("fixed_point_kernel", number(c.fixedPointKernel())) + ","
                + field("residual_kernel", number(c.residualKernel())) + ","
                + field("residual_chi_parallel", number(c.residualChiParallel())) + ","
                + field("residual_chi_perpendicular", number(c.residualChiPerpendicular())) + ","
                + field("a1", number(c.a1())) + ","
                + field("fixed_point_repels", Boolean.toString(c.fixedPointRepels())) + ","
                + field("message", quote(c.message())) + "}";
    }

    private static String field(String name, String value) {
        return quote(name) + ":" + value;
    }

    private static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
