package org.annft.theory;

import java.util.OptionalDouble;

/**
 * One activation function sigma: its value, its derivative, and, where they exist in closed form,
 * its Gaussian expectations {@code <sigma(z)^2>_K} and {@code <sigma'(z)^2>_K} for
 * {@code z ~ N(0, K)}. The forward and backward passes of the MLP and the theory engine's kernel
 * maps all follow from this one definition; expectations without a closed form are computed by
 * quadrature in {@link GaussianExpectation}, split at {@link #kinks()}.
 *
 * <p>Implementations are immutable and stateless, hence safe to share across threads and to
 * serialize into Spark tasks.
 */
public interface Activation extends java.io.Serializable {

    /** The name under which {@link Activations#parse(String)} finds this activation, e.g. {@code relu}. */
    String name();

    /** sigma(z). */
    double value(double z);

    /** sigma'(z); at a kink the left derivative (ReLU: 0 at z = 0, leaky ReLU: its slope). */
    double derivative(double z);

    /**
     * Points where sigma or sigma' is not smooth (ReLU: 0). Quadrature splits its interval there so
     * that kinked integrands still reach full accuracy. Empty for smooth activations.
     */
    default double[] kinks() {
        return new double[0];
    }

    /** Applies sigma in place to {@code values[offset .. offset+length)}. */
    default void applyInPlace(double[] values, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            values[i] = value(values[i]);
        }
    }

    /** Writes sigma'(pre[i]) into out[i] for i in [offset, offset+length). */
    default void derivativeInto(double[] pre, double[] out, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            out[i] = derivative(pre[i]);
        }
    }

    /** {@code <sigma(z)^2>_K} in closed form, if one exists; empty otherwise. */
    default OptionalDouble closedFormSecondMoment(double kernel) {
        return OptionalDouble.empty();
    }

    /** {@code <sigma'(z)^2>_K} in closed form, if one exists; empty otherwise. */
    default OptionalDouble closedFormDerivativeSecondMoment(double kernel) {
        return OptionalDouble.empty();
    }

    /**
     * {@code <sigma(z)^4>_K} in closed form, if one exists; empty otherwise. It enters the
     * four-point vertex recursion (docs/theory.md, "Four-point vertex") through
     * {@code <sigma^4> - <sigma^2>^2}.
     */
    default OptionalDouble closedFormFourthMoment(double kernel) {
        return OptionalDouble.empty();
    }

    /**
     * {@code <sigma(z_a) sigma(z_b)>} over the covariance {@code [[kaa, kab], [kab, kbb]]} in closed
     * form, if one exists; empty otherwise (then a two-dimensional quadrature gives it).
     */
    default OptionalDouble closedFormTwoPoint(double kaa, double kab, double kbb) {
        return OptionalDouble.empty();
    }

    /** {@code <sigma'(z_a) sigma'(z_b)>} over {@code [[kaa, kab], [kab, kbb]]} in closed form, if one exists. */
    default OptionalDouble closedFormDerivativeTwoPoint(double kaa, double kab, double kbb) {
        return OptionalDouble.empty();
    }
}
