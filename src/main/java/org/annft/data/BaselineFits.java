package org.annft.data;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The RMSDs of two trivial models of the binding energies, against which a trained network's RMSD
 * tells a plateau from a dead network:
 * <ul>
 *   <li>{@code linearRmsdMev}: the least-squares fit {@code B ~ c_0 + sum_j c_j x_j} on the network
 *       inputs x (scaled Z, N and, with pairing inputs, Z0, N0), {@code sqrt(mean((B - B_fit)^2))};</li>
 *   <li>{@code constantRmsdMev}: predicting the median of B for every nuclide,
 *       {@code sqrt(mean((B - median B)^2))}. The median, not the mean, because a network whose units are
 *       all dead outputs a constant, and training it on the mean absolute error (the paper's loss)
 *       moves that constant to the median.</li>
 * </ul>
 * Both over the same nuclides (the training set). A constant of the data set.
 */
public record BaselineFits(double linearRmsdMev, double constantRmsdMev) implements java.io.Serializable {

    /**
     * Fits both models on the rows {@code i} with {@code include[i]}.
     *
     * @param inputs  row-major {@code size x width}
     * @param targets B in MeV, one per row
     * @throws IllegalArgumentException if fewer rows are included than the linear model has coefficients
     */
    public static BaselineFits fit(double[] inputs, int width, double[] targets, boolean[] include) {
        int rows = 0;
        for (boolean b : include) {
            rows += b ? 1 : 0;
        }
        if (rows <= width) {
            throw new IllegalArgumentException("a linear fit on " + width + " inputs needs more than " + width
                    + " nuclides, got " + rows);
        }
        double[][] design = new double[rows][width + 1];
        double[] b = new double[rows];
        int row = 0;
        for (int i = 0; i < targets.length; i++) {
            if (include[i]) {
                design[row][0] = 1.0;
                System.arraycopy(inputs, i * width, design[row], 1, width);
                b[row++] = targets[i];
            }
        }
        Array2DRowRealMatrix x = new Array2DRowRealMatrix(design, false);
        RealVector y = new ArrayRealVector(b, false);
        // QR rather than the normal equations: Z and N are strongly correlated over the chart.
        RealVector coefficients = new QRDecomposition(x).getSolver().solve(y);
        RealVector residual = y.subtract(x.operate(coefficients));
        double linear = Math.sqrt(residual.dotProduct(residual) / rows);
        double median = median(b);
        double constant = 0;
        for (double v : b) {
            constant += (v - median) * (v - median);
        }
        return new BaselineFits(linear, Math.sqrt(constant / rows));
    }

    /** The median; for an even count the midpoint of the two middle values. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
