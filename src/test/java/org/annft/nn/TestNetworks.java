package org.annft.nn;

import org.annft.theory.Activation;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/** Small helpers shared by the nn tests: random networks and data, and a reference forward pass. */
public final class TestNetworks {

    private TestNetworks() {
    }

    /** A network with W ~ N(0, weightVariance/n_{l-1}), b ~ N(0, biasVariance) from {@code seed}. */
    public static Mlp randomNetwork(MlpArchitecture architecture, Activation activation, double weightVariance,
            double biasVariance, long seed) {
        Mlp network = new Mlp(architecture, activation);
        Initializer.initialize(network, InitSpec.uniform(weightVariance, biasVariance, architecture.outputLayer()),
                SeedStreams.stream(seed, SeedStreams.INITIALIZATION));
        return network;
    }

    /** A rows x cols matrix with entries uniform in [low, high). */
    public static DMatrixRMaj uniformMatrix(int rows, int cols, double low, double high, UniformRandomProvider random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = low + (high - low) * random.nextDouble();
        }
        return m;
    }

    /**
     * Preactivations z^(l)_i of every layer for one input, by plain loops over the paper's formula
     * {@code z^(l)_i = b_i + sum_j W_ij sigma(z^(l-1)_j)}: element [l][i], l = 1 .. l_out.
     */
    public static double[][] referencePreactivations(Mlp network, double[] x) {
        MlpArchitecture a = network.architecture();
        double[][] z = new double[a.outputLayer() + 1][];
        double[] previous = x.clone();
        for (int l = 1; l <= a.outputLayer(); l++) {
            DMatrixRMaj w = network.parameters().weights(l);
            DMatrixRMaj b = network.parameters().biases(l);
            z[l] = new double[a.width(l)];
            for (int i = 0; i < a.width(l); i++) {
                double sum = b.get(0, i);
                for (int j = 0; j < a.width(l - 1); j++) {
                    sum += w.get(i, j) * previous[j];
                }
                z[l][i] = sum;
            }
            previous = new double[a.width(l)];
            for (int i = 0; i < a.width(l); i++) {
                previous[i] = network.activation().value(z[l][i]);
            }
        }
        return z;
    }

    /** Row i of a matrix as an array. */
    public static double[] row(DMatrixRMaj m, int i) {
        double[] r = new double[m.numCols];
        System.arraycopy(m.data, i * m.numCols, r, 0, m.numCols);
        return r;
    }

    /**
     * The central differences {@code (L(theta_i + h) - L(theta_i - h)) / 2h} of {@code loss} by each
     * entry of {@code parameter} (restored after each), the reference of the gradient checks.
     */
    public static double[] centralDifferences(DMatrixRMaj parameter, java.util.function.DoubleSupplier loss, double step) {
        double[] fd = new double[parameter.getNumElements()];
        for (int i = 0; i < fd.length; i++) {
            double saved = parameter.data[i];
            parameter.data[i] = saved + step;
            double plus = loss.getAsDouble();
            parameter.data[i] = saved - step;
            double minus = loss.getAsDouble();
            parameter.data[i] = saved;
            fd[i] = (plus - minus) / (2 * step);
        }
        return fd;
    }
}
