package org.annft.theory;

import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive 21-point Gauss–Kronrod quadrature on a finite interval with breakpoints
 * (the QUADPACK QAGP scheme): the interval with the largest error estimate is bisected until the
 * summed error estimate drops below {@code relativeTolerance} times the integral of the integrand's
 * magnitude. Breakpoints (kinks of the integrand) start as interval ends, so a kink never lies
 * inside a panel and kinked integrands converge as fast as smooth ones.
 *
 * <p>The magnitude is |f| for a plain function. An integrand that is itself a computed integral
 * reports the integral of |g| instead, so that its rounding noise (relative to that scale) is not
 * mistaken for structure when the inner integrals cancel to nearly zero.
 */
final class GaussKronrod {

    /** Kronrod abscissae on [-1, 1], positive half, descending; odd indices are the Gauss nodes. */
    private static final double[] XGK = {
        0.995657163025808080735527280689003, 0.973906528517171720077964012084452,
        0.930157491355708226001207180059508, 0.865063366688984510732096688423493,
        0.780817726586416897063717578345042, 0.679409568299024406234327365114874,
        0.562757134668604683339000099272694, 0.433395394129247190799265943165784,
        0.294392862701460198131126603103866, 0.148874338981631210884826001129720,
        0.0,
    };
    /** Kronrod weights matching {@link #XGK}. */
    private static final double[] WGK = {
        0.011694638867371874278064396062192, 0.032558162307964727478818972459390,
        0.054755896574351996031381300244580, 0.075039674810919952767043140916190,
        0.093125454583697605535065465083366, 0.109387158802297641899210590325805,
        0.123491976262065851077958109831074, 0.134709217311473325928054001771707,
        0.142775938577060080797094273138717, 0.147739104901338491374841515972068,
        0.149445554002916905664936468389821,
    };
    /** 10-point Gauss weights for the nodes XGK[1], XGK[3], ..., XGK[9]. */
    private static final double[] WG = {
        0.066671344308688137593568809893332, 0.149451349150580593145776339657697,
        0.219086362515982043995534934228163, 0.269266719309996355091226921569469,
        0.295524224714752870173892994651338,
    };
    private static final double EPSILON = Math.ulp(1.0);

    private final double relativeTolerance;
    private final int maxPanels;

    GaussKronrod(double relativeTolerance, int maxPanels) {
        this.relativeTolerance = relativeTolerance;
        this.maxPanels = maxPanels;
    }

    /** An integrand writing its value to {@code out[0]} and its magnitude (normally |value|) to {@code out[1]}. */
    @FunctionalInterface
    interface Integrand {
        void evaluate(double x, double[] out);
    }

    /** The integral and the integral of the integrand's magnitude. */
    record Estimate(double value, double absolute) {
    }

    /** A plain function as an integrand of magnitude |f|. */
    static Integrand plain(DoubleUnaryOperator f) {
        return (x, out) -> {
            double v = f.applyAsDouble(x);
            out[0] = v;
            out[1] = Math.abs(v);
        };
    }

    /** {@link #integrate(Integrand, double[])} of a plain function; returns the integral only. */
    double integrate(DoubleUnaryOperator f, double[] points) {
        return integrate(plain(f), points).value();
    }

    /**
     * Integral of f over [points[0], points[last]], with the sorted {@code points} as initial
     * panel ends. Returns the best estimate even if the panel budget runs out first; NaN integrands
     * give NaN.
     */
    Estimate integrate(Integrand f, double[] points) {
        PriorityQueue<Panel> panels = new PriorityQueue<>((p, q) -> Double.compare(q.error, p.error));
        double[] buffer = new double[2];
        double result = 0;
        double error = 0;
        double absolute = 0;
        for (int i = 0; i + 1 < points.length; i++) {
            if (points[i + 1] > points[i]) {
                Panel p = panel(f, points[i], points[i + 1], buffer);
                panels.add(p);
                result += p.value;
                error += p.error;
                absolute += p.absolute;
            }
        }
        while (panels.size() < maxPanels && error > relativeTolerance * absolute) {
            Panel worst = panels.poll();
            double mid = 0.5 * (worst.lower + worst.upper);
            if (!(mid > worst.lower && mid < worst.upper)) {
                panels.add(worst); // cannot bisect further in double precision
                break;
            }
            Panel left = panel(f, worst.lower, mid, buffer);
            Panel right = panel(f, mid, worst.upper, buffer);
            panels.add(left);
            panels.add(right);
            result += left.value + right.value - worst.value;
            error += left.error + right.error - worst.error;
            absolute += left.absolute + right.absolute - worst.absolute;
        }
        // Re-sum to remove the drift of the running updates.
        double sum = 0;
        double sumAbsolute = 0;
        for (Panel p : panels) {
            sum += p.value;
            sumAbsolute += p.absolute;
        }
        return new Estimate(Double.isNaN(result) ? Double.NaN : sum, sumAbsolute);
    }

    private record Panel(double lower, double upper, double value, double error, double absolute) {
    }

    /** One 21-point Kronrod panel with the QUADPACK error estimate (qk21). */
    private static Panel panel(Integrand f, double lower, double upper, double[] buffer) {
        double center = 0.5 * (lower + upper);
        double half = 0.5 * (upper - lower);
        f.evaluate(center, buffer);
        double fCenter = buffer[0];
        double kronrod = WGK[10] * fCenter;
        double gauss = 0;
        double absolute = WGK[10] * buffer[1];
        double[] f1 = new double[10];
        double[] f2 = new double[10];
        for (int j = 0; j < 10; j++) {
            double dx = half * XGK[j];
            f.evaluate(center - dx, buffer);
            double a = buffer[0];
            absolute += WGK[j] * buffer[1];
            f.evaluate(center + dx, buffer);
            double b = buffer[0];
            absolute += WGK[j] * buffer[1];
            f1[j] = a;
            f2[j] = b;
            kronrod += WGK[j] * (a + b);
            if (j % 2 == 1) {
                gauss += WG[j / 2] * (a + b);
            }
        }
        double mean = 0.5 * kronrod;
        double asc = WGK[10] * Math.abs(fCenter - mean);
        for (int j = 0; j < 10; j++) {
            asc += WGK[j] * (Math.abs(f1[j] - mean) + Math.abs(f2[j] - mean));
        }
        double width = Math.abs(half);
        double value = kronrod * half;
        absolute *= width;
        asc *= width;
        double error = Math.abs((kronrod - gauss) * half);
        if (asc != 0 && error != 0) {
            error = asc * Math.min(1, Math.pow(200 * error / asc, 1.5));
        }
        if (absolute > Double.MIN_NORMAL / (50 * EPSILON)) {
            error = Math.max(50 * EPSILON * absolute, error);
        }
        return new Panel(lower, upper, value, error, absolute);
    }
}
