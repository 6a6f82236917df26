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
        assertEquals(new Activations.LeakyRelu(0.25), Activations.parse("leaky_relu:0.25"));
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

    @Test
    void unknownNamesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.parse("elu"));
        assertTrue(e.getMessage().contains("unknown activation 'elu'") && e.getMessage().contains("swish"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activations.parse("leaky_relu:steep"));
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
