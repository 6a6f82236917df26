package org.annft.nn;

import org.annft.linalg.Gemm;
import org.ejml.data.DMatrixRMaj;

/**
 * Batched forward and backward passes of one network shape, on preallocated row-major work arrays
 * (rows are samples). A workspace serves batches of up to {@link #capacity()} rows; smaller
 * batches reshape the same arrays, so nothing is allocated per batch.
 *
 * <p>Forward (docs/theory.md, "Network and initialization"):
 * {@code Z^(l) = A^(l-1) W^(l)T + 1 b^(l)T}, {@code A^(l) = sigma(Z^(l))} for hidden layers,
 * output {@code Z^(l_out)} linear, with {@code A^(0)} the input batch.
 * Backward, from {@code Delta^(l_out) = dL/dZ^(l_out)} set by the caller:
 * {@code dL/dW^(l) = Delta^(l)T A^(l-1)}, {@code dL/db^(l) = 1^T Delta^(l)},
 * {@code Delta^(l-1) = (Delta^(l) W^(l)) .* sigma'(Z^(l-1))}.
 *
 * <p>Not thread-safe: one workspace per training.
 */
public final class ForwardBackward {

    /** Receives the error signal of each layer during {@link #backpropagate}. */
    @FunctionalInterface
    public interface LayerVisitor {
        /**
         * Called for {@code l = l_out} down to 1, after {@code Delta^(l-1)} has been computed from
         * {@code W^(l)}: the visitor may change {@code W^(l)} and {@code b^(l)}.
         *
         * @param layer  l
         * @param delta  {@code Delta^(l)}, batch x n_l: derivative of the backpropagated quantity by
         *               the preactivations z^(l)
         * @param inputs {@code A^(l-1)}, batch x n_{l-1}: the layer's inputs
         */
        void visit(int layer, DMatrixRMaj delta, DMatrixRMaj inputs);
    }

    /** Sees each layer's preactivations during {@link #forward(Mlp, DMatrixRMaj, boolean, PreactivationVisitor)}. */
    @FunctionalInterface
    public interface PreactivationVisitor {
        /**
         * Called for {@code l = 1 .. l_out} and every row of the batch, before the activation.
         *
         * @param layer  l
         * @param row    the sample's row in the batch
         * @param z      holds {@code z^(l)} of the sample at {@code z[offset .. offset + n_l)}; read only
         * @param offset where the row starts
         */
        void visit(int layer, int row, double[] z, int offset);
    }

    private final MlpArchitecture architecture;
    private final Gemm gemm;
    private final int capacity;
    /** activations[l] holds A^(l) for hidden l, Z^(l_out) for the output; index 0 unused. */
    private final DMatrixRMaj[] activations;
    /** derivatives[l] holds sigma'(Z^(l)) for hidden l. */
    private final DMatrixRMaj[] derivatives;
    private final DMatrixRMaj outputGradient;
    private final DMatrixRMaj[] hiddenDeltas;
    private final DMatrixRMaj inputChunk;
    /** Reused across batches so the backward pass allocates nothing. */
    private final GradientCollector gradientCollector = new GradientCollector();
    private DMatrixRMaj input;
    private int batch;
    private boolean derivativesValid;

    /**
     * @param capacity largest batch (rows) this workspace serves, at least 1
     * @throws IllegalArgumentException if capacity is below 1
     */
    public ForwardBackward(MlpArchitecture architecture, int capacity, Gemm gemm) {
        if (capacity < 1) {
            throw new IllegalArgumentException("workspace capacity must be >= 1, got " + capacity);
        }
        this.architecture = architecture;
        this.gemm = gemm;
        this.capacity = capacity;
        int layers = architecture.outputLayer();
        this.activations = new DMatrixRMaj[layers + 1];
        this.derivatives = new DMatrixRMaj[layers];
        for (int l = 1; l <= layers; l++) {
            activations[l] = new DMatrixRMaj(capacity, architecture.width(l));
            if (l < layers) {
                derivatives[l] = new DMatrixRMaj(capacity, architecture.width(l));
            }
        }
        this.outputGradient = new DMatrixRMaj(capacity, architecture.outputWidth());
        int hidden = architecture.hiddenLayers() > 0 ? architecture.hiddenWidth() : 0;
        this.hiddenDeltas = new DMatrixRMaj[] {new DMatrixRMaj(capacity, hidden), new DMatrixRMaj(capacity, hidden)};
        this.inputChunk = new DMatrixRMaj(capacity, architecture.inputWidth());
    }

