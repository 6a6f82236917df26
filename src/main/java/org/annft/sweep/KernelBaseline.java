package org.annft.sweep;

import java.util.List;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.Target;
import org.annft.theory.Architecture;
import org.annft.theory.DepthRecursion;
import org.annft.theory.KernelRegression;
import org.annft.theory.LayerKernelMatrix;
import org.annft.theory.LearningRates;

/**
 * The infinite-width baseline of a trained network on the binding energies (the limit r = l/n to
 * 0): kernel regression of the target ({@link Target}, B/A by default) at the data set's training
 * nuclides with the output layer's kernels of the architecture ({@link KernelRegression}), evaluated
 * in MeV of total B on the training and the held-out nuclides ({@code data.test-fraction}).
 * <ul>
 *   <li>NTK: the mean of infinitely wide networks trained by gradient descent on the squared error
 *   to convergence, with the learning-rate tensor of the mode;</li>
 *   <li>NNGP: the Bayesian posterior mean, and its standard deviation, whose coverage of the
 *   held-out residuals says whether it is a calibrated uncertainty.</li>
 * </ul>
 */
public final class KernelBaseline {

    /**
     * What the baseline measured, RMSDs in MeV of total B.
     *
     * @param trainSize   training nuclides
     * @param testSize    held-out nuclides (0: no out-of-sample numbers, NaN)
     * @param coverage1   share of the held-out residuals within one posterior standard deviation
     * @param coverage2   share within two
     */
    public record Result(int trainSize, int testSize, double ridge, double ntkRmsdTrain, double ntkRmsdTest,
                         double nngpRmsdTrain, double nngpRmsdTest, double medianStdTest, double coverage1,
                         double coverage2) {
    }

    private KernelBaseline() {
    }

    /** Regresses {@code target} of {@code data} with the kernels of {@code architecture} and {@code rates}. */
    public static Result of(BindingEnergyDataSet data, Target target, Architecture architecture, LearningRates rates,
                            double ridge) {
        int size = data.size();
        double[][] inputs = new double[size][];
        for (int i = 0; i < size; i++) {
            inputs[i] = data.scaledInputs(data.nuclide(i));
        }
        List<LayerKernelMatrix> layers = DepthRecursion.kernelMatrices(architecture, inputs, rates);
        LayerKernelMatrix out = layers.get(layers.size() - 1);
        int[] train = java.util.stream.IntStream.range(0, size).filter(i -> !data.isTest(i)).toArray();
        int[] test = java.util.stream.IntStream.range(0, size).filter(data::isTest).toArray();
        double[] y = new double[train.length];
        for (int i = 0; i < train.length; i++) {
            y[i] = data.target(target, train[i]);
        }
        double[][] ntkTrain = block(out, true, train, train);
        double[][] kernelTrain = block(out, false, train, train);
        double[][] kernelTest = block(out, false, test, train);
        KernelRegression ntk = KernelRegression.fit(ntkTrain, y, ridge);
        KernelRegression nngp = KernelRegression.fit(kernelTrain, y, ridge);
        double[] nngpTestMean = nngp.mean(kernelTest);
        double[] nngpTestVariance = nngp.variance(diagonal(out, test), kernelTest);
        double[] std = new double[test.length];
        int within1 = 0;
        int within2 = 0;
        for (int i = 0; i < test.length; i++) {
            double a = data.nucleonsPerTarget(target, test[i]);
            std[i] = a * Math.sqrt(Math.max(nngpTestVariance[i], 0));
            double residual = Math.abs(data.targetMev(test[i]) - a * nngpTestMean[i]);
            within1 += residual <= std[i] ? 1 : 0;
            within2 += residual <= 2 * std[i] ? 1 : 0;
        }
        java.util.Arrays.sort(std);
        return new Result(train.length, test.length, ridge,
                rmsdMev(data, target, train, ntk.mean(ntkTrain)),
                rmsdMev(data, target, test, ntk.mean(block(out, true, test, train))),
                rmsdMev(data, target, train, nngp.mean(kernelTrain)),
                rmsdMev(data, target, test, nngpTestMean),
                test.length == 0 ? Double.NaN : std[test.length / 2],
                test.length == 0 ? Double.NaN : (double) within1 / test.length,
                test.length == 0 ? Double.NaN : (double) within2 / test.length);
    }

    /** The NTK ({@code ntk}) or kernel of the output layer between the nuclides {@code rows} and {@code columns}. */
    private static double[][] block(LayerKernelMatrix out, boolean ntk, int[] rows, int[] columns) {
        double[][] m = new double[rows.length][columns.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                m[r][c] = ntk ? out.ntk(rows[r], columns[c]) : out.kernel(rows[r], columns[c]);
            }
        }
        return m;
    }

    private static double[] diagonal(LayerKernelMatrix out, int[] rows) {
        double[] d = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            d[r] = out.kernel(rows[r], rows[r]);
        }
        return d;
    }

    /** RMSD in MeV of total B of predictions of the target at the nuclides; NaN for none. */
    private static double rmsdMev(BindingEnergyDataSet data, Target target, int[] nuclides, double[] predicted) {
        if (nuclides.length == 0) {
            return Double.NaN;
        }
        double squares = 0;
        for (int i = 0; i < nuclides.length; i++) {
            double d = data.targetMev(nuclides[i]) - data.nucleonsPerTarget(target, nuclides[i]) * predicted[i];
            squares += d * d;
        }
        return Math.sqrt(squares / nuclides.length);
    }
}
