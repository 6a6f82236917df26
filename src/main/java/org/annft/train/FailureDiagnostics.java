package org.annft.train;

import org.annft.linalg.Gemm;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.theory.Activation;
import org.annft.theory.Activations;
import org.ejml.data.DMatrixRMaj;

/**
 * Dead units of a trained network, to tell why a run failed: for every hidden layer l = 1 .. L the
 * fraction of its n_l units that are dead on the given inputs. A ReLU unit is dead when
 * {@code sigma'(z_i^(l)(x)) = 0} for every input x (it passes no gradient, so training cannot revive
 * it); a unit of another activation when its activation {@code sigma(z_i^(l)(x))} is constant over
 * the inputs, {@code max - min <= 1e-12 max(|max|, |min|)}. A network all of whose last hidden units
 * are dead outputs a constant.
 *
 * <p>One forward pass over the inputs in blocks of {@value #BLOCK} rows; run once per training, after it.
 */
public final class FailureDiagnostics {

    static final int BLOCK = 256;
    private static final double CONSTANT_RELATIVE = 1e-12;

    private FailureDiagnostics() {
    }

    /**
     * The dead fraction of each hidden layer, index l - 1 for layer l.
     *
     * @param inputs one input per row, {@code size x n_0}
     */
    public static double[] deadUnitFractions(Mlp network, DMatrixRMaj inputs, Gemm gemm) {
        MlpArchitecture arch = network.architecture();
        int hidden = arch.outputLayer() - 1;
        Activation sigma = network.activation();
        boolean byDerivative = sigma instanceof Activations.Relu;
        int rows = inputs.numRows;
        if (inputs.numCols != arch.width(0)) {
            throw new IllegalArgumentException("inputs have " + inputs.numCols + " columns, the network " + arch.width(0));
        }
        // Per hidden unit: whether some input gave a non-zero derivative, and the range of its activation.
        boolean[][] live = new boolean[hidden][];
        double[][] min = new double[hidden][];
        double[][] max = new double[hidden][];
        for (int l = 1; l <= hidden; l++) {
            live[l - 1] = new boolean[arch.width(l)];
            min[l - 1] = filled(arch.width(l), Double.POSITIVE_INFINITY);
            max[l - 1] = filled(arch.width(l), Double.NEGATIVE_INFINITY);
        }
        DMatrixRMaj[] activations = new DMatrixRMaj[hidden + 1];
        for (int l = 0; l <= hidden; l++) {
            activations[l] = new DMatrixRMaj(Math.min(BLOCK, rows), arch.width(l));
        }
        for (int start = 0; start < rows; start += BLOCK) {
            int block = Math.min(BLOCK, rows - start);
            DMatrixRMaj a = activations[0];
            a.reshape(block, inputs.numCols);
            System.arraycopy(inputs.data, start * inputs.numCols, a.data, 0, block * inputs.numCols);
            for (int l = 1; l <= hidden; l++) {
                DMatrixRMaj w = network.parameters().weights(l);
                double[] b = network.parameters().biases(l).data;
                DMatrixRMaj z = activations[l];
                z.reshape(block, w.numRows);
                gemm.multiply(false, true, 1.0, a, w, 0.0, z);
                int n = w.numRows;
                for (int s = 0; s < block; s++) {
                    for (int i = 0; i < n; i++) {
                        int k = s * n + i;
                        double pre = z.data[k] + b[i];
                        if (sigma.derivative(pre) != 0) {
                            live[l - 1][i] = true;
                        }
                        double value = sigma.value(pre);
                        z.data[k] = value;
                        min[l - 1][i] = Math.min(min[l - 1][i], value);
                        max[l - 1][i] = Math.max(max[l - 1][i], value);
                    }
                }
                a = z;
            }
        }
        double[] fractions = new double[hidden];
        for (int l = 0; l < hidden; l++) {
            int dead = 0;
            for (int i = 0; i < live[l].length; i++) {
                boolean isDead = byDerivative ? !live[l][i] : constant(min[l][i], max[l][i]);
                dead += isDead ? 1 : 0;
            }
            fractions[l] = (double) dead / live[l].length;
        }
        return fractions;
    }

    /** The largest entry (0 for a network without hidden layers). */
    public static double max(double[] fractions) {
        double m = 0;
        for (double f : fractions) {
            m = Math.max(m, f);
        }
        return m;
    }

    private static boolean constant(double min, double max) {
        return max - min <= CONSTANT_RELATIVE * Math.max(Math.abs(max), Math.abs(min));
    }

    private static double[] filled(int n, double value) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, value);
        return x;
    }
}
