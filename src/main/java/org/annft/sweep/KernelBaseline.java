package org.annft.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.Nuclide;
import org.annft.data.Target;
import org.annft.theory.Architecture;
import org.annft.theory.DepthRecursion;
import org.annft.theory.KernelRegression;
import org.annft.theory.LayerKernelMatrix;
import org.annft.theory.LearningRates;
import org.annft.theory.LinearizedTraining;

/**
 * The infinite-width baseline of a trained network on the binding energies (the limit r = l/n to
 * 0), from the output layer's kernels of the architecture at its initialization, fitted on the data
 * set's training nuclides and evaluated, in MeV of total B, on every nuclide of the data set and on
 * any beyond it:
 * <ul>
 *   <li>trained: the infinitely wide network trained by the protocol's SGD ({@link LinearizedTraining},
 *   the NTK with the phases' rates, from the ensemble's mean function);</li>
 *   <li>NTK converged: kernel regression with the NTK ({@link KernelRegression}), the mean of the
 *   infinite ensemble trained on the squared error to convergence, and its standard deviation over
 *   the ensemble's initializations;</li>
 *   <li>NNGP: the Bayesian posterior mean and standard deviation.</li>
 * </ul>
 */
public final class KernelBaseline {

    /** Where a nuclide stands: fitted, held out of the data set ({@code data.test-fraction}), or not in it. */
    public enum Role {
        TRAIN, TEST, BEYOND;

        /** As the tables write it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The protocol the infinitely wide network is trained by.
     *
     * @param batchSize      samples per step; 0 for the full batch
     * @param lossDerivative {@code l'(r)} per residual of the target
     * @param targetScale    the target is trained in its unit / targetScale
     * @param seed           the batch order's seed
     */
    public record Training(List<LinearizedTraining.Phase> phases, int batchSize, DoubleUnaryOperator lossDerivative,
                           double targetScale, long seed) {
    }

    /**
     * One nuclide's predictions in MeV of total B; standard deviations are NaN on training nuclides.
     *
     * @param ameMev AME2020's binding energy
     */
    public record Prediction(Nuclide nuclide, Role role, double ameMev, double trainedMev, double ntkMev,
                             double ntkStdMev, double nngpMev, double nngpStdMev) {
    }

    /**
     * The predictions and the regularizer.
     *
     * @param trainedDiverged the trained network's outputs stopped being finite
     */
    public record Result(double ridge, boolean trainedDiverged, List<Prediction> predictions) {

        /** RMSD in MeV of {@code prediction} against AME2020 over the nuclides of {@code role}; NaN for none. */
        public double rmsd(Role role, java.util.function.ToDoubleFunction<Prediction> prediction) {
            return rmsd(p -> p.role() == role, prediction);
        }

        /** RMSD in MeV over the predictions {@code which} selects; NaN for none. */
        public double rmsd(java.util.function.Predicate<Prediction> which,
                           java.util.function.ToDoubleFunction<Prediction> prediction) {
            double squares = 0;
            int count = 0;
            for (Prediction p : predictions) {
                if (which.test(p)) {
                    double d = p.ameMev() - prediction.applyAsDouble(p);
                    squares += d * d;
                    count++;
                }
            }
            return count == 0 ? Double.NaN : Math.sqrt(squares / count);
        }

        /** Share of the selected nuclides whose AME2020 value is within {@code k} standard deviations; NaN for none. */
        public double coverage(java.util.function.Predicate<Prediction> which, double k,
                               java.util.function.ToDoubleFunction<Prediction> mean,
                               java.util.function.ToDoubleFunction<Prediction> std) {
            int inside = 0;
            int count = 0;
            for (Prediction p : predictions) {
                if (which.test(p)) {
                    inside += Math.abs(p.ameMev() - mean.applyAsDouble(p)) <= k * std.applyAsDouble(p) ? 1 : 0;
                    count++;
                }
            }
            return count == 0 ? Double.NaN : (double) inside / count;
        }

        /** Nuclides of {@code role}. */
        public long count(Role role) {
            return predictions.stream().filter(p -> p.role() == role).count();
        }
    }

    private KernelBaseline() {
    }

    /**
     * Bytes the baseline of {@code nuclides} nuclides at depth {@code outputLayer} holds at its peak:
     * the recursions' kernel and NTK of every layer, twice (bias and weight rates), and about a dozen
     * n x n blocks, solves and factors beside them.
     */
    public static long memoryBytes(int nuclides, int outputLayer) {
        return (4L * outputLayer + 12) * nuclides * (long) nuclides * Double.BYTES;
    }

