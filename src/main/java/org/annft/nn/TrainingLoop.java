package org.annft.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * The epochs of one training in one {@link Precision}: {@link EpochRunner} (float64) or
 * {@link FloatEpochRunner} (float32). Data come in and predictions go out as double; inside, each
 * works in its own precision only.
 */
interface TrainingLoop {

    /**
     * Runs epoch {@code epoch} (1-based) and returns the sample-weighted mean of its batch losses,
     * each taken before that batch's update.
     */
    double runEpoch(int epoch);

    /** The network's outputs in training units for every row of {@code inputs}, into {@code predictions}. */
    void predict(DMatrixRMaj inputs, DMatrixRMaj predictions);

    /** Leaves the trained parameters in the network (float32: widened to double). */
    void storeParameters();

    /**
     * A loop of the given precision.
     *
     * @param inputs    training inputs, referenced or copied, never modified
     * @param targets   training targets in training units
     * @param batchSize samples per step, 1 .. rows
     */
    static TrainingLoop create(Precision precision, Mlp network, DMatrixRMaj inputs, DMatrixRMaj targets, Loss loss,
            Optimizer optimizer, int batchSize, org.apache.commons.rng.UniformRandomProvider shuffling, Gemm gemm,
            FloatGemm floatGemm) {
        return precision == Precision.FLOAT32
                ? new FloatEpochRunner(network, inputs, targets, loss, optimizer, batchSize, shuffling, floatGemm)
                : new EpochRunner(network, inputs, targets, loss, optimizer, batchSize, shuffling, gemm);
    }
}
