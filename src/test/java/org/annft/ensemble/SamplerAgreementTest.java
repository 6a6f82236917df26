package org.annft.ensemble;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The function-space sampler draws the same distribution as the explicit weight sampler: variance
 * and excess kurtosis at every layer, and the cross-input covariance, agree within 4 combined
 * standard errors. A narrow width (8) keeps the finite-width non-Gaussianity large, so a sampler
 * that only got the Gaussian limit right would fail.
 */
class SamplerAgreementTest {

    private static final int SAMPLES = 40_000;
    private static final int WIDTH = 8;
    private static final int HIDDEN_LAYERS = 3;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String activation : List.of("relu", "tanh", "softplus", "gelu")) {
            for (double cB : new double[] {0.0, 0.3}) {
                out.add(Arguments.of(activation, cB, new double[][] {{0.22, 0.17}}));
                out.add(Arguments.of(activation, cB, new double[][] {{0.22, 0.17}, {0.9, 0.7}, {-0.5, 0.4}}));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} C_b={1} k={2}")
    @MethodSource("cases")
    void functionSamplerMatchesWeightSampler(String activation, double cB, double[][] inputs) {
        double cW = activation.equals("tanh") ? 1.0 : 2.0;
        double[][][] f = draw(new EnsembleConfiguration(0, activation, cW, cB, WIDTH, HIDDEN_LAYERS, inputs,
                SamplerKind.FUNCTION), 11);
        double[][][] w = draw(new EnsembleConfiguration(0, activation, cW, cB, WIDTH, HIDDEN_LAYERS, inputs,
                SamplerKind.WEIGHT), 12);
        int k = inputs.length;
        for (int l = 0; l <= HIDDEN_LAYERS; l++) {
            for (int a = 0; a < k; a++) {
                SampleMoments mf = SampleMoments.of(f[l][a]);
                SampleMoments mw = SampleMoments.of(w[l][a]);
                String where = activation + " C_b=" + cB + " layer " + (l + 1) + " input " + a;
                assertWithin(mf.m2(), mw.m2(), Math.hypot(mf.m2Se(), mw.m2Se()), "variance, " + where);
                assertWithin(mf.kurtosisExcess(), mw.kurtosisExcess(),
                        Math.hypot(mf.kurtosisExcessSe(), mw.kurtosisExcessSe()), "excess kurtosis, " + where);
                for (int b = a + 1; b < k; b++) {
                    double[] cf = covarianceAndError(f[l][a], f[l][b]);
                    double[] cw = covarianceAndError(w[l][a], w[l][b]);
                    assertWithin(cf[0], cw[0], Math.hypot(cf[1], cw[1]), "covariance " + a + "," + b + ", " + where);
                }
            }
        }
    }

    static Stream<Arguments> wideRangeCases() {
        List<Arguments> out = new ArrayList<>();
        for (String activation : List.of("relu", "tanh")) {
            // Variances 16 and 20 decades apart: with C_b = 0 the small input's variance stays tiny in every layer.
            out.add(Arguments.of(activation, new double[][] {{1e-7}, {10.0}}));
            out.add(Arguments.of(activation, new double[][] {{1e-7, 3e-7}, {1e3, -2e3}}));
        }
        return out.stream();
    }

    /**
     * Inputs ten and more decades apart, C_b = 0: each input keeps its own variance in every layer
     * (a factorization that judged every pivot against the largest variance gave the small input
     * variance 0), against the weight sampler within 4 combined standard errors.
     */
    @ParameterizedTest(name = "{0} inputs={1}")
    @MethodSource("wideRangeCases")
    void inputsDecadesApartKeepTheirVariance(String activation, double[][] inputs) {
        double cW = activation.equals("tanh") ? 1.0 : 2.0;
        double[][][] f = draw(new EnsembleConfiguration(0, activation, cW, 0.0, WIDTH, HIDDEN_LAYERS, inputs,
                SamplerKind.FUNCTION), 21);
        double[][][] w = draw(new EnsembleConfiguration(0, activation, cW, 0.0, WIDTH, HIDDEN_LAYERS, inputs,
                SamplerKind.WEIGHT), 22);
        for (int l = 0; l <= HIDDEN_LAYERS; l++) {
            for (int a = 0; a < inputs.length; a++) {
                SampleMoments mf = SampleMoments.of(f[l][a]);
                SampleMoments mw = SampleMoments.of(w[l][a]);
                String where = activation + " layer " + (l + 1) + " input " + a;
                assertTrue(mf.m2() > 0, "variance 0 at " + where);
                assertWithin(mf.m2(), mw.m2(), Math.hypot(mf.m2Se(), mw.m2Se()), "variance, " + where);
            }
        }
    }

    private static void assertWithin(double a, double b, double standardError, String what) {
        assertTrue(Math.abs(a - b) <= 4 * standardError,
                what + ": function " + a + " vs weight " + b + " differ by more than 4 x " + standardError);
    }

    /** [layer][input][sample] */
    private static double[][][] draw(EnsembleConfiguration c, long seed) {
        EnsembleSampler sampler = c.newSampler();
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        int k = c.inputCount();
        double[][][] out = new double[c.layers()][k][SAMPLES];
        double[] z = new double[c.layers() * k];
        for (int s = 0; s < SAMPLES; s++) {
            sampler.sample(rng, z);
            for (int l = 0; l < c.layers(); l++) {
                for (int a = 0; a < k; a++) {
                    out[l][a][s] = z[l * k + a];
                }
            }
        }
        return out;
    }

    /** Sample covariance and its standard error sqrt(Var(xy - ...)/n). */
    private static double[] covarianceAndError(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double c = 0, c2 = 0;
        for (int i = 0; i < n; i++) {
            double p = (x[i] - mx) * (y[i] - my);
            c += p;
            c2 += p * p;
        }
        c /= n;
        return new double[] {c, Math.sqrt((c2 / n - c * c) / n)};
    }
}
