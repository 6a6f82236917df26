package org.annft.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.annft.theory.Architecture;
import org.annft.theory.DepthRecursion;
import org.annft.theory.LayerKernelMatrix;
import org.annft.theory.LearningRates;
import org.annft.theory.NtkVariance;
import org.annft.theory.TheoryProfile;

/**
 * The theory beside one ensemble configuration: for every input a, the single-input kernel and
 * four-point vertex of every layer (docs/theory.md, "Four-point vertex"; V = 0 at layer 1), and
 * for several inputs the k x k kernel of every layer. Also starts the recursion from a measured
 * first layer, as the paper's Figs. 6-7 do, and gives the NTK's leading-order variance per input.
 */
record EnsembleTheory(EnsembleConfiguration configuration, List<TheoryProfile> perInput,
                      List<LayerKernelMatrix> kernelMatrices) implements java.io.Serializable {

    static EnsembleTheory of(EnsembleConfiguration c) {
        Architecture architecture = c.network().theory();
        List<TheoryProfile> perInput = new ArrayList<>();
        for (double[] x : c.inputs()) {
            perInput.add(DepthRecursion.singleInput(architecture, x));
        }
        List<LayerKernelMatrix> matrices = c.inputCount() > 1
                ? DepthRecursion.kernelMatrices(architecture, c.inputs()) : List.of();
        return new EnsembleTheory(c, perInput, matrices);
    }

    /** K^(l) at input a (l 1-based). */
    double kernel(int layer, int input) {
        return perInput.get(input).layer(layer).kernel();
    }

    /** V^(l)/n at input a. */
    double vertexOverWidth(int layer, int input) {
        return perInput.get(input).layer(layer).vertexOverWidth();
    }

    /** K^(l)_ab; for one input the single-input kernel. */
    double kernel(int layer, int a, int b) {
        return kernelMatrices.isEmpty() ? kernel(layer, a) : kernelMatrices.get(layer - 1).kernel(a, b);
    }

    /** Half-widths of the histogram ranges, index {@code (l - 1) * k + a}. */
    double[] histogramHalfRanges(double sigmas) {
        int k = configuration.inputCount();
        double[] h = new double[configuration.layers() * k];
        for (int l = 1; l <= configuration.layers(); l++) {
            for (int a = 0; a < k; a++) {
                double kernel = kernel(l, a);
                h[(l - 1) * k + a] = kernel > 0 && Double.isFinite(kernel) ? sigmas * Math.sqrt(kernel) : 1.0;
            }
        }
        return h;
    }

    /**
     * For every input a, the NTK statistics of every layer at leading order in 1/n with the NTK's
     * learning rates (docs/theory.md, "NTK variance"): element {@code a}, then layer {@code l - 1}.
     */
    static List<List<NtkVariance.Layer>> ntkVariance(EnsembleConfiguration c, LearningRates rates) {
        List<List<NtkVariance.Layer>> perInput = new ArrayList<>();
        for (double[] x : c.inputs()) {
            perInput.add(NtkVariance.singleInput(c.network().theory(), x, rates));
        }
        return perInput;
    }

    /** The recursion from a measured first layer: K^(1) and V^(1) = n * (V/n)^(1) as measured. */
    static TheoryProfile fromMeasured(EnsembleConfiguration c, double firstLayerKernel, double firstLayerVertexOverWidth) {
        return DepthRecursion.fromFirstLayer(c.network().theory(), firstLayerKernel, firstLayerVertexOverWidth * c.width());
    }
}
