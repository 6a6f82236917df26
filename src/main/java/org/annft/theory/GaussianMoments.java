package org.annft.theory;

/**
 * The Gaussian expectations of an activation that the recursions need, each from the activation's
 * closed form when it has one and by {@link GaussianExpectation} quadrature (split at its kinks)
 * otherwise. {@code z ~ N(0, K)} throughout.
 */
public final class GaussianMoments {

    private GaussianMoments() {
    }

    /** {@code <sigma(z)^2>_K}. */
    public static double secondMoment(Activation sigma, double kernel) {
        GaussianExpectation.requireVariance("kernel", kernel);
        return sigma.closedFormSecondMoment(kernel).orElseGet(() -> GaussianExpectation.of(z -> {
            double s = sigma.value(z);
            return s * s;
        }, kernel, sigma.kinks()));
    }

    /** {@code <sigma(z)^4>_K}. */
    public static double fourthMoment(Activation sigma, double kernel) {
        GaussianExpectation.requireVariance("kernel", kernel);
        return sigma.closedFormFourthMoment(kernel).orElseGet(() -> GaussianExpectation.of(z -> {
            double s = sigma.value(z);
            return s * s * s * s;
        }, kernel, sigma.kinks()));
    }

    /** {@code <sigma'(z)^2>_K}. */
    public static double derivativeSecondMoment(Activation sigma, double kernel) {
        GaussianExpectation.requireVariance("kernel", kernel);
        return sigma.closedFormDerivativeSecondMoment(kernel).orElseGet(() -> GaussianExpectation.of(z -> {
            double d = sigma.derivative(z);
            return d * d;
        }, kernel, sigma.kinks()));
    }

    /** {@code <sigma'(z)^4>_K}, by quadrature. */
    public static double derivativeFourthMoment(Activation sigma, double kernel) {
        return GaussianExpectation.of(z -> {
            double d = sigma.derivative(z);
            return d * d * d * d;
        }, kernel, sigma.kinks());
    }

    /** {@code <sigma(z)^2 sigma'(z)^2>_K}, by quadrature. */
    public static double valueDerivativeMoment(Activation sigma, double kernel) {
        return GaussianExpectation.of(z -> {
            double p = sigma.value(z) * sigma.derivative(z);
            return p * p;
        }, kernel, sigma.kinks());
    }

    /**
     * {@code d<sigma'(z)^2>_K / dK = <sigma'(z)^2 (z^2 - K)>_K / (2 K^2)} (the heat-equation identity
     * of docs/theory.md, "Susceptibilities"), by quadrature; 0 at {@code K = 0}, where every
     * quantity it multiplies vanishes (docs/theory.md, "NTK variance").
     */
    public static double derivativeSecondMomentSlope(Activation sigma, double kernel) {
        GaussianExpectation.requireVariance("kernel", kernel);
        if (kernel == 0) {
            return 0.0;
        }
        return GaussianExpectation.of(z -> {
            double d = sigma.derivative(z);
            return d * d * (z * z - kernel);
        }, kernel, sigma.kinks()) / (2 * kernel * kernel);
    }

    /**
     * {@code <z sigma(z) sigma'(z)>_K}, the moment in the parallel susceptibility
     * {@code chi_par = (C_W / K) <z sigma sigma'>_K}.
     */
    public static double parallelMoment(Activation sigma, double kernel) {
        return GaussianExpectation.of(z -> z * sigma.value(z) * sigma.derivative(z), kernel, sigma.kinks());
    }

    /** {@code <sigma(z_a) sigma(z_b)>} over the covariance {@code [[kaa, kab], [kab, kbb]]}. */
    public static double twoPoint(Activation sigma, double kaa, double kab, double kbb) {
        if (kab == kaa && kab == kbb) {
            return secondMoment(sigma, kaa); // identical inputs: use the one-dimensional (closed) form
        }
        java.util.OptionalDouble closed = sigma.closedFormTwoPoint(kaa, kab, kbb);
        if (closed.isPresent()) {
            return closed.getAsDouble();
        }
        double[] kinks = sigma.kinks();
        return GaussianExpectation.of((a, b) -> sigma.value(a) * sigma.value(b), kaa, kab, kbb, kinks, kinks);
    }

    /** {@code <sigma'(z_a) sigma'(z_b)>} over the covariance {@code [[kaa, kab], [kab, kbb]]}. */
    public static double derivativeTwoPoint(Activation sigma, double kaa, double kab, double kbb) {
        if (kab == kaa && kab == kbb) {
            return derivativeSecondMoment(sigma, kaa);
        }
        java.util.OptionalDouble closed = sigma.closedFormDerivativeTwoPoint(kaa, kab, kbb);
        if (closed.isPresent()) {
            return closed.getAsDouble();
        }
        double[] kinks = sigma.kinks();
        return GaussianExpectation.of((a, b) -> sigma.derivative(a) * sigma.derivative(b), kaa, kab, kbb,
                kinks, kinks);
    }
}
