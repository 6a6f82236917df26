package org.annft.theory;

import java.io.Serializable;

/**
 * The infinite-width theory of one layer for a single input, with the leading finite-width
 * prediction for one output neuron's moments (docs/theory.md, "Moments of one neuron"):
 * {@code m2 = K}, fourth cumulant {@code k4 = m4 - 3 m2^2 = 3V/n}, standardized excess kurtosis
 * {@code m4/m2^2 - 3 = 3V/(n K^2)}, and {@code V/n} (the paper's Fig. 7 "unstandardized EK").
 *
 * @param layer            l, 1-based; l_out = L + 1 is the output layer
 * @param width            n, the hidden width that divides V
 * @param kernel           K^(l)
 * @param fourPointVertex  V^(l) (0 in the first layer)
 * @param chiParallel      chi_par(K^(l)) with the C_W of layer l+1 (of layer l for the output
 *                         layer), the factor that carries V^(l) into V^(l+1)
 * @param chiPerpendicular chi_perp(K^(l)) with the same C_W, the factor that carries the NTK on
 * @param ntk              the infinite-width NTK Theta^(l); NaN when no learning rates were given
 */
public record LayerTheory(int layer, int width, double kernel, double fourPointVertex,
                          double chiParallel, double chiPerpendicular, double ntk) implements Serializable {

    public LayerTheory {
        if (layer < 1) {
            throw new IllegalArgumentException("layer must be at least 1, got " + layer);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, got " + width);
        }
    }

    /** m2 = K. */
    public double secondMoment() {
        return kernel;
    }

    /** V/n. */
    public double vertexOverWidth() {
        return fourPointVertex / width;
    }

    /** k4 = m4 - 3 m2^2 = 3V/n. */
    public double fourthCumulant() {
        return 3 * fourPointVertex / width;
    }

    /** m4 = 3K^2 + 3V/n. */
    public double fourthMoment() {
        return 3 * kernel * kernel + fourthCumulant();
    }

    /** m4/m2^2 - 3 = 3V/(n K^2), the standardized excess kurtosis. */
    public double excessKurtosis() {
        return fourthCumulant() / (kernel * kernel);
    }
}
