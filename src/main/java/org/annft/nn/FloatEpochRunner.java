package org.annft.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * Runs float32 training epochs: the steps of {@link EpochRunner} (same batches from the same
 * shuffling stream) on float copies of the data and the parameters, with {@code sgemm}. The
 * network's double parameters are read once here and written back by {@link #storeParameters()}.
 */
final class FloatEpochRunner implements TrainingLoop {

    private final Mlp network;
    private final FloatParameters parameters;
    private final FMatrixRMaj inputs;
    private final FMatrixRMaj targets;
    private final Loss loss;
    private final Optimizer optimizer;
    private final UniformRandomProvider shuffling;
    private final int batchSize;
    private final FloatForwardBackward workspace;
    private final FloatParameters gradients;
    private final int[] order;
    private final FMatrixRMaj batchInputs;
    private final FMatrixRMaj batchTargets;
    /** Inputs and predictions of {@link #predict}, reused while their row count stays. */
    private FMatrixRMaj predictInputs = new FMatrixRMaj(0, 0);
    private FMatrixRMaj predictOutputs = new FMatrixRMaj(0, 0);

    /**
     * @param inputs    training inputs, rounded to float here
     * @param targets   training targets in training units, rounded to float here
     * @param batchSize samples per step, 1 .. rows
     */
    FloatEpochRunner(Mlp network, DMatrixRMaj inputs, DMatrixRMaj targets, Loss loss, Optimizer optimizer,
            int batchSize, UniformRandomProvider shuffling, FloatGemm gemm) {
        if (batchSize < 1 || batchSize > inputs.numRows) {
            throw new IllegalArgumentException("batch size " + batchSize + " outside 1 .. " + inputs.numRows);
        }
        this.network = network;
        this.parameters = FloatParameters.rounded(network.parameters());
        this.inputs = rounded(inputs);
        this.targets = rounded(targets);
        this.loss = loss;
        this.optimizer = optimizer;
        this.shuffling = shuffling;
        this.batchSize = batchSize;
        MlpArchitecture architecture = network.architecture();
        this.workspace = new FloatForwardBackward(architecture, network.activation(), batchSize, gemm);
        this.gradients = new FloatParameters(architecture);
        boolean fullBatch = batchSize == inputs.numRows;
        this.order = fullBatch ? null : PermutationSampler.natural(inputs.numRows);
        this.batchInputs = fullBatch ? null : new FMatrixRMaj(batchSize, inputs.numCols);
        this.batchTargets = fullBatch ? null : new FMatrixRMaj(batchSize, targets.numCols);
    }

    @Override
    public double runEpoch(int epoch) {
        optimizer.beginEpoch(epoch);
        if (order == null) {
            return step(inputs, targets);
        }
        PermutationSampler.shuffle(shuffling, order);
        int rows = inputs.numRows;
        double weightedLoss = 0;
        for (int start = 0; start < rows; start += batchSize) {
            int size = Math.min(batchSize, rows - start);
            gatherRows(inputs, order, start, size, batchInputs);
            gatherRows(targets, order, start, size, batchTargets);
            weightedLoss += size * step(batchInputs, batchTargets);
        }
        return weightedLoss / rows;
    }

    @Override
    public void predict(DMatrixRMaj samples, DMatrixRMaj predictions) {
        if (predictInputs.numRows != samples.numRows || predictInputs.numCols != samples.numCols) {
            predictInputs = new FMatrixRMaj(samples.numRows, samples.numCols);
            predictOutputs = new FMatrixRMaj(predictions.numRows, predictions.numCols);
        }
        round(samples, predictInputs);
        workspace.predict(parameters, predictInputs, predictOutputs);
        int size = predictions.getNumElements();
        for (int i = 0; i < size; i++) {
            predictions.data[i] = predictOutputs.data[i];
        }
    }

    @Override
    public void storeParameters() {
        parameters.widenInto(network.parameters());
    }

    private double step(FMatrixRMaj batchIn, FMatrixRMaj batchOut) {
        FMatrixRMaj prediction = workspace.forward(parameters, batchIn, true);
        double value = loss.evaluate(prediction, batchOut, workspace.outputGradient());
        workspace.backward(parameters, gradients);
        optimizer.step(parameters, gradients);
        return value;
    }

    private static void gatherRows(FMatrixRMaj source, int[] order, int start, int count, FMatrixRMaj target) {
        int cols = source.numCols;
        target.reshape(count, cols, false);
        for (int i = 0; i < count; i++) {
            System.arraycopy(source.data, order[start + i] * cols, target.data, i * cols, cols);
        }
    }

    private static FMatrixRMaj rounded(DMatrixRMaj m) {
        FMatrixRMaj out = new FMatrixRMaj(m.numRows, m.numCols);
        round(m, out);
        return out;
    }

    private static void round(DMatrixRMaj from, FMatrixRMaj to) {
        int size = from.getNumElements();
        for (int i = 0; i < size; i++) {
            to.data[i] = (float) from.data[i];
        }
    }
}
