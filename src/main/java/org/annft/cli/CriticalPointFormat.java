package org.annft.cli;

import java.util.Locale;
import org.annft.theory.CriticalPoint;
import org.annft.table.TextValues;

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
        return "{" + field("activation", TextValues.jsonString(c.activation())) + ","
                + field("class", TextValues.jsonString(c.universalityClass().name())) + ","
                + field("class_label", TextValues.jsonString(c.universalityClass().label())) + ","
                + field("weight_variance", TextValues.jsonNumber(c.criticalWeightVariance())) + ","
                + field("bias_variance", TextValues.jsonNumber(c.criticalBiasVariance())) + ","
                + field("fixed_point_kernel", TextValues.jsonNumber(c.fixedPointKernel())) + ","
                + field("residual_kernel", TextValues.jsonNumber(c.residualKernel())) + ","
                + field("residual_chi_parallel", TextValues.jsonNumber(c.residualChiParallel())) + ","
                + field("residual_chi_perpendicular", TextValues.jsonNumber(c.residualChiPerpendicular())) + ","
                + field("a1", TextValues.jsonNumber(c.a1())) + ","
                + field("fixed_point_repels", Boolean.toString(c.fixedPointRepels())) + ","
                + field("message", TextValues.jsonString(c.message())) + "}";
    }

    private static String field(String name, String value) {
        return TextValues.jsonString(name) + ":" + value;
    }
}
