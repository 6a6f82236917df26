package org.annft.theory;

import java.util.function.DoubleUnaryOperator;

/** An activation built from lambdas, to show that nothing depends on the known names. */
record TestActivation(String name, DoubleUnaryOperator function, DoubleUnaryOperator slope, double... kinks)
        implements Activation {

    @Override
    public double value(double z) {
        return function.applyAsDouble(z);
    }

    @Override
    public double derivative(double z) {
        return slope.applyAsDouble(z);
    }

    @Override
    public double[] kinks() {
        return kinks.clone();
    }
}
