package org.annft.train;

import org.annft.linalg.FloatGemm;
import org.annft.linalg.Gemm;
import org.annft.nn.FloatMlp;
import org.annft.nn.Mlp;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * The epochs of one training in one {@link Precision}, on {@link EpochRunner} (float64) or its
 * generated twin {@code FloatEpochRunner} (float32). Data come in and predictions go out as double;
 * inside, each works in its own precision only.
 */
public interface TrainingLoop {

    /**
     * Runs epoch {@code epoch} (1-based) and returns the sample-weighted mean of its batch losses,
     * each taken before that batch's update.
     */
    double runEpoch(int epoch);

    /** The network's outputs in training units for every row of {@code inputs}, into {@code predictions}. */
    void predict(DMatrixRMaj inputs, DMatrixRMaj predictions);

    /** Leaves the trained parameters in the network (float32: widened to double). */
    void storeParameters();

    /** The optimizer's state, to be saved with the parameters {@link #storeParameters()} leaves. */
    OptimizerState optimizerState();

    /**
     * Continues after {@code epochs} epochs from the parameters now in the network (float32: rounded,
     * exactly, back from the widened ones) and the optimizer's state; the epochs' shuffles are replayed.
     */
    void resume(int epochs, OptimizerState state);

    /**
     * A loop of the given precision. A float32 loop rounds the network's parameters and the data
     * once, here, and trains a float copy; {@link #storeParameters()} widens it back.
     *
     * @param inputs    training inputs, referenced or copied, never modified
     * @param targets   training targets in training units
     * @param batchSize samples per step, 1 .. rows
     */
    static TrainingLoop create(Precision precision, Mlp network, DMatrixRMaj inputs, DMatrixRMaj targets, Loss loss,
            Optimizer optimizer, int batchSize, UniformRandomProvider shuffling, Gemm gemm, FloatGemm floatGemm) {
        if (precision == Precision.FLOAT64) {
            EpochRunner runner = new EpochRunner(network, inputs, targets, loss, optimizer, batchSize, shuffling, gemm);
            return new TrainingLoop() {
                @Override
                public double runEpoch(int epoch) {
                    return runner.runEpoch(epoch);
                }

                @Override
                public void predict(DMatrixRMaj samples, DMatrixRMaj predictions) {
                    runner.predict(samples, predictions);
                }

                @Override
                public void storeParameters() {
                    // Trained in place.
                }

                @Override
                public OptimizerState optimizerState() {
                    return optimizer.state();
                }

                @Override
                public void resume(int epochs, OptimizerState state) {
                    optimizer.restore(state, Precision.FLOAT64);
                    runner.replayShuffles(epochs);
                }
            };
        }
        FloatMlp copy = Float32Conversion.rounded(network);
        FloatEpochRunner runner = new FloatEpochRunner(copy, Float32Conversion.rounded(inputs),
                Float32Conversion.rounded(targets), loss, optimizer, batchSize, shuffling, floatGemm);
        return new TrainingLoop() {
            /** Inputs and predictions of {@link #predict}, reused while their shapes stay. */
            private FMatrixRMaj predictInputs = new FMatrixRMaj(0, 0);
            private FMatrixRMaj predictOutputs = new FMatrixRMaj(0, 0);

            @Override
            public double runEpoch(int epoch) {
                return runner.runEpoch(epoch);
            }

            @Override
            public void predict(DMatrixRMaj samples, DMatrixRMaj predictions) {
                if (predictInputs.numRows != samples.numRows || predictInputs.numCols != samples.numCols) {
                    predictInputs = new FMatrixRMaj(samples.numRows, samples.numCols);
                    predictOutputs = new FMatrixRMaj(predictions.numRows, predictions.numCols);
                }
                Float32Conversion.round(samples, predictInputs);
                runner.predict(predictInputs, predictOutputs);
                Float32Conversion.widen(predictOutputs, predictions);
            }

            @Override
            public void storeParameters() {
                Float32Conversion.widenInto(copy.parameters(), network.parameters());
            }

            @Override
            public OptimizerState optimizerState() {
                return optimizer.state();
            }

            @Override
            public void resume(int epochs, OptimizerState state) {
                Float32Conversion.roundInto(network.parameters(), copy.parameters());
                optimizer.restore(state, Precision.FLOAT32);
                runner.replayShuffles(epochs);
            }
        };
    }
}
