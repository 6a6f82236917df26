package org.annft.train;

import org.annft.nn.FloatMlp;
import org.annft.nn.FloatParameters;
import org.annft.nn.Mlp;
import org.annft.nn.Parameters;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * Rounding to float32 and widening back, at the two ends of a float32 training: the network and the
 * data are rounded once before the first epoch, the parameters widened once after the last.
 */
final class Float32Conversion {

    private Float32Conversion() {
    }

    /** A float copy of {@code m}, each value rounded to nearest. */
    static FMatrixRMaj rounded(DMatrixRMaj m) {
        FMatrixRMaj out = new FMatrixRMaj(m.numRows, m.numCols);
        round(m, out);
        return out;
    }

    /** The values rounded to float (the optimizers' per-layer rates). */
    static float[] rounded(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** {@code to = (float) from}, element by element; same number of elements. */
    static void round(DMatrixRMaj from, FMatrixRMaj to) {
        int size = from.getNumElements();
        for (int i = 0; i < size; i++) {
            to.data[i] = (float) from.data[i];
        }
    }

    /** {@code to = from} widened to double (exact), element by element; same number of elements. */
    static void widen(FMatrixRMaj from, DMatrixRMaj to) {
        int size = from.getNumElements();
        for (int i = 0; i < size; i++) {
            to.data[i] = from.data[i];
        }
    }

    /** The network with its parameters rounded to float. */
    static FloatMlp rounded(Mlp network) {
        FloatMlp out = new FloatMlp(network.architecture(), network.activation());
        roundInto(network.parameters(), out.parameters());
        return out;
    }

    /** The parameters rounded to float. */
    static FloatParameters rounded(Parameters source) {
        FloatParameters out = new FloatParameters(source.architecture());
        roundInto(source, out);
        return out;
    }

    /** The parameters widened to double. */
    static Parameters widened(FloatParameters source) {
        Parameters out = new Parameters(source.architecture());
        widenInto(source, out);
        return out;
    }

    /** Writes the parameters, rounded, into {@code target} (same shape). */
    static void roundInto(Parameters source, FloatParameters target) {
        if (!source.architecture().equals(target.architecture())) {
            throw new IllegalArgumentException("parameter shapes differ: " + source.architecture() + " vs "
                    + target.architecture());
        }
        for (int l = 1; l <= source.architecture().outputLayer(); l++) {
            round(source.weights(l), target.weights(l));
            round(source.biases(l), target.biases(l));
        }
    }

    /** Writes the float parameters, widened, into {@code target} (same shape). */
    static void widenInto(FloatParameters source, Parameters target) {
        if (!source.architecture().equals(target.architecture())) {
            throw new IllegalArgumentException("parameter shapes differ: " + source.architecture() + " vs "
                    + target.architecture());
        }
        for (int l = 1; l <= target.architecture().outputLayer(); l++) {
            widen(source.weights(l), target.weights(l));
            widen(source.biases(l), target.biases(l));
        }
    }
}
