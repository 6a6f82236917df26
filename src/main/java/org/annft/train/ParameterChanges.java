package org.annft.train;

import java.util.ArrayList;
import java.util.List;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.ejml.data.DMatrixRMaj;

/**
 * How far training moved each layer's parameters from their initial values (paper Figs. 10-12).
 * With {@code dW = W - W0}, {@code db = b - b0}, {@code N = n_l n_{l-1}} weights and
 * {@code rms(x) = sqrt(sum x^2 / count)}:
 * <ul>
 *   <li>{@code initialWeightRms = rms(W0)}</li>
 *   <li>{@code weightChangeRmsd = rms(dW)}, the absolute RMSD of the weights</li>
 *   <li>{@code relativeWeightChangeRmsd = rms(dW) / rms(W0)}: Fig. 10(a), "relative (compared to the
 *       initial weights)"</li>
 *   <li>{@code scaledWeightChangeRmsd = sqrt(n_{l-1}) rms(dW)}: Fig. 10(b), the RMSD of the weights
 *       rescaled by the width; {@code sqrt(n_{l-1}) W0} has variance C_W, so the scaled weights are of
 *       order one at every width as the paper's text says</li>
 *   <li>{@code biasChangeRmsd = rms(db)}: Fig. 10(c)</li>
 *   <li>{@code initialWeightFrobenius = |W0|_F}, {@code weightChangeFrobenius = |dW|_F},
 *       {@code relativeWeightChangeFrobenius = |dW|_F / |W0|_F}: Fig. 11(a-c), 12(a-c)</li>
 * </ul>
 * Per layer {@code |x|_F = sqrt(N) rms(x)}, so the two relative measures coincide for one layer;
 * they differ once averaged over layers and runs (the paper averages each separately). A ratio is 0
 * when its numerator is 0 (an untrained network), whatever the denominator.
 *
 * <p>The paper's figures average over hidden layers; every layer {@code l = 1 .. l_out} is listed
 * here, so that the caller chooses which to average ({@link LayerChange#isHiddenToHidden()} marks
 * the {@code n x n} matrices).
 */
public record ParameterChanges(List<LayerChange> layers) {

    /** Changes of layer {@code layer}; {@code fanIn = n_{l-1}}, {@code fanOut = n_l}. */
    public record LayerChange(int layer, int fanIn, int fanOut, boolean isHiddenToHidden,
            double initialWeightRms, double weightChangeRmsd, double relativeWeightChangeRmsd,
            double scaledWeightChangeRmsd, double biasChangeRmsd,
            double initialWeightFrobenius, double weightChangeFrobenius, double relativeWeightChangeFrobenius) {
    }

    public ParameterChanges {
        layers = List.copyOf(layers);
    }

    /**
     * Changes from {@code initial} to {@code trained}.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static ParameterChanges between(Parameters initial, Parameters trained) {
        initial.requireSameShape(trained);
        MlpArchitecture architecture = initial.architecture();
        List<LayerChange> changes = new ArrayList<>();
        for (int l = 1; l <= architecture.outputLayer(); l++) {
            int fanIn = architecture.width(l - 1);
            int fanOut = architecture.width(l);
            DMatrixRMaj w0 = initial.weights(l);
            double initialSquares = sumOfSquares(w0.data, w0.getNumElements());
            double changeSquares = sumOfSquaredDifferences(trained.weights(l), w0);
            double biasSquares = sumOfSquaredDifferences(trained.biases(l), initial.biases(l));
            double count = (double) fanIn * fanOut;
            double initialRms = Math.sqrt(initialSquares / count);
            double changeRms = Math.sqrt(changeSquares / count);
            double initialNorm = Math.sqrt(initialSquares);
            double changeNorm = Math.sqrt(changeSquares);
            changes.add(new LayerChange(l, fanIn, fanOut, l > 1 && l < architecture.outputLayer(),
                    initialRms, changeRms, ratio(changeRms, initialRms), Math.sqrt(fanIn) * changeRms,
                    Math.sqrt(biasSquares / fanOut), initialNorm, changeNorm, ratio(changeNorm, initialNorm)));
        }
        return new ParameterChanges(changes);
    }

    /** The changes of layer {@code l = 1 .. l_out}. */
    public LayerChange layer(int layer) {
        if (layer < 1 || layer > layers.size()) {
            throw new IllegalArgumentException("layer " + layer + " outside 1 .. " + layers.size());
        }
        return layers.get(layer - 1);
    }

    private static double ratio(double numerator, double denominator) {
        return numerator == 0 ? 0.0 : numerator / denominator;
    }

    private static double sumOfSquares(double[] values, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += values[i] * values[i];
        }
        return sum;
    }

    private static double sumOfSquaredDifferences(DMatrixRMaj a, DMatrixRMaj b) {
        double sum = 0;
        int length = a.getNumElements();
        for (int i = 0; i < length; i++) {
            double d = a.data[i] - b.data[i];
            sum += d * d;
        }
        return sum;
    }
}