    public MlpArchitecture architecture() {
        return architecture;
    }

    /** Largest batch served. */
    public int capacity() {
        return capacity;
    }

    /** Rows of the last forward pass. */
    public int batchSize() {
        return batch;
    }

    /**
     * Runs the forward pass on {@code input} (batch x n0, batch at most {@link #capacity()}) and
     * returns the output {@code Z^(l_out)} (batch x n_out), a view into this workspace valid until the
     * next pass. The input is referenced, not copied: it must not change before {@link #backpropagate}.
     *
     * @param keepDerivatives whether to store sigma'(Z) for a backward pass
     * @throws IllegalArgumentException on a shape mismatch or too many rows
     */
    public DMatrixRMaj forward(Mlp network, DMatrixRMaj input, boolean keepDerivatives) {
        return forward(network, input, keepDerivatives, null);
    }

    /**
     * {@link #forward(Mlp, DMatrixRMaj, boolean)} that also hands every layer's preactivations
     * {@code z^(l)} to {@code preactivations} (if not null), as an initialization ensemble records them.
     */
    public DMatrixRMaj forward(Mlp network, DMatrixRMaj input, boolean keepDerivatives,
            PreactivationVisitor preactivations) {
        requireArchitecture(network);
        if (input.numCols != architecture.inputWidth() || input.numRows > capacity || input.numRows < 1) {
            throw new IllegalArgumentException("input " + input.numRows + "x" + input.numCols + " does not fit a workspace of "
                    + capacity + " rows x " + architecture.inputWidth() + " inputs");
        }
        this.input = input;
        this.batch = input.numRows;
        this.derivativesValid = keepDerivatives;
        Parameters parameters = network.parameters();
        int layers = architecture.outputLayer();
        DMatrixRMaj previous = input;
        for (int l = 1; l <= layers; l++) {
            DMatrixRMaj z = activations[l];
            int width = architecture.width(l);
            z.reshape(batch, width, false);
            gemm.multiply(false, true, 1.0, previous, parameters.weights(l), 0.0, z);
            double[] bias = parameters.biases(l).data;
            DMatrixRMaj derivative = null;
            if (l < layers && keepDerivatives) {
                derivative = derivatives[l];
                derivative.reshape(batch, width, false);
            }
            for (int row = 0, offset = 0; row < batch; row++, offset += width) {
                addRow(z.data, offset, bias, width);
                if (preactivations != null) {
                    preactivations.visit(l, row, z.data, offset);
                }
                if (l < layers) {
                    // Row by row, so the activation reads what the bias addition just left in cache.
                    LayerActivation.activate(network.activation(), z.data,
                            derivative == null ? null : derivative.data, offset, width);
                }
            }
            previous = z;
        }
        return activations[layers];
    }

    /**
     * dL/dZ^(l_out) for the last forward pass, batch x n_out: the caller writes it before
     * {@link #backpropagate}.
     */
    public DMatrixRMaj outputGradient() {
        outputGradient.reshape(batch, architecture.outputWidth(), false);
        return outputGradient;
    }

    /**
     * Backpropagates {@link #outputGradient()} through the network of the last forward pass
     * (which must have kept derivatives), handing each layer's {@code Delta^(l)} to the visitor.
     *
     * @throws IllegalStateException if the last forward pass did not keep derivatives
     */
    public void backpropagate(Mlp network, LayerVisitor visitor) {
        backpropagateFrom(network, architecture.outputLayer(), outputGradient(), visitor);
    }

