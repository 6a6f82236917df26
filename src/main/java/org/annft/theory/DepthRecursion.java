package org.annft.theory;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the infinite-width recursions of {@link LayerMaps} through layers 1 .. l_out = L + 1
 * (docs/theory.md, "Kernel recursion", "Four-point vertex" with chi_par squared,
 * "Neural tangent kernel").
 *
 * <p>Two starts: from the inputs ({@code K^(1) = C_b + C_W (1/n0) sum x^2}, {@code V^(1) = 0},
 * {@code Theta^(1) = lambda_b^(1) + lambda_W^(1) (1/n0) sum x^2}), or from a given, e.g. measured,
 * first-layer kernel and vertex ("theory from measured" in the paper's Figs. 6-7). In the second
 * case {@code (1/n0) sum x^2 = (K^(1) - C_b^(1)) / C_W^(1)} feeds the first-layer NTK.
 * Without learning rates the NTK is reported as NaN.
 */
public final class DepthRecursion {

    private DepthRecursion() {
    }

    /** The single-input theory of every layer, without the NTK. */
    public static TheoryProfile singleInput(Architecture architecture, double[] input) {
        return singleInput(architecture, input, null);
    }

    /**
     * The single-input theory of every layer, NTK included.
     *
     * @param rates learning rates of layers 1 .. l_out (null: NTK is NaN)
     */
    public static TheoryProfile singleInput(Architecture architecture, double[] input, LearningRates rates) {
        double meanSquare = LayerMaps.meanProduct(input, input);
        Initialization first = architecture.layer(1);
        return run(architecture, LayerMaps.firstLayerKernel(first, input, input), 0.0, meanSquare, rates);
    }

    /** The recursion started from a given first-layer kernel K^(1) and vertex V^(1), without the NTK. */
    public static TheoryProfile fromFirstLayer(Architecture architecture, double firstLayerKernel,
                                               double firstLayerVertex) {
        return fromFirstLayer(architecture, firstLayerKernel, firstLayerVertex, null);
    }

    /** The recursion started from a given first-layer kernel K^(1) and vertex V^(1). */
    public static TheoryProfile fromFirstLayer(Architecture architecture, double firstLayerKernel,
                                               double firstLayerVertex, LearningRates rates) {
        GaussianExpectation.requireVariance("firstLayerKernel", firstLayerKernel);
        if (!Double.isFinite(firstLayerVertex)) {
            throw new IllegalArgumentException("firstLayerVertex must be finite, got " + firstLayerVertex);
        }
        return run(architecture, firstLayerKernel, firstLayerVertex, inputMeanProduct(architecture, firstLayerKernel),
                rates);
    }

    /** The k x k kernels of every layer for the given inputs, without the NTK. */
    public static List<LayerKernelMatrix> kernelMatrices(Architecture architecture, double[][] inputs) {
        return kernelMatrices(architecture, inputs, null);
    }

    /** The k x k kernels and NTKs of every layer for the given inputs. */
    public static List<LayerKernelMatrix> kernelMatrices(Architecture architecture, double[][] inputs,
                                                         LearningRates rates) {
        int k = requireInputs(inputs);
        Initialization first = architecture.layer(1);
        double[][] kernel = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                kernel[a][b] = LayerMaps.firstLayerKernel(first, inputs[a], inputs[b]);
                kernel[b][a] = kernel[a][b];
            }
        }
        return runMatrices(architecture, kernel, rates);
    }

    /** The k x k kernels and NTKs of every layer, started from a given first-layer kernel matrix. */
    public static List<LayerKernelMatrix> kernelMatricesFromFirstLayer(Architecture architecture,
                                                                       double[][] firstLayerKernel,
                                                                       LearningRates rates) {
        int k = requireInputs(firstLayerKernel);
        double[][] kernel = new double[k][];
        for (int a = 0; a < k; a++) {
            if (firstLayerKernel[a].length != k) {
                throw new IllegalArgumentException("firstLayerKernel must be square, row " + a + " has "
                        + firstLayerKernel[a].length + " entries, expected " + k);
            }
            kernel[a] = firstLayerKernel[a].clone();
        }
        return runMatrices(architecture, kernel, rates);
    }

    private static TheoryProfile run(Architecture architecture, double kernel, double vertex, double meanSquare,
                                     LearningRates rates) {
        requireRates(architecture, rates);
        Activation sigma = architecture.activation();
        int outputLayer = architecture.outputLayer();
        double ntk = rates == null ? Double.NaN : rates.lambdaB(1) + rates.lambdaW(1) * meanSquare;
        List<LayerTheory> layers = new ArrayList<>(outputLayer);
        for (int l = 1; l <= outputLayer; l++) {
            Initialization next = architecture.layer(Math.min(l + 1, outputLayer));
            double chiParallel = Susceptibilities.chiParallel(sigma, next.weightVariance(), kernel);
            double chiPerpendicular = Susceptibilities.chiPerpendicular(sigma, next.weightVariance(), kernel);
            layers.add(new LayerTheory(l, architecture.width(), kernel, vertex, chiParallel, chiPerpendicular, ntk));
            if (l < outputLayer) {
                vertex = LayerMaps.nextFourPointVertex(sigma, next, kernel, vertex);
                if (rates != null) {
                    ntk = LayerMaps.nextNtk(sigma, next, rates.lambdaB(l + 1), rates.lambdaW(l + 1), kernel, ntk);
                }
                kernel = LayerMaps.nextKernel(sigma, next, kernel);
            }
        }
        return new TheoryProfile(layers);
    }

    private static List<LayerKernelMatrix> runMatrices(Architecture architecture, double[][] kernel,
                                                       LearningRates rates) {
        requireRates(architecture, rates);
        Activation sigma = architecture.activation();
        int k = kernel.length;
        int outputLayer = architecture.outputLayer();
        double[][] ntk = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                ntk[a][b] = rates == null ? Double.NaN
                        : rates.lambdaB(1) + rates.lambdaW(1) * inputMeanProduct(architecture, kernel[a][b]);
            }
        }
        List<LayerKernelMatrix> layers = new ArrayList<>(outputLayer);
        layers.add(new LayerKernelMatrix(1, kernel, ntk));
        for (int l = 2; l <= outputLayer; l++) {
            Initialization next = architecture.layer(l);
            double[][] nextKernel = new double[k][k];
            double[][] nextNtk = new double[k][k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b <= a; b++) {
                    double kaa = kernel[a][a];
                    double kab = kernel[a][b];
                    double kbb = kernel[b][b];
                    nextKernel[a][b] = LayerMaps.nextKernel(sigma, next, kaa, kab, kbb);
                    nextNtk[a][b] = rates == null ? Double.NaN
                            : LayerMaps.nextNtk(sigma, next, rates.lambdaB(l), rates.lambdaW(l), kaa, kab, kbb, ntk[a][b]);
                    nextKernel[b][a] = nextKernel[a][b];
                    nextNtk[b][a] = nextNtk[a][b];
                }
            }
            kernel = nextKernel;
            ntk = nextNtk;
            layers.add(new LayerKernelMatrix(l, kernel, ntk));
        }
        return List.copyOf(layers);
    }

    /** (1/n0) sum_i x_{i;a} x_{i;b} recovered from K^(1)_ab = C_b + C_W (1/n0) sum_i x_{i;a} x_{i;b}. */
    private static double inputMeanProduct(Architecture architecture, double firstLayerKernel) {
        Initialization first = architecture.layer(1);
        return (firstLayerKernel - first.biasVariance()) / first.weightVariance();
    }

    private static int requireInputs(double[][] inputs) {
        if (inputs == null || inputs.length == 0) {
            throw new IllegalArgumentException("need at least one input (one matrix row)");
        }
        return inputs.length;
    }

    private static void requireRates(Architecture architecture, LearningRates rates) {
        if (rates != null && rates.outputLayer() != architecture.outputLayer()) {
            throw new IllegalArgumentException("learning rates cover " + rates.outputLayer()
                    + " layers but the network has l_out = " + architecture.outputLayer());
        }
    }
}
