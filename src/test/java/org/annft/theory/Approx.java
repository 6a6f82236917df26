package org.annft.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relative-error assertions for the theory tests. */
final class Approx {

    private Approx() {
    }

    /** |actual - expected| &lt;= tolerance |expected| (absolute when expected is 0). */
    static void assertRelative(double expected, double actual, double tolerance, String what) {
        double scale = expected == 0 ? 1.0 : Math.abs(expected);
        double error = Math.abs(actual - expected) / scale;
        assertTrue(error <= tolerance, () -> what + ": expected " + expected + ", got " + actual
                + " (relative error " + error + " > " + tolerance + ")");
    }
}
