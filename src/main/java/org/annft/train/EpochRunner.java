package org.annft.train;

import org.annft.linalg.Gemm;
import org.annft.nn.ForwardBackward;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * Runs float64 training epochs: per batch a forward pass, the loss and its gradient, a backward pass and an
 * optimizer step. Every array is allocated here, once; an epoch allocates nothing. Its float32 twin
 * {@code FloatEpochRunner} is generated from this class at build time; losses are summed in 64 bits
 * in both.
 *
 * <p>Full batch uses the training matrices directly. Mini-batches gather the rows of a fresh
 * seeded permutation per epoch into batch buffers.
 */
final class EpochRunner {

    private final Mlp network;
    private final DMatrixRMaj inputs;
    private final DMatrixRMaj targets;
    private final Loss loss;
    private final Optimizer optimizer;
    private final UniformRandomProvider shuffling;
    private final int batchSize;
    private final ForwardBackward workspace;
    /** The batch's gradients, for optimizers that need them whole (Adam); null for SGD. */
    private final Parameters gradients;
    /** Plain SGD's update fused into the backward pass; null for Adam, which needs the gradients. */
    private final SgdStep sgdStep;
    private final int[] order;
    private final DMatrixRMaj batchInputs;
    private final DMatrixRMaj batchTargets;

    /**
     * @param inputs    training inputs, referenced (not copied) and never modified
     * @param targets   training targets in training units, referenced and never modified
     * @param batchSize samples per step, 1 .. rows
     */
    EpochRunner(Mlp network, DMatrixRMaj inputs, DMatrixRMaj targets, Loss loss, Optimizer optimizer,
            int batchSize, UniformRandomProvider shuffling, Gemm gemm) {
        if (batchSize < 1 || batchSize > inputs.numRows) {
            throw new IllegalArgumentException("batch size " + batchSize + " outside 1 .. " + inputs.numRows);
        }
        this.network = network;
        this.inputs = inputs;
        this.targets = targets;
        this.loss = loss;
        this.optimizer = optimizer;
        this.shuffling = shuffling;
        this.batchSize = batchSize;
        MlpArchitecture architecture = network.architecture();
        this.workspace = new ForwardBackward(architecture, batchSize, gemm);
        this.sgdStep = optimizer instanceof Sgd sgd ? new SgdStep(sgd, network.parameters(), gemm) : null;
        this.gradients = sgdStep == null ? new Parameters(architecture) : null;
        boolean fullBatch = batchSize == inputs.numRows;
        this.order = fullBatch ? null : PermutationSampler.natural(inputs.numRows);
        this.batchInputs = fullBatch ? null : new DMatrixRMaj(batchSize, inputs.numCols);
        this.batchTargets = fullBatch ? null : new DMatrixRMaj(batchSize, targets.numCols);
    }

    /**
     * Runs epoch {@code epoch} (1-based) and returns the sample-weighted mean of its batch losses,
     * each taken before that batch's update.
     */
    double runEpoch(int epoch) { // keep double
        optimizer.beginEpoch(epoch);
        if (order == null) {
            return step(inputs, targets);
        }
        PermutationSampler.shuffle(shuffling, order);
        int rows = inputs.numRows;
        double weightedLoss = 0; // keep double
        for (int start = 0; start < rows; start += batchSize) {
            int size = Math.min(batchSize, rows - start);
            gatherRows(inputs, order, start, size, batchInputs);
            gatherRows(targets, order, start, size, batchTargets);
            weightedLoss += size * step(batchInputs, batchTargets);
        }
        return weightedLoss / rows;
    }

    /**
     * Draws the permutations of {@code epochs} epochs without training, leaving the generator and
     * the order as those epochs left them (a resumed training continues the same sequence).
     */
    void replayShuffles(int epochs) {
        for (int e = 0; order != null && e < epochs; e++) {
            PermutationSampler.shuffle(shuffling, order);
        }
    }

    /** The network's outputs in training units for every row of {@code samples}, into {@code predictions}. */
    void predict(DMatrixRMaj samples, DMatrixRMaj predictions) {
        workspace.predict(network, samples, predictions);
    }

    private double step(DMatrixRMaj batchIn, DMatrixRMaj batchOut) { // keep double
        DMatrixRMaj prediction = workspace.forward(network, batchIn, true);
        double value = loss.evaluate(prediction, batchOut, workspace.outputGradient()); // keep double
        if (sgdStep != null) {
            workspace.backpropagate(network, sgdStep);
        } else {
            workspace.backward(network, gradients);
            optimizer.step(network.parameters(), gradients);
        }
        return value;
    }

    /** Copies rows {@code order[start .. start+count)} of {@code source} into the first rows of {@code target}. */
    private static void gatherRows(DMatrixRMaj source, int[] order, int start, int count, DMatrixRMaj target) {
        int cols = source.numCols;
        target.reshape(count, cols, false);
        for (int i = 0; i < count; i++) {
            System.arraycopy(source.data, order[start + i] * cols, target.data, i * cols, cols);
        }
    }
}
