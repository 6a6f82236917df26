package org.annft.theory;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Gaussian expectations (docs/theory.md, "Gaussian expectations"):
 * <pre>
 *   &lt;g(z)&gt;_K = integral g(z) exp(-z^2 / 2K) / sqrt(2 pi K) dz
 * </pre>
 * and the two-input {@code <g(z_a, z_b)>_K} over the 2x2 covariance {@code [[K_aa, K_ab], [K_ab, K_bb]]}.
 *
 * <p>Method: with {@code z = sqrt(K) u} the integral runs over the standard normal density on
 * {@code |u| <= 13} (the tail beyond carries a mass below 1e-38), by adaptive Gauss–Kronrod
 * quadrature whose panels start split at the kinks of g, so kinked integrands (ReLU) converge like
 * smooth ones. The two-input case uses the Cholesky factorization
 * {@code z_a = sqrt(K_aa) u}, {@code z_b = sqrt(K_bb) (rho u + sqrt(1 - rho^2) v)} as a nested
 * one-dimensional integral; {@code rho = +-1} and a zero variance reduce to one dimension.
 * The requested accuracy is 1e-13 relative to {@code <|g|>}; integrands may grow at most like
 * {@code exp(c |z|)} with {@code c sqrt(K)} of order a few.
 */
public final class GaussianExpectation {

    /** Integration range in standard deviations. */
    static final double RANGE = 13.0;
    private static final int INITIAL_PANELS = 8;
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    /** Relative excess of K_ab^2 over K_aa K_bb still accepted as rounding (then rho = +-1). */
    private static final double CORRELATION_SLACK = 1e-9;
    private static final GaussKronrod QUADRATURE = new GaussKronrod(1e-13, 4000);

    private GaussianExpectation() {
    }

    /**
     * {@code <g(z)>_K} for {@code z ~ N(0, K)}; {@code K = 0} gives {@code g(0)}.
     *
     * @param kinks points where g or its derivative jumps (may be empty)
     * @throws IllegalArgumentException if the kernel is negative or not finite
     */
    public static double of(DoubleUnaryOperator g, double kernel, double... kinks) {
        requireVariance("kernel", kernel);
        if (kernel == 0) {
            return g.applyAsDouble(0.0);
        }
        double scale = Math.sqrt(kernel);
        return standardNormal(u -> g.applyAsDouble(scale * u), scaled(kinks, 1.0 / scale));
    }

    /**
     * {@code <g(z_a, z_b)>} for {@code (z_a, z_b)} centered Gaussian with covariance
     * {@code [[kaa, kab], [kab, kbb]]}.
     *
     * @param kinksA kinks of g in its first argument
     * @param kinksB kinks of g in its second argument
     * @throws IllegalArgumentException if a variance is negative or the matrix is not positive
     *     semidefinite (beyond rounding)
     */
    public static double of(DoubleBinaryOperator g, double kaa, double kab, double kbb,
                            double[] kinksA, double[] kinksB) {
        requireVariance("kaa", kaa);
        requireVariance("kbb", kbb);
        if (!Double.isFinite(kab)) {
            throw new IllegalArgumentException("kab must be finite, got " + kab);
        }
        if (kab * kab > kaa * kbb * (1 + CORRELATION_SLACK)) {
            throw new IllegalArgumentException("covariance [[" + kaa + ", " + kab + "], [" + kab + ", " + kbb
                    + "]] is not positive semidefinite: kab^2 > kaa kbb");
        }
        if (kaa == 0) {
            return of(zb -> g.applyAsDouble(0.0, zb), kbb, kinksB);
        }
        if (kbb == 0) {
            return of(za -> g.applyAsDouble(za, 0.0), kaa, kinksA);
        }
        double sa = Math.sqrt(kaa);
        double sb = Math.sqrt(kbb);
        double rho = Math.max(-1.0, Math.min(1.0, kab / (sa * sb)));
        // sqrt((1 - rho)(1 + rho)) keeps its relative accuracy as rho -> +-1.
        double perpendicular = Math.sqrt((1 - rho) * (1 + rho)) * sb;
        double along = rho * sb;
        double[] outerBreaks = rho == 0
                ? scaled(kinksA, 1.0 / sa)
                : concat(scaled(kinksA, 1.0 / sa), scaled(kinksB, 1.0 / along));
        if (perpendicular == 0) {
            return standardNormal(u -> g.applyAsDouble(sa * u, along * u), outerBreaks);
        }
        double[] breaks = new double[kinksB.length];
        // The outer integrand is an inner integral; its magnitude is the inner integral of |g|.
        GaussKronrod.Integrand outer = (u, out) -> {
            double za = sa * u;
            double shift = along * u;
            for (int i = 0; i < breaks.length; i++) {
                breaks[i] = (kinksB[i] - shift) / perpendicular;
            }
            GaussKronrod.Estimate inner = standardNormal(
                    GaussKronrod.plain(v -> g.applyAsDouble(za, shift + perpendicular * v)), breaks);
            out[0] = inner.value();
            out[1] = inner.absolute();
        };
        return standardNormal(outer, outerBreaks).value();
    }

    /** integral over |u| &lt;= RANGE of f(u) phi(u) du, panels split at the given points. */
    private static double standardNormal(DoubleUnaryOperator f, double[] breaks) {
        return standardNormal(GaussKronrod.plain(f), breaks).value();
    }

    /** integral over |u| &lt;= RANGE of f(u) phi(u) du and of its magnitude times phi(u). */
    private static GaussKronrod.Estimate standardNormal(GaussKronrod.Integrand f, double[] breaks) {
        double[] points = panelEnds(breaks);
        return QUADRATURE.integrate((u, out) -> {
            double w = INV_SQRT_2PI * Math.exp(-0.5 * u * u);
            if (w == 0) { // 0 * inf guard: f may overflow far out where the weight has already vanished
                out[0] = 0.0;
                out[1] = 0.0;
                return;
            }
            f.evaluate(u, out);
            out[0] *= w;
            out[1] *= w;
        }, points);
    }

    private static double[] panelEnds(double[] breaks) {
        double[] points = new double[INITIAL_PANELS + 1 + breaks.length];
        int n = 0;
        for (int i = 0; i <= INITIAL_PANELS; i++) {
            points[n++] = -RANGE + 2 * RANGE * i / INITIAL_PANELS;
        }
        for (double b : breaks) {
            if (b > -RANGE && b < RANGE) {
                points[n++] = b;
            }
        }
        double[] sorted = Arrays.copyOf(points, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void requireVariance(String name, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + value);
        }
    }
}