    /**
     * Backpropagates {@code delta} = {@code Delta^(layer)} (batch x n_layer, the derivative of some
     * quantity by the preactivations {@code z^(layer)}) down to layer 1, handing each layer's
     * {@code Delta^(l)}, {@code l = layer .. 1}, to the visitor; for a hidden layer's own NTK, as
     * {@link EmpiricalNtk#layers} takes it. {@code delta} is read, not changed.
     *
     * @throws IllegalStateException if the last forward pass did not keep derivatives
     * @throws IllegalArgumentException if {@code delta} does not have the batch's rows and the layer's width
     */
    public void backpropagateFrom(Mlp network, int layer, DMatrixRMaj delta, LayerVisitor visitor) {
        requireArchitecture(network);
        if (!derivativesValid) {
            throw new IllegalStateException("backward pass needs a forward pass with keepDerivatives");
        }
        architecture.checkLayer(layer, 1);
        if (delta.numRows != batch || delta.numCols != architecture.width(layer)) {
            throw new IllegalArgumentException("Delta^(" + layer + ") must be " + batch + "x" + architecture.width(layer)
                    + ", got " + delta.numRows + "x" + delta.numCols);
        }
        Parameters parameters = network.parameters();
        int next = 0;
        for (int l = layer; l >= 1; l--) {
            DMatrixRMaj layerInput = l == 1 ? input : activations[l - 1];
            DMatrixRMaj previousDelta = null;
            if (l > 1) {
                // Before the visit: a visitor may update W^(l) in place (a fused SGD step).
                previousDelta = hiddenDeltas[next];
                next = 1 - next;
                previousDelta.reshape(batch, architecture.width(l - 1), false);
                gemm.multiply(false, false, 1.0, delta, parameters.weights(l), 0.0, previousDelta);
                multiplyElementwise(previousDelta, derivatives[l - 1]);
            }
            visitor.visit(l, delta, layerInput);
            delta = previousDelta;
        }
    }

    /**
     * Backward pass into parameter gradients: {@code gradients} receives
     * {@code dL/dW^(l) = Delta^(l)T A^(l-1)} and {@code dL/db^(l) = 1^T Delta^(l)}.
     */
    public void backward(Mlp network, Parameters gradients) {
        gradientCollector.target = gradients;
        try {
            backpropagate(network, gradientCollector);
        } finally {
            gradientCollector.target = null;
        }
    }

    /**
     * Predictions of the network for every row of {@code inputs}, written into {@code predictions}
     * (rows x n_out), in chunks of at most {@link #capacity()} rows copied into an internal buffer.
     */
    public void predict(Mlp network, DMatrixRMaj inputs, DMatrixRMaj predictions) {
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
            DMatrixRMaj out = forward(network, inputChunk, false);
            System.arraycopy(out.data, 0, predictions.data, start * outputs, rows * outputs);
        }
    }

    /** Writes each layer's parameter gradients into {@link #target}. */
    private final class GradientCollector implements LayerVisitor {
        private Parameters target;

        @Override
        public void visit(int layer, DMatrixRMaj delta, DMatrixRMaj inputs) {
            gemm.multiply(true, false, 1.0, delta, inputs, 0.0, target.weights(layer));
            sumRowsInto(delta, target.biases(layer).data);
        }
    }

    private void requireArchitecture(Mlp network) {
        if (!network.architecture().equals(architecture)) {
            throw new IllegalArgumentException("workspace is for " + architecture + ", network is " + network.architecture());
        }
    }

    private static void addRow(double[] target, int offset, double[] row, int length) {
        for (int j = 0; j < length; j++) {
            target[offset + j] += row[j];
        }
    }

    private static void multiplyElementwise(DMatrixRMaj target, DMatrixRMaj factor) {
        int size = target.getNumElements();
        double[] t = target.data;
        double[] f = factor.data;
        for (int i = 0; i < size; i++) {
            t[i] *= f[i];
        }
    }

    /** out[j] = sum_i m[i][j]: the bias gradient {@code 1^T Delta}. */
    public static void sumRowsInto(DMatrixRMaj m, double[] out) {
        int cols = m.numCols;
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int row = 0, offset = 0; row < m.numRows; row++, offset += cols) {
            for (int j = 0; j < cols; j++) {
                out[j] += m.data[offset + j];
            }
        }
    }
}
