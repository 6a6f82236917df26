package org.annft.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The linear and median fits against closed forms on synthetic data. */
class BaselineFitsTest {

    /**
     * On the 3 x 3 grid x1, x2 in {-1, 0, 1}, B = 3 + 2 x1 - 5 x2 + c x1 x2: the term x1 x2 is orthogonal
     * to 1, x1 and x2 over the grid, so the least-squares fit recovers the linear part and leaves
     * residuals c x1 x2, whose RMS is |c| sqrt(4/9).
     */
    @Test
    void linearFitLeavesTheOrthogonalPart() {
        double c = 0.7;
        double[] inputs = new double[18];
        double[] targets = new double[9];
        int i = 0;
        for (int a = -1; a <= 1; a++) {
            for (int b = -1; b <= 1; b++) {
                inputs[2 * i] = a;
                inputs[2 * i + 1] = b;
                targets[i++] = 3 + 2 * a - 5 * b + c * a * b;
            }
        }
        boolean[] all = new boolean[9];
        Arrays.fill(all, true);
        BaselineFits fits = BaselineFits.fit(inputs, 2, targets, ones(9), all);
        assertEquals(c * Math.sqrt(4.0 / 9), fits.linearRmsdMev(), 1e-12);
        // Median of B over the grid: the values sorted; RMSD about it by the definition.
        double[] sorted = targets.clone();
        Arrays.sort(sorted);
        double median = sorted[4];
        double sum = 0;
        for (double t : targets) {
            sum += (t - median) * (t - median);
        }
        assertEquals(Math.sqrt(sum / 9), fits.constantRmsdMev(), 1e-12);
    }

    /** One input: the residual RMS of simple regression is sigma_y sqrt(1 - rho^2); excluded rows do not count. */
    @Test
    void oneInputMatchesSimpleRegressionAndIgnoresExcludedRows() {
        double[] x = {0, 1, 2, 3, 4, 100};
        double[] y = {1, 3, 2, 5, 4, -1000};
        boolean[] include = {true, true, true, true, true, false};
        double mx = 2;
        double my = 3;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < 5; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double rho2 = sxy * sxy / (sxx * syy);
        BaselineFits fits = BaselineFits.fit(x, 1, y, ones(6), include);
        assertEquals(Math.sqrt(syy / 5 * (1 - rho2)), fits.linearRmsdMev(), 1e-12);
        // Median 3 of {1, 3, 2, 5, 4}: RMSD sqrt((4 + 0 + 1 + 4 + 1) / 5) = sqrt(2).
        assertEquals(Math.sqrt(2), fits.constantRmsdMev(), 1e-12);
        assertEquals(2.5, BaselineFits.median(new double[] {4, 1, 2, 3}), 0);
    }

    /**
     * A per-nucleon target: fits of y = B/A, residuals multiplied by m = A before the RMS. x = (0, 1, 2),
     * y = (1, 2, 4), m = (1, 2, 3): the least-squares line 5/6 + 3x/2 leaves (1/6, -1/3, 1/6), times m
     * (1/6, -2/3, 1/2), so RMSD sqrt(26/108); the median 2 leaves m (y - 2) = (-1, 0, 6), RMSD sqrt(37/3).
     */
    @Test
    void perNucleonResidualsAreWeightedByTheNucleonNumber() {
        BaselineFits fits = BaselineFits.fit(new double[] {0, 1, 2}, 1, new double[] {1, 2, 4}, new double[] {1, 2, 3},
                new boolean[] {true, true, true});
        assertEquals(Math.sqrt(26.0 / 108), fits.linearRmsdMev(), 1e-12);
        assertEquals(Math.sqrt(37.0 / 3), fits.constantRmsdMev(), 1e-12);
    }

    private static double[] ones(int size) {
        double[] out = new double[size];
        Arrays.fill(out, 1.0);
        return out;
    }
}
