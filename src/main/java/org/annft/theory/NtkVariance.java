package org.annft.theory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The NTK's fluctuations over initializations at leading order in 1/n, for one input: the variance
 * of the NTK {@code H^(l)} of one neuron of layer l (docs/theory.md, "NTK variance"; PDLT Ch. 8, the
 * NTK variance tensors A, B and the NTK-preactivation cross-correlation D, on the diagonal).
 *
 * <p>With {@code n} the hidden width, {@code Theta^(l)} the infinite-width NTK and {@code V^(l)} the
 * four-point vertex,
 * <pre>
 *   var H^(l)_ii      = (A^(l) + 2 B^(l)) / n     cov(H_ii, H_jj) = A^(l) / n   (i != j)
 *   E[H_ij^2]         = B^(l) / n                  cov(H_ii, z_j^2) = D^(l) / n  (i != j)
 * </pre>
 * all zero in the first layer, whose NTK is the same for every network. Layer l -> l+1, with
 * {@code C_W, lambda_b, lambda_W} of layer l+1 and every expectation over {@code z ~ N(0, K^(l))}:
 * <pre>
 *   Omega(z) = lambda_W sigma(z)^2 + C_W Theta^(l) sigma'(z)^2       (a neuron's share of H^(l+1))
 *   a        = d&lt;Omega&gt;_K/dK = lambda_W d&lt;sigma^2&gt;/dK + C_W Theta^(l) d&lt;sigma'^2&gt;/dK
 *   A^(l+1)  = var(Omega) + a^2 V^(l) + 2 a chi_perp D^(l) + chi_perp^2 A^(l)
 *   B^(l+1)  = C_W^2 &lt;sigma'^4&gt; Theta^(l)^2 + chi_perp^2 B^(l)
 *   D^(l+1)  = C_W cov(Omega, sigma^2) + chi_par (a V^(l) + chi_perp D^(l))
 * </pre>
 * ({@code V^(l+1)} and {@code Theta^(l+1)} as in {@link LayerMaps}). The first terms are the
 * sampling noise of the n neurons of layer l; the others carry the fluctuations of layer l's
 * kernel and mean NTK on, to first order. For one hidden layer the result is exact at every width.
 */
public final class NtkVariance {

    /**
     * One layer's NTK statistics.
     *
     * @param layer  l, 1-based
     * @param width  n, the hidden width that divides A and B
     * @param kernel K^(l)
     * @param ntk    Theta^(l), the infinite-width mean
     * @param vertex V^(l)
     * @param a      A^(l)
     * @param b      B^(l)
     * @param d      D^(l)
     */
    public record Layer(int layer, int width, double kernel, double ntk, double vertex, double a, double b,
                        double d) implements Serializable {

        /** var H^(l) = (A + 2B)/n, the variance over networks of one neuron's NTK at leading order. */
        public double variance() {
            return (a + 2 * b) / width;
        }

        /** var H^(l) / Theta^(l)^2. */
        public double relativeVariance() {
            return variance() / (ntk * ntk);
        }
    }

    private NtkVariance() {
    }

    /**
     * Layers 1 .. l_out for one input.
     *
     * @param rates learning rates of layers 1 .. l_out
     * @throws IllegalArgumentException if the rates do not cover the network's layers
     */
    public static List<Layer> singleInput(Architecture architecture, double[] input, LearningRates rates) {
        if (rates == null || rates.outputLayer() != architecture.outputLayer()) {
            throw new IllegalArgumentException("need learning rates for the " + architecture.outputLayer()
                    + " layers of the network, got " + (rates == null ? "none" : rates.outputLayer()));
        }
        Activation sigma = architecture.activation();
        int n = architecture.width();
        double meanSquare = LayerMaps.meanProduct(input, input);
        double kernel = LayerMaps.firstLayerKernel(architecture.layer(1), input, input);
        double ntk = rates.lambdaB(1) + rates.lambdaW(1) * meanSquare;
        double vertex = 0;
        double a = 0;
        double b = 0;
        double d = 0;
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer(1, n, kernel, ntk, vertex, a, b, d));
        for (int l = 2; l <= architecture.outputLayer(); l++) {
            Initialization next = architecture.layer(l);
            double cw = next.weightVariance();
            double lambdaW = rates.lambdaW(l);
            double s2 = GaussianMoments.secondMoment(sigma, kernel);
            double s4 = GaussianMoments.fourthMoment(sigma, kernel);
            double d2 = GaussianMoments.derivativeSecondMoment(sigma, kernel);
            double d4 = GaussianMoments.derivativeFourthMoment(sigma, kernel);
            double s2d2 = GaussianMoments.valueDerivativeMoment(sigma, kernel);
            double chiParallel = Susceptibilities.chiParallel(sigma, cw, kernel);
            double chiPerpendicular = cw * d2;
            // Omega = lambda_W sigma^2 + c sigma'^2 with c = C_W Theta: its variance and covariance with sigma^2.
            double c = cw * ntk;
            double varianceS2 = s4 - s2 * s2;
            double covarianceS2D2 = s2d2 - s2 * d2;
            double varianceOmega = lambdaW * lambdaW * varianceS2 + 2 * lambdaW * c * covarianceS2D2
                    + c * c * (d4 - d2 * d2);
            double covarianceOmegaS2 = lambdaW * varianceS2 + c * covarianceS2D2;
            double slope = lambdaW * chiParallel / cw + c * GaussianMoments.derivativeSecondMomentSlope(sigma, kernel);
            double nextA = varianceOmega + slope * slope * vertex + 2 * slope * chiPerpendicular * d
                    + chiPerpendicular * chiPerpendicular * a;
            double nextB = cw * cw * d4 * ntk * ntk + chiPerpendicular * chiPerpendicular * b;
            double nextD = cw * covarianceOmegaS2 + chiParallel * (slope * vertex + chiPerpendicular * d);
            vertex = LayerMaps.nextFourPointVertex(sigma, next, kernel, vertex);
            ntk = LayerMaps.nextNtk(sigma, next, rates.lambdaB(l), lambdaW, kernel, ntk);
            kernel = LayerMaps.nextKernel(sigma, next, kernel);
            a = nextA;
            b = nextB;
            d = nextD;
            layers.add(new Layer(l, n, kernel, ntk, vertex, a, b, d));
        }
        return List.copyOf(layers);
    }
}
