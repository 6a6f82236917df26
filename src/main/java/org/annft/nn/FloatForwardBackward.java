package org.annft.nn;

import org.annft.theory.Activation;
import org.ejml.data.FMatrixRMaj;

/**
 * The float32 forward and backward passes: the formulas of {@link ForwardBackward} on float work
 * arrays with {@code sgemm}. A workspace serves batches of up to {@link #capacity()} rows without
 * allocating.
 *
 * <p>Not thread-safe: one workspace per training.
 */
public final class FloatForwardBackward {

    private final MlpArchitecture architecture;
    private final Activation activation;
    private final FloatGemm gemm;
    private final int capacity;
    /** activations[l] holds A^(l) for hidden l, Z^(l_out) for the output; index 0 unused. */
    private final FMatrixRMaj[] activations;
    /** derivatives[l] holds sigma'(Z^(l)) for hidden l. */
    private final FMatrixRMaj[] derivatives;
    private final FMatrixRMaj outputGradient;
    private final FMatrixRMaj[] hiddenDeltas;
    private final FMatrixRMaj inputChunk;
    private FMatrixRMaj input;
    private int batch;
    private boolean derivativesValid;

    /**
     * @param capacity largest batch (rows) this workspace serves, at least 1
     * @throws IllegalArgumentException if capacity is below 1
     */
    public FloatForwardBackward(MlpArchitecture architecture, Activation activation, int capacity,
            FloatGemm gemm) {
        if (capacity < 1) {
            throw new IllegalArgumentException("workspace capacity must be >= 1, got " + capacity);
        }
        this.architecture = architecture;
        this.activation = activation;
        this.gemm = gemm;
        this.capacity = capacity;
        int layers = architecture.outputLayer();
        this.activations = new FMatrixRMaj[layers + 1];
        this.derivatives = new FMatrixRMaj[layers];
        for (int l = 1; l <= layers; l++) {
            activations[l] = new FMatrixRMaj(capacity, architecture.width(l));
            if (l < layers) {
                derivatives[l] = new FMatrixRMaj(capacity, architecture.width(l));
            }
        }
        this.outputGradient = new FMatrixRMaj(capacity, architecture.outputWidth());
        int hidden = architecture.hiddenLayers() > 0 ? architecture.hiddenWidth() : 0;
        this.hiddenDeltas = new FMatrixRMaj[] {new FMatrixRMaj(capacity, hidden), new FMatrixRMaj(capacity, hidden)};
        this.inputChunk = new FMatrixRMaj(capacity, architecture.inputWidth());
    }

    /** Largest batch served. */
    public int capacity() {
        return capacity;
    }

    /**
     * Forward pass on {@code input} (batch x n0); returns {@code Z^(l_out)}, a view valid until the
     * next pass. The input is referenced, not copied.
     *
     * @throws IllegalArgumentException on a shape mismatch or too many rows
     */
    public FMatrixRMaj forward(FloatParameters parameters, FMatrixRMaj input, boolean keepDerivatives) {
        requireArchitecture(parameters);
        if (input.numCols != architecture.inputWidth() || input.numRows > capacity || input.numRows < 1) {
            throw new IllegalArgumentException("input " + input.numRows + "x" + input.numCols + " does not fit a workspace of "
                    + capacity + " rows x " + architecture.inputWidth() + " inputs");
        }
        this.input = input;
        this.batch = input.numRows;
        this.derivativesValid = keepDerivatives;
        int layers = architecture.outputLayer();
        FMatrixRMaj previous = input;
        for (int l = 1; l <= layers; l++) {
            FMatrixRMaj z = activations[l];
            int width = architecture.width(l);
            z.reshape(batch, width, false);
            gemm.multiply(false, true, 1f, previous, parameters.weights(l), 0f, z);
            float[] bias = parameters.biases(l).data;
            float[] derivative = null;
            if (l < layers && keepDerivatives) {
                derivatives[l].reshape(batch, width, false);
                derivative = derivatives[l].data;
            }
            for (int row = 0, offset = 0; row < batch; row++, offset += width) {
                for (int j = 0; j < width; j++) {
                    z.data[offset + j] += bias[j];
                }
                if (l < layers) {
                    LayerActivation.activate(activation, z.data, derivative, offset, width);
                }
            }
            previous = z;
        }
        return activations[layers];
    }

