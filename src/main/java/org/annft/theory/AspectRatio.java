package org.annft.theory;

import java.io.Serializable;

/**
 * The optimal aspect ratio (paper Eq. 50; docs/theory.md, "Optimal aspect ratio"):
 * {@code r* = (4 / (20 + 3 n_out)) / nu} and the optimal width {@code n* = l_out / r*}, where
 * {@code nu} is the slope of the critical vertex, {@code V^(l) / (K^(l))^2 ~ nu l}.
 *
 * <p>nu from the critical four-point recursion {@code V^(l+1) = chi_par^2 V^(l) + C_W^2 [<sigma^4> - <sigma^2>^2]}:
 * <ul>
 *   <li>scale-invariant and nontrivial K*: the kernel stays at K* and chi_par = 1, so each layer adds the
 *       same source and {@code nu = C_W^2 [<sigma^4>_K* - <sigma^2>_K*^2] / K*^2} exactly (any K for
 *       scale-invariant; ReLU: 5, leaky ReLU: {@code 6 (1+a^4)/(1+a^2)^2 - 1}, linear: 2).</li>
 *   <li>K* = 0: expanding in K, {@code K^(l+1) = K + a_1 K^2}, {@code chi_par = 1 + 2 a_1 K} and the source is
 *       {@code 2 K^2}; with {@code K ~ -1/(a_1 l)} the recursion {@code V' = (1 - 4/l) V + 2/(a_1 l)^2} gives
 *       {@code V = 2/(3 a_1^2 l)}, so {@code nu = 2/3} for every member (PDLT Sec. 5.4; tanh). This
 *       needs {@code a_1 < 0}: with {@code a_1 >= 0} (shifted softplus) the fixed point repels, the
 *       kernel grows away from 0, and nu is NaN.</li>
 *   <li>none: NaN.</li>
 * </ul>
 *
 * @param nu                 the critical vertex slope
 * @param outputWidth        n_out
 * @param outputLayer        l_out = L + 1
 * @param optimalAspectRatio r*
 * @param optimalWidth       n* = l_out / r* (not rounded)
 */
public record AspectRatio(double nu, int outputWidth, int outputLayer, double optimalAspectRatio,
                          double optimalWidth) implements Serializable {

    /** nu of the K* = 0 class. */
    public static final double K_STAR_ZERO_NU = 2.0 / 3.0;

    public AspectRatio {
        if (outputWidth < 1) {
            throw new IllegalArgumentException("outputWidth (n_out) must be at least 1, got " + outputWidth);
        }
        if (outputLayer < 1) {
            throw new IllegalArgumentException("outputLayer (l_out) must be at least 1, got " + outputLayer);
        }
    }

    /** r*, n* for a given nu. */
    public static AspectRatio of(double nu, int outputLayer, int outputWidth) {
        if (outputWidth < 1) {
            throw new IllegalArgumentException("outputWidth (n_out) must be at least 1, got " + outputWidth);
        }
        double rStar = optimalAspectRatio(nu, outputWidth);
        return new AspectRatio(nu, outputWidth, outputLayer, rStar, outputLayer / rStar);
    }

    /** r*, n* for an activation at its critical point. */
    public static AspectRatio of(Activation activation, int outputLayer, int outputWidth) {
        return of(nu(activation, Criticality.of(activation)), outputLayer, outputWidth);
    }

    /** r* = (4 / (20 + 3 n_out)) / nu (paper Eq. 50). */
    public static double optimalAspectRatio(double nu, int outputWidth) {
        return 4.0 / (20.0 + 3.0 * outputWidth) / nu;
    }

    /** The critical vertex slope nu of sigma at its critical point (see the class comment). */
    public static double nu(Activation sigma, CriticalPoint critical) {
        switch (critical.universalityClass()) {
            case K_STAR_ZERO:
                return critical.fixedPointRepels() ? Double.NaN : K_STAR_ZERO_NU;
            case NONE:
                return Double.NaN;
            default:
                double kernel = critical.universalityClass() == CriticalityClass.SCALE_INVARIANT
                        ? 1.0 : critical.fixedPointKernel();
                return LayerMaps.vertexSource(sigma, critical.initialization(), kernel) / (kernel * kernel);
        }
    }
}
