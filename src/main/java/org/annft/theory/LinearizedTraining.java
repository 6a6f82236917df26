package org.annft.theory;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An infinitely wide network trained by a protocol's mini-batch SGD, in function space: at infinite
 * width the NTK stays at its initial value, so the network is its linearization and one step on
 * batch S moves the output at every input x by
 * <pre>
 *   f(x) -= sum_{i in S} [lambda_b Theta_b(x, x_i) + lambda_W Theta_W(x, x_i)] l'(f(x_i) - y_i) / |S|
 * </pre>
 * with the phase's raw rates {@code lambda_b, lambda_W}, the NTK split into its bias and weight parts
 * at raw rates 1 ({@code Theta = lambda_b Theta_b + lambda_W Theta_W}; the recursion is linear in
 * the rates) and {@code l'} the loss's derivative per residual. Epochs run a fresh permutation of the
 * training inputs in batches of {@code B}, the last one shorter, as the trainer does. The output
 * starts at the ensemble's mean function, {@code f_0 = 0}.
 *
 * <p>The output at any input after training is {@code f(x) = -[Theta_b(x, X) g_b + Theta_W(x, X) g_W]}
 * with the coefficients {@code g_b = sum_steps lambda_b l'(r_i)/|S|} (and {@code g_W} alike) summed
 * per training input, so inputs beyond the training set need only their rows of the NTK once. For
 * the squared error the updates are linear in f, so this is the mean over the infinite ensemble of
 * networks for this batch order; for the absolute error it is the trajectory from the mean function.
 */
public final class LinearizedTraining {

    /** A phase: its epochs and raw rates. */
    public record Phase(int epochs, double lambdaB, double lambdaW) {
        public Phase {
            if (epochs < 1 || !(lambdaB >= 0) || !(lambdaW >= 0) || Double.isInfinite(lambdaB) || Double.isInfinite(lambdaW)) {
                throw new IllegalArgumentException("a phase needs epochs >= 1 and finite rates >= 0, got " + epochs
                        + ", " + lambdaB + ", " + lambdaW);
            }
        }
    }

    /**
     * The trained coefficients and the outputs at the training inputs after each phase.
     *
     * @param diverged       the outputs stopped being finite (the coefficients are then NaN)
     * @param afterPhase     per phase, {@code f(x_i)} at its last epoch
     */
    public record Result(double[] biasCoefficients, double[] weightCoefficients, double[][] afterPhase,
                         boolean diverged) {

        /** {@code f(x)} for the rows {@code Theta_b(x, X)} and {@code Theta_W(x, X)}. */
        public double[] outputs(double[][] biasNtkToTrain, double[][] weightNtkToTrain) {
            double[] out = new double[biasNtkToTrain.length];
            for (int r = 0; r < out.length; r++) {
                double s = 0;
                for (int i = 0; i < biasCoefficients.length; i++) {
                    s += biasNtkToTrain[r][i] * biasCoefficients[i] + weightNtkToTrain[r][i] * weightCoefficients[i];
                }
                out[r] = -s;
            }
            return out;
        }
    }

    private LinearizedTraining() {
    }

    /**
     * Trains on {@code y} at the training inputs X.
     *
     * @param biasNtk        {@code Theta_b(X, X)}, row-major n x n, symmetric
     * @param weightNtk      {@code Theta_W(X, X)}, row-major n x n, symmetric
     * @param batchSize      B, 1 .. n
     * @param lossDerivative {@code l'(r)} of one residual (2r for the squared error, sign r for the absolute one)
     * @param shuffling      the batch order's generator
     */
    public static Result train(double[] biasNtk, double[] weightNtk, double[] y, List<Phase> phases, int batchSize,
                               DoubleUnaryOperator lossDerivative, UniformRandomProvider shuffling) {
        int n = y.length;
        if (biasNtk.length != (long) n * n || weightNtk.length != (long) n * n) {
            throw new IllegalArgumentException("NTKs of " + biasNtk.length + " and " + weightNtk.length + " entries for "
                    + n + " targets");
        }
        if (batchSize < 1 || batchSize > n || phases.isEmpty()) {
            throw new IllegalArgumentException("batch size " + batchSize + " outside 1 .. " + n + " or no phase");
        }
        double[] f = new double[n];
        double[] gB = new double[n];
        double[] gW = new double[n];
        double[] d = new double[batchSize];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[][] afterPhase = new double[phases.size()][];
        for (int p = 0; p < phases.size(); p++) {
            Phase phase = phases.get(p);
            for (int epoch = 0; epoch < phase.epochs(); epoch++) {
                org.apache.commons.rng.sampling.PermutationSampler.shuffle(shuffling, order);
                for (int start = 0; start < n; start += batchSize) {
                    int size = Math.min(batchSize, n - start);
                    // Every residual of the batch is taken before its update, as in one SGD step.
                    for (int s = 0; s < size; s++) {
                        int i = order[start + s];
                        d[s] = lossDerivative.applyAsDouble(f[i] - y[i]) / size;
                    }
                    for (int s = 0; s < size; s++) {
                        int i = order[start + s];
                        double db = phase.lambdaB() * d[s];
                        double dw = phase.lambdaW() * d[s];
                        gB[i] += db;
                        gW[i] += dw;
                        int base = i * n;
                        for (int j = 0; j < n; j++) {
                            f[j] -= db * biasNtk[base + j] + dw * weightNtk[base + j];
                        }
                    }
                }
                if (!finite(f)) {
                    java.util.Arrays.fill(gB, Double.NaN);
                    java.util.Arrays.fill(gW, Double.NaN);
                    for (int q = p; q < phases.size(); q++) {
                        afterPhase[q] = gB.clone();
                    }
                    return new Result(gB, gW, afterPhase, true);
                }
            }
            afterPhase[p] = f.clone();
        }
        return new Result(gB, gW, afterPhase, false);
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
