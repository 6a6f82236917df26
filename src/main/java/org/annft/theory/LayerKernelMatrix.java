package org.annft.theory;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The k x k kernel {@code K^(l)_ab} and infinite-width NTK {@code Theta^(l)_ab} of one layer for
 * k inputs (docs/theory.md, "Kernel recursion" and "Neural tangent kernel"; paper Eqs. 36-37).
 * Immutable.
 */
public final class LayerKernelMatrix implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int layer;
    private final double[][] kernel;
    private final double[][] ntk;

    /**
     * @param layer  l, 1-based
     * @param kernel symmetric k x k
     * @param ntk    symmetric k x k; NaN entries when no learning rates were given
     */
    public LayerKernelMatrix(int layer, double[][] kernel, double[][] ntk) {
        if (layer < 1) {
            throw new IllegalArgumentException("layer must be at least 1, got " + layer);
        }
        this.layer = layer;
        this.kernel = square("kernel", kernel);
        this.ntk = square("ntk", ntk);
        if (this.ntk.length != this.kernel.length) {
            throw new IllegalArgumentException("kernel and ntk must have the same size");
        }
    }

    public int layer() {
        return layer;
    }

    /** k, the number of inputs. */
    public int size() {
        return kernel.length;
    }

    /** K^(l)_ab, 0-based input indices. */
    public double kernel(int a, int b) {
        return kernel[a][b];
    }

    /** Theta^(l)_ab, 0-based input indices. */
    public double ntk(int a, int b) {
        return ntk[a][b];
    }

    /** A copy of the kernel matrix. */
    public double[][] kernelMatrix() {
        return copy(kernel);
    }

    private static double[][] square(String name, double[][] m) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException(name + " must be a non-empty square matrix");
        }
        for (double[] row : m) {
            if (row.length != m.length) {
                throw new IllegalArgumentException(name + " must be square, got a row of " + row.length
                        + " in a " + m.length + "-row matrix");
            }
        }
        return copy(m);
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerKernelMatrix other && layer == other.layer
                && Arrays.deepEquals(kernel, other.kernel) && Arrays.deepEquals(ntk, other.ntk);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * layer + Arrays.deepHashCode(kernel)) + Arrays.deepHashCode(ntk);
    }

    @Override
    public String toString() {
        return "LayerKernelMatrix[layer=" + layer + ", kernel=" + Arrays.deepToString(kernel)
                + ", ntk=" + Arrays.deepToString(ntk) + "]";
    }
}
