package org.annft.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.annft.theory.Activation;
import org.annft.theory.Activations;
import org.junit.jupiter.api.Test;

/** The training's activation loops give exactly the values and derivatives of the activation's definition. */
class LayerActivationTest {

    private static final double[] EDGES = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        1e-300, 1.0, -1.0, 3.5, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE};

    private static double[] preactivations() {
        Random random = new Random(7);
        double[] z = new double[EDGES.length + 1000];
        System.arraycopy(EDGES, 0, z, 0, EDGES.length);
        for (int i = EDGES.length; i < z.length; i++) {
            z[i] = random.nextGaussian();
        }
        return z;
    }

    @Test
    void reluValuesAndDerivativesAreThoseOfTheDefinitionBitForBit() {
        Activation relu = Activations.parse("relu");
        double[] z = preactivations();
        double[] values = z.clone();
        double[] derivatives = new double[z.length];
        LayerActivation.activate(relu, values, derivatives, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(Double.doubleToRawLongBits(relu.value(z[i])), Double.doubleToRawLongBits(values[i]), "value at " + z[i]);
            assertEquals(relu.derivative(z[i]), derivatives[i], 0.0, "derivative at " + z[i]);
        }
    }

    @Test
    void float32ReluValuesAndDerivativesAreThoseOfTheDefinitionBitForBit() {
        Activation relu = Activations.parse("relu");
        double[] z = preactivations();
        float[] values = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            values[i] = (float) z[i];
        }
        float[] given = values.clone();
        float[] derivatives = new float[z.length];
        LayerActivation.activate(relu, values, derivatives, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(Float.floatToRawIntBits((float) relu.value(given[i])), Float.floatToRawIntBits(values[i]),
                    "value at " + given[i]);
            assertEquals((float) relu.derivative(given[i]), derivatives[i], 0f, "derivative at " + given[i]);
        }
    }

    /** The documented exception: a NaN preactivation stays NaN in value and derivative. */
    @Test
    void reluOfNanIsNan() {
        double[] values = {Double.NaN};
        double[] derivatives = new double[1];
        LayerActivation.activate(Activations.parse("relu"), values, derivatives, 0, 1);
        assertEquals(Double.NaN, values[0]);
        assertEquals(Double.NaN, derivatives[0]);
    }
}