    /**
     * Regresses {@code target} of {@code data} with the kernels of {@code architecture}.
     *
     * @param biasRates   the learning-rate tensor of the biases at raw rate 1, the weights' at 0
     * @param weightRates the weights' at raw rate 1, the biases' at 0
     * @param beyond      nuclides outside the data set to predict
     */
    public static Result of(BindingEnergyDataSet data, Target target, Architecture architecture, LearningRates biasRates,
                            LearningRates weightRates, double ridge, Training training, List<Nuclide> beyond) {
        int size = data.size();
        List<Nuclide> nuclides = new ArrayList<>(data.nuclides());
        nuclides.addAll(beyond);
        double[][] inputs = new double[nuclides.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = data.scaledInputs(nuclides.get(i));
        }
        // The NTK recursion is linear in the rates: Theta = Theta_b + Theta_W at raw rates 1.
        LayerKernelMatrix bias = output(DepthRecursion.kernelMatrices(architecture, inputs, biasRates));
        LayerKernelMatrix weight = output(DepthRecursion.kernelMatrices(architecture, inputs, weightRates));
        int[] train = java.util.stream.IntStream.range(0, size).filter(i -> !data.isTest(i)).toArray();
        int[] others = java.util.stream.IntStream.range(0, nuclides.size())
                .filter(i -> i >= size || data.isTest(i)).toArray();
        int[] all = java.util.stream.IntStream.range(0, nuclides.size()).toArray();
        double[] y = new double[train.length];
        for (int i = 0; i < train.length; i++) {
            y[i] = data.target(target, train[i]);
        }
        double[][] biasNtk = block(bias, Part.NTK, all, train);
        double[][] weightNtk = block(weight, Part.NTK, all, train);
        double[][] ntk = new double[all.length][train.length];
        for (int r = 0; r < all.length; r++) {
            for (int c = 0; c < train.length; c++) {
                ntk[r][c] = biasNtk[r][c] + weightNtk[r][c];
            }
        }
        double[][] kernel = block(bias, Part.KERNEL, all, train);
        double[][] trainKernel = select(kernel, train);
        KernelRegression ntkFit = KernelRegression.fit(select(ntk, train), y, ridge);
        KernelRegression nngpFit = KernelRegression.fit(trainKernel, y, ridge);
        double[] ntkMean = ntkFit.mean(ntk);
        double[] nngpMean = nngpFit.mean(kernel);
        double[] kernelDiagonal = new double[others.length];
        for (int r = 0; r < others.length; r++) {
            kernelDiagonal[r] = bias.kernel(others[r], others[r]);
        }
        double[] ntkVariance = ntkFit.ensembleVariance(kernelDiagonal, select(ntk, others), select(kernel, others),
                trainKernel);
        double[] nngpVariance = nngpFit.variance(kernelDiagonal, select(kernel, others));
        double[] scaled = y.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] /= training.targetScale();
        }
        int batch = training.batchSize() == 0 ? train.length : Math.min(training.batchSize(), train.length);
        LinearizedTraining.Result trained = LinearizedTraining.train(rowMajor(select(biasNtk, train)),
                rowMajor(select(weightNtk, train)), scaled, training.phases(), batch, training.lossDerivative(),
                org.apache.commons.rng.simple.RandomSource.XO_SHI_RO_256_PP.create(training.seed()));
        double[] trainedOut = trained.outputs(biasNtk, weightNtk);
        for (int i = 0; i < trainedOut.length; i++) {
            trainedOut[i] *= training.targetScale();
        }
        double[] ntkStd = new double[all.length];
        double[] nngpStd = new double[all.length];
        java.util.Arrays.fill(ntkStd, Double.NaN);
        java.util.Arrays.fill(nngpStd, Double.NaN);
        for (int r = 0; r < others.length; r++) {
            ntkStd[others[r]] = Math.sqrt(Math.max(ntkVariance[r], 0));
            nngpStd[others[r]] = Math.sqrt(Math.max(nngpVariance[r], 0));
        }
        List<Prediction> predictions = new ArrayList<>(all.length);
        for (int i = 0; i < all.length; i++) {
            Nuclide nuclide = nuclides.get(i);
            double a = target.nucleonsPerTarget(nuclide.z(), nuclide.n());
            Role role = i >= size ? Role.BEYOND : data.isTest(i) ? Role.TEST : Role.TRAIN;
            predictions.add(new Prediction(nuclide, role, nuclide.bindingEnergyMev(), a * trainedOut[i], a * ntkMean[i],
                    a * ntkStd[i], a * nngpMean[i], a * nngpStd[i]));
        }
        return new Result(ridge, trained.diverged(), predictions);
    }

    private enum Part { KERNEL, NTK }

    private static LayerKernelMatrix output(List<LayerKernelMatrix> layers) {
        return layers.get(layers.size() - 1);
    }

    /** The kernel or NTK of the output layer between the nuclides {@code rows} and {@code columns}. */
    private static double[][] block(LayerKernelMatrix out, Part part, int[] rows, int[] columns) {
        double[][] m = new double[rows.length][columns.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                m[r][c] = part == Part.NTK ? out.ntk(rows[r], columns[c]) : out.kernel(rows[r], columns[c]);
            }
        }
        return m;
    }

    /** The rows {@code rows} of {@code m} (shared, not copied). */
    private static double[][] select(double[][] m, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = m[rows[r]];
        }
        return out;
    }

    private static double[] rowMajor(double[][] m) {
        int columns = m.length == 0 ? 0 : m[0].length;
        double[] out = new double[m.length * columns];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * columns, columns);
        }
        return out;
    }
}