    /** dL/dZ^(l_out) for the last forward pass, batch x n_out: the caller writes it before {@link #backward}. */
    public FMatrixRMaj outputGradient() {
        outputGradient.reshape(batch, architecture.outputWidth(), false);
        return outputGradient;
    }

    /**
     * Backward pass of the last forward pass (which must have kept derivatives) into
     * {@code dL/dW^(l) = Delta^(l)T A^(l-1)} and {@code dL/db^(l) = 1^T Delta^(l)}.
     *
     * @throws IllegalStateException if the last forward pass did not keep derivatives
     */
    public void backward(FloatParameters parameters, FloatParameters gradients) {
        requireArchitecture(parameters);
        requireArchitecture(gradients);
        if (!derivativesValid) {
            throw new IllegalStateException("backward pass needs a forward pass with keepDerivatives");
        }
        FMatrixRMaj delta = outputGradient();
        int next = 0;
        for (int l = architecture.outputLayer(); l >= 1; l--) {
            FMatrixRMaj layerInput = l == 1 ? input : activations[l - 1];
            gemm.multiply(true, false, 1f, delta, layerInput, 0f, gradients.weights(l));
            sumRowsInto(delta, gradients.biases(l).data);
            if (l > 1) {
                FMatrixRMaj previousDelta = hiddenDeltas[next];
                next = 1 - next;
                previousDelta.reshape(batch, architecture.width(l - 1), false);
                gemm.multiply(false, false, 1f, delta, parameters.weights(l), 0f, previousDelta);
                float[] t = previousDelta.data;
                float[] f = derivatives[l - 1].data;
                int size = previousDelta.getNumElements();
                for (int i = 0; i < size; i++) {
                    t[i] *= f[i];
                }
                delta = previousDelta;
            }
        }
    }

    /**
     * Predictions for every row of {@code inputs} into {@code predictions} (rows x n_out), in chunks
     * of at most {@link #capacity()} rows.
     */
    public void predict(FloatParameters parameters, FMatrixRMaj inputs, FMatrixRMaj predictions) {
        int outputs = architecture.outputWidth();
        if (predictions.numRows != inputs.numRows || predictions.numCols != outputs) {
            throw new IllegalArgumentException("predictions must be " + inputs.numRows + "x" + outputs + ", got "
                    + predictions.numRows + "x" + predictions.numCols);
        }
        int n0 = architecture.inputWidth();
        for (int start = 0; start < inputs.numRows; start += capacity) {
            int rows = Math.min(capacity, inputs.numRows - start);
            inputChunk.reshape(rows, n0, false);
            System.arraycopy(inputs.data, start * n0, inputChunk.data, 0, rows * n0);
            FMatrixRMaj out = forward(parameters, inputChunk, false);
            System.arraycopy(out.data, 0, predictions.data, start * outputs, rows * outputs);
        }
    }

    private void requireArchitecture(FloatParameters parameters) {
        if (!parameters.architecture().equals(architecture)) {
            throw new IllegalArgumentException("workspace is for " + architecture + ", parameters are "
                    + parameters.architecture());
        }
    }

    /** out[j] = sum_i m[i][j]. */
    private static void sumRowsInto(FMatrixRMaj m, float[] out) {
        int cols = m.numCols;
        java.util.Arrays.fill(out, 0, cols, 0f);
        for (int row = 0, offset = 0; row < m.numRows; row++, offset += cols) {
            for (int j = 0; j < cols; j++) {
                out[j] += m.data[offset + j];
            }
        }
    }
}
