package org.annft.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Tick labels a reader takes in at a glance: plain decimals from 0.001 to below 10^5 ({@code 0},
 * {@code 0.25}, {@code 1500}), and m×10^k beyond ({@code 8×10⁻⁵}, {@code 10⁶}), never
 * JFreeChart's {@code 0E0} or {@code 8E-5}. Values are rounded to 10 significant digits first, so
 * that a tick at 0.1 + 0.2 reads {@code 0.3}.
 */
final class TickFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    /** The one instance: the format holds no state. */
    static final TickFormat INSTANCE = new TickFormat();

    private static final double PLAIN_LOW = 1e-3;
    private static final double PLAIN_HIGH = 1e5;
    private static final MathContext DIGITS = new MathContext(10);
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private TickFormat() {
    }

    /** The label of a tick at {@code value}. */
    static String label(double value) {
        if (value == 0) {
            return "0";
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(DIGITS);
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= PLAIN_LOW && magnitude < PLAIN_HIGH) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        String power = "10" + superscript(exponent);
        if (mantissa.abs().compareTo(BigDecimal.ONE) == 0) {
            return mantissa.signum() < 0 ? "-" + power : power;
        }
        return mantissa.toPlainString() + "×" + power;
    }

    static String superscript(int exponent) {
        StringBuilder b = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
            b.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return b.toString();
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("tick labels are not parsed");
    }
}
