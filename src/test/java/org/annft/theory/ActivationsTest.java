package org.annft.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class ActivationsTest {

    @Test
    void everyNameParsesAndItsNameParsesBackToTheSameActivation() {
        assertEquals(9, Activations.NAMES.size());
        for (String name : Activations.NAMES) {
            Activation sigma = Activations.parse(name.toUpperCase(java.util.Locale.ROOT));
            assertEquals(sigma, Activations.parse(sigma.name()), name);
        }
        assertEquals(new Activations.LeakyRelu(0.25), Activations.parse("leaky-relu:0.25"));
    }

    /** Names are hyphenated as every annft name; an underscore reads as a hyphen (names of older results). */
    @Test
    void underscoresReadAsHyphens() {
        assertEquals("leaky-relu:0.2", Activations.parse("LEAKY_RELU:0.2").name());
        assertEquals("shifted-softplus", Activations.parse("shifted_softplus").name());
        for (String name : Activations.NAMES) {
            assertTrue(!name.contains("_"), name);
        }
    }

    @Test
    void derivativesMatchCentralDifferences() {
        double h = 1e-5;
        for (String name : Activations.NAMES) {
            Activation sigma = Activations.parse(name);
            for (double z : new double[] {-3.3, -0.7, 0.4, 1.9, 6.0}) {
                double difference = (sigma.value(z + h) - sigma.value(z - h)) / (2 * h);
                // Absolute tolerance: the difference loses digits where sigma is large and flat (tanh at 6).
                assertEquals(difference, sigma.derivative(z), 1e-8 * (1 + Math.abs(sigma.value(z))), name + "'(" + z + ")");
            }
        }
    }

    /**
     * The softplus table against log(1 + e^-y) to 40 digits (Commons Math Dfp): within 1e-15
     * relative on [0, 45], at interval ends (multiples of 1/4) and between them.
     */
    @Test
    void softplusTailIsAccurateToAFewUnitsInTheLastPlace() {
        org.apache.commons.math3.dfp.DfpField field = new org.apache.commons.math3.dfp.DfpField(40);
        double worst = 0;
        for (int i = 0; i <= 1800; i++) {
            for (double y : new double[] {i / 40.0, i / 40.0 + 0.0123456789}) {
                org.apache.commons.math3.dfp.Dfp e = org.apache.commons.math3.dfp.DfpMath.exp(field.newDfp(-y));
                double exact = org.apache.commons.math3.dfp.DfpMath.log(e.add(1)).toDouble();
                worst = Math.max(worst, Math.abs(SoftplusTail.value(y) - exact) / exact);
            }
        }
        assertTrue(worst < 1e-15, "largest relative error " + worst);
        assertEquals(Math.log(2.0), SoftplusTail.value(0.0), 2e-16);
        assertEquals(0.0, SoftplusTail.value(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(SoftplusTail.value(Double.NaN)));
    }

    @Test
    void softplusIsExactInItsTailsAndSymmetricAroundTheIdentity() {
        Activation softplus = Activations.parse("softplus");
        for (double z : new double[] {0.1, 1.7, 12.0, 39.9, 60.0}) {
            // softplus(z) - softplus(-z) = z exactly in real arithmetic.
            assertEquals(z, softplus.value(z) - softplus.value(-z), 4e-16 * z, "z = " + z);
        }
        assertEquals(Math.exp(-60.0), softplus.value(-60.0), 0.0);
        assertEquals(800.0, softplus.value(800.0), 0.0);
        assertEquals(0.0, softplus.value(-800.0), 0.0);
    }

    @Test
    void reluInPlaceAgreesWithItsValueIncludingSignedZeroAndNaN() {
        Activation relu = Activations.parse("relu");
        double[] z = {-2.5, -0.0, 0.0, 3.25, Double.NaN, -1e-300, Double.NEGATIVE_INFINITY};
        double[] applied = z.clone();
        relu.applyInPlace(applied, 0, applied.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(relu.value(z[i]), applied[i], 0.0, "z = " + z[i]);
        }
        assertEquals(0.0, applied[0], 0.0);
        assertEquals(3.25, applied[3], 0.0);
        // A NaN preactivation stays NaN, so that a diverging network is seen as diverged.
        assertTrue(Double.isNaN(applied[4]));
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.parse("elu"));
        assertTrue(e.getMessage().contains("unknown activation 'elu'") && e.getMessage().contains("swish"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activations.parse("leaky-relu:steep"));
    }

    @Test
    void theoryValuesSerializeForSparkTasks() throws Exception {
        Architecture architecture = Architecture.uniform(new Activations.Gelu(), 2, 10, 2.0, 0.1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(architecture);
            out.writeObject(LearningRates.global(3, 0.1, 0.2));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(architecture, in.readObject());
            assertEquals(LearningRates.global(3, 0.1, 0.2), in.readObject());
        }
    }
}
