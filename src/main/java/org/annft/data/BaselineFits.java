package org.annft.data;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The RMSDs of two trivial models of a training target y (B, or B/A with {@code B = A y}, see
 * {@link Target}), in total binding energy, against which a trained network's RMSD tells a plateau
 * from a dead network:
 * <ul>
 *   <li>{@code linearRmsdMev}: the least-squares fit {@code y ~ c_0 + sum_j c_j x_j} on the network
 *       inputs x (scaled Z, N and, with pairing inputs, Z0, N0), {@code sqrt(mean((m (y - y_fit))^2))}
 *       with {@code m} the nucleons per target (1 or A): what a network linear in its inputs reaches;</li>
 *   <li>{@code constantRmsdMev}: predicting the median of y for every nuclide,
 *       {@code sqrt(mean((m (y - median y))^2))}. The median, not the mean, because a network whose units
 *       are all dead outputs a constant, and training it on the mean absolute error (the paper's loss)
 *       moves that constant to the median. For B over AME2020 this is 525.8 MeV; for B/A, 73.6 MeV.</li>
 * </ul>
 * Both over the same nuclides (the training set). A constant of the data set and target.
 */
public record BaselineFits(double linearRmsdMev, double constantRmsdMev) implements java.io.Serializable {

    /**
     * Fits both models on the rows {@code i} with {@code include[i]}.
     *
     * @param inputs  row-major {@code size x width}
     * @param targets y, one per row
     * @param nucleonsPerTarget m per row: {@code B = m y}
     * @throws IllegalArgumentException if fewer rows are included than the linear model has coefficients
     */
    public static BaselineFits fit(double[] inputs, int width, double[] targets, double[] nucleonsPerTarget,
                                   boolean[] include) {
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
        double[] m = new double[rows];
        int row = 0;
        for (int i = 0; i < targets.length; i++) {
            if (include[i]) {
                design[row][0] = 1.0;
                System.arraycopy(inputs, i * width, design[row], 1, width);
                m[row] = nucleonsPerTarget[i];
                b[row++] = targets[i];
            }
        }
        Array2DRowRealMatrix x = new Array2DRowRealMatrix(design, false);
        RealVector y = new ArrayRealVector(b, false);
        // QR rather than the normal equations: Z and N are strongly correlated over the chart.
        RealVector coefficients = new QRDecomposition(x).getSolver().solve(y);
        RealVector residual = y.subtract(x.operate(coefficients));
        double linear = 0;
        double median = median(b);
        double constant = 0;
        for (int i = 0; i < rows; i++) {
            double d = m[i] * residual.getEntry(i);
            linear += d * d;
            double c = m[i] * (b[i] - median);
            constant += c * c;
        }
        return new BaselineFits(Math.sqrt(linear / rows), Math.sqrt(constant / rows));
    }

    /** The median; for an even count the midpoint of the two middle values. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
