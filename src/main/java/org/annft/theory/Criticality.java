package org.annft.theory;

import java.util.Locale;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Finds the critical initialization of any activation (docs/theory.md,
 * "Criticality and universality classes"; PDLT Sec. 5.3) by numerical tests of sigma, not by its
 * name:
 * <ol>
 *   <li>Scale-invariant: {@code sigma(a z) = a sigma(z)} at sampled a &gt; 0 and z. Then
 *       {@code chi_par = chi_perp = C_W <sigma'^2>} for every K, so {@code C_b = 0},
 *       {@code C_W = 1 / <sigma'^2>} (2/(1+a^2) for leaky ReLU) and every K is a fixed point.</li>
 *   <li>K* = 0 with the kernel flowing to it: {@code sigma(0) = 0}, {@code sigma'(0) != 0},
 *       {@code C_b = 0}, {@code C_W = 1/sigma'(0)^2}, and
 *       {@code a1 = sigma'''(0)/sigma'(0) + (3/4)(sigma''(0)/sigma'(0))^2 < 0} (PDLT Sec. 5.3.3:
 *       {@code K^(l+1) = K + a1 K^2 + ...} and {@code chi_par = 1 + 2 a1 K + ...}, so the kernel
 *       decays like {@code -1/(a1 l)}; tanh a1 = -2, sin -1).</li>
 *   <li>Nontrivial K* &gt; 0: since {@code chi_par / chi_perp = <z sigma sigma'>_K / (K <sigma'^2>_K)}
 *       does not depend on C_W, the two-dimensional problem reduces to the root of
 *       {@code h(K) = <z sigma sigma'>_K / K - <sigma'^2>_K} (equivalently {@code <sigma sigma''>_K = 0}),
 *       bracketed on a logarithmic grid over [1e-3, 1e4] and refined by Brent's method; then
 *       {@code C_W = 1/<sigma'^2>_{K*}} and {@code C_b = K* - C_W <sigma^2>_{K*}}, kept if
 *       {@code C_b >= 0}. The smallest such K* is reported (GELU, SWISH).</li>
 *   <li>K* = 0 that repels: {@code sigma(0) = 0}, {@code sigma'(0) != 0} but {@code a1 >= 0}, so
 *       {@code chi_par > 1} just above 0 and a kernel K^(1) &gt; 0 grows away from 0; no nontrivial
 *       K* either (shifted softplus, a1 = 3/16; paper footnote 4 tunes it to K = 0 only).</li>
 *   <li>Otherwise none, with a message naming the condition that fails (softplus).</li>
 * </ol>
 */
public final class Criticality {

    private static final double[] SCALES = {0.3, 2.5, 7.0};
    private static final double[] SAMPLES = {-3.1, -1.2, -0.35, 0.2, 0.9, 2.7};
    private static final double ZERO_TOLERANCE = 1e-12;
    /** Step of the central differences of sigma' at 0: truncation and rounding errors both about 1e-8. */
    private static final double DIFFERENCE_STEP = 1e-4;
    private static final double SCAN_LOW = 1e-3;
    private static final double SCAN_HIGH = 1e4;
    private static final int SCAN_POINTS_PER_DECADE = 10;
    private static final int MAX_SOLVER_EVALUATIONS = 200;

    private Criticality() {
    }

    /** The criticality class and critical point of sigma. */
    public static CriticalPoint of(Activation sigma) {
        if (isScaleInvariant(sigma)) {
            return scaleInvariant(sigma);
        }
        double value0 = sigma.value(0.0);
        double slope0 = sigma.derivative(0.0);
        boolean zeroCandidate = Math.abs(value0) <= ZERO_TOLERANCE && Math.abs(slope0) > ZERO_TOLERANCE;
        double a1 = zeroCandidate ? a1(sigma) : Double.NaN;
        if (zeroCandidate && a1 < 0) {
            return kStarZero(sigma, a1, String.format(Locale.ROOT,
                    "sigma(0) = 0 and sigma'(0) = %.6g != 0: K* = 0 with C_b = 0, C_W = 1/sigma'(0)^2;"
                            + " a1 = sigma'''(0)/sigma'(0) + (3/4)(sigma''(0)/sigma'(0))^2 = %.6g < 0, so"
                            + " chi_par = 1 + 2 a1 K < 1 for small K > 0 and the kernel flows to 0 like 1/l", slope0, a1));
        }
        Scan scan = scan(sigma);
        if (scan.root > 0) {
            return nontrivial(sigma, scan.root, zeroCandidate ? String.format(Locale.ROOT,
                    " (K* = 0 with C_W = 1/sigma'(0)^2 repels: a1 = %.6g >= 0)", a1) : "");
        }
        if (zeroCandidate) {
            return kStarZero(sigma, a1, String.format(Locale.ROOT,
                    "sigma(0) = 0 and sigma'(0) = %.6g != 0: K* = 0 with C_b = 0, C_W = 1/sigma'(0)^2 satisfies"
                            + " the three conditions at K = 0, but the fixed point repels: a1 = sigma'''(0)/sigma'(0)"
                            + " + (3/4)(sigma''(0)/sigma'(0))^2 = %.6g >= 0, so chi_par = 1 + 2 a1 K > 1 just above"
                            + " K = 0 and a kernel K^(1) > 0 grows away from 0 (K^(l+1) = K + a1 K^2 + ...); it"
                            + " does not hold the kernel, so no nu or r* follows from it; no nontrivial K* in"
                            + " [%s, %s]%s",
                    slope0, a1, SCAN_LOW, SCAN_HIGH, scan.rejected));
        }
        return none(sigma, value0, scan);
    }

    /** sigma(a z) = a sigma(z) at the sampled a &gt; 0 and z, to relative 1e-12. */
    static boolean isScaleInvariant(Activation sigma) {
        for (double a : SCALES) {
            for (double z : SAMPLES) {
                double expected = a * sigma.value(z);
                if (!(Math.abs(sigma.value(a * z) - expected) <= 1e-12 * (1 + Math.abs(expected)))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static CriticalPoint scaleInvariant(Activation sigma) {
        double kernel = 1.0; // any K would do; the residuals are evaluated here
        double cw = 1.0 / GaussianMoments.derivativeSecondMoment(sigma, kernel);
        return new CriticalPoint(sigma.name(), CriticalityClass.SCALE_INVARIANT, cw, 0.0, Double.NaN,
                kernel - LayerMaps.nextKernel(sigma, new Initialization(cw, 0.0), kernel),
                Susceptibilities.chiParallel(sigma, cw, kernel) - 1,
                Susceptibilities.chiPerpendicular(sigma, cw, kernel) - 1, Double.NaN,
                String.format(Locale.ROOT, "sigma(a z) = a sigma(z) for a > 0: C_b = 0 and C_W = 1/<sigma'^2> = %.10g"
                        + " make every K a fixed point with chi_par = chi_perp = 1", cw));
    }

    /**
     * {@code a1 = sigma'''(0)/sigma'(0) + (3/4)(sigma''(0)/sigma'(0))^2}, the coefficient of
     * {@code K^(l+1) = K + a1 K^2 + O(K^3)} at {@code C_W = 1/sigma'(0)^2}, {@code C_b = 0}, for
     * sigma(0) = 0 (PDLT Sec. 5.3.3). sigma''(0) and sigma'''(0) by central differences of sigma'.
     */
    public static double a1(Activation sigma) {
        double h = DIFFERENCE_STEP;
        double plus = sigma.derivative(h);
        double minus = sigma.derivative(-h);
        double slope = sigma.derivative(0.0);
        double second = (plus - minus) / (2 * h);
        double third = (plus - 2 * slope + minus) / (h * h);
        double ratio = second / slope;
        return third / slope + 0.75 * ratio * ratio;
    }

    private static CriticalPoint kStarZero(Activation sigma, double a1, String message) {
        double slope0 = sigma.derivative(0.0);
        double cw = 1.0 / (slope0 * slope0);
        double value0 = sigma.value(0.0);
        return new CriticalPoint(sigma.name(), CriticalityClass.K_STAR_ZERO, cw, 0.0, 0.0,
                -cw * value0 * value0,
                Susceptibilities.chiParallel(sigma, cw, 0.0) - 1,
                Susceptibilities.chiPerpendicular(sigma, cw, 0.0) - 1,
                a1, message);
    }

    private static CriticalPoint nontrivial(Activation sigma, double kernel, String note) {
        double cw = 1.0 / GaussianMoments.derivativeSecondMoment(sigma, kernel);
        double cb = kernel - cw * GaussianMoments.secondMoment(sigma, kernel);
        Initialization init = new Initialization(cw, cb);
        return new CriticalPoint(sigma.name(), CriticalityClass.NONTRIVIAL, cw, cb, kernel,
                kernel - LayerMaps.nextKernel(sigma, init, kernel),
                Susceptibilities.chiParallel(sigma, cw, kernel) - 1,
                Susceptibilities.chiPerpendicular(sigma, cw, kernel) - 1, Double.NaN,
                String.format(Locale.ROOT, "chi_par = chi_perp at K* = %.10g (<sigma sigma''>_K* = 0), with"
                        + " C_W = 1/<sigma'^2>_K* = %.10g and C_b = K* - C_W <sigma^2>_K* = %.10g%s",
                        kernel, cw, cb, note));
    }

    private static CriticalPoint none(Activation sigma, double value0, Scan scan) {
        double slope0 = sigma.derivative(0.0);
        String atZero = Math.abs(slope0) > ZERO_TOLERANCE
                ? String.format(Locale.ROOT, "; at K -> 0 the ratio is 1 + sigma(0) sigma''(0)/sigma'(0)^2 = %.6g",
                        Susceptibilities.chiParallel(sigma, 1.0, 0.0) / (slope0 * slope0))
                : "";
        String zeroReason = Math.abs(value0) > ZERO_TOLERANCE
                ? String.format(Locale.ROOT, "sigma(0) = %.6g != 0, so K* = 0 is no fixed point (it needs C_b = 0"
                        + " and C_W sigma(0)^2 = 0)", value0)
                : "sigma'(0) = 0, so chi_perp vanishes at K* = 0";
        String ratio = scan.rejected.isEmpty()
                ? String.format(Locale.ROOT, "stays %s 1 for every K in [%s, %s]%s, so no (C_W, C_b) makes both"
                        + " susceptibilities 1", scan.sign > 0 ? "above" : "below", SCAN_LOW, SCAN_HIGH, atZero)
                : String.format(Locale.ROOT, "reaches 1 in [%s, %s] only where C_b < 0%s",
                        SCAN_LOW, SCAN_HIGH, scan.rejected);
        return new CriticalPoint(sigma.name(), CriticalityClass.NONE, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                String.format(Locale.ROOT, "no critical point: %s; sigma is not scale-invariant; and"
                        + " chi_par/chi_perp = <z sigma sigma'>_K / (K <sigma'^2>_K), which does not depend on C_W, %s",
                        zeroReason, ratio));
    }

    /** Outcome of the nontrivial search: the smallest admissible root (or -1), the sign seen, rejections. */
    private record Scan(double root, int sign, String rejected) {
    }

    private static Scan scan(Activation sigma) {
        int decades = (int) Math.round(Math.log10(SCAN_HIGH / SCAN_LOW));
        int points = decades * SCAN_POINTS_PER_DECADE;
        BrentSolver solver = new BrentSolver(1e-15, 1e-300, 0.0);
        StringBuilder rejected = new StringBuilder();
        double previousKernel = SCAN_LOW;
        double previous = ratioGap(sigma, previousKernel);
        int sign = (int) Math.signum(previous);
        for (int i = 1; i <= points; i++) {
            double kernel = SCAN_LOW * Math.pow(10.0, (double) i / SCAN_POINTS_PER_DECADE);
            double current = ratioGap(sigma, kernel);
            if (previous * current < 0) {
                double root = solver.solve(MAX_SOLVER_EVALUATIONS, k -> ratioGap(sigma, k), previousKernel, kernel);
                double cw = 1.0 / GaussianMoments.derivativeSecondMoment(sigma, root);
                double cb = root - cw * GaussianMoments.secondMoment(sigma, root);
                if (cb >= 0) {
                    return new Scan(root, sign, rejected.toString());
                }
                rejected.append(String.format(Locale.ROOT,
                        "; chi_par = chi_perp at K = %.6g would need C_b = %.6g < 0", root, cb));
            }
            previous = current;
            previousKernel = kernel;
        }
        return new Scan(-1, sign, rejected.toString());
    }

    /** h(K) = &lt;z sigma sigma'&gt;_K / K - &lt;sigma'^2&gt;_K = (chi_par - chi_perp) / C_W. */
    private static double ratioGap(Activation sigma, double kernel) {
        return GaussianMoments.parallelMoment(sigma, kernel) / kernel
                - GaussianMoments.derivativeSecondMoment(sigma, kernel);
    }
}
