package org.annft.train;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.annft.linalg.FloatGemm;
import org.annft.linalg.Gemm;
import org.annft.nn.FloatForwardBackward;
import org.annft.nn.ForwardBackward;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.nn.SeedStreams;
import org.annft.ntk.NtkTracker;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * Trains one network on one thread and reports a {@link TrainingResult}. A divergence (a loss that
 * is NaN, infinite, or above {@link TrainingSpec#divergenceFactor()} times the initial loss) ends
 * the training with status {@code DIVERGED}; it never throws for numerical reasons.
 *
 * <p>A {@link Precision#FLOAT32} trainer trains and predicts in float32 and hands back double
 * values (parameters, losses, predictions) only for the results.
 */
public final class Trainer {

    private final Gemm gemm;
    private final FloatGemm floatGemm;
    private final Precision precision;

    /** A float64 trainer whose products run on {@code gemm} (normally {@link Gemm#blas()}). */
    public Trainer(Gemm gemm) {
        this(gemm, FloatGemm.blas(), Precision.FLOAT64);
    }

    /** A trainer of the given precision: float64 products on {@code gemm}, float32 on {@code floatGemm}. */
    public Trainer(Gemm gemm, FloatGemm floatGemm, Precision precision) {
        this.gemm = gemm;
        this.floatGemm = floatGemm;
        this.precision = precision;
    }

    public Precision precision() {
        return precision;
    }

    /** The product implementation this trainer uses, as recorded in {@link TrainingResult#gemm()}. */
    public String gemmName() {
        return precision == Precision.FLOAT32 ? floatGemm.implementationName() : gemm.implementationName();
    }

    /**
     * Trains {@code network} in place on {@code train}, and evaluates it on {@code train} and
     * {@code test} (which may be empty).
     *
     * @throws IllegalArgumentException if the data do not fit the network or the training set is empty
     */
    public TrainingResult train(Mlp network, Samples train, Samples test, TrainingSpec spec, OptimizerSpec optimizerSpec) {
        return train(network, train, test, spec, optimizerSpec, null);
    }

    /**
     * As {@link #train(Mlp, Samples, Samples, TrainingSpec, OptimizerSpec)}, recording the NTK with
     * {@code ntk} (if not null) before the first epoch, every {@link NtkTracker#every()} epochs and
     * after the last.
     */
    public TrainingResult train(Mlp network, Samples train, Samples test, TrainingSpec spec, OptimizerSpec optimizerSpec,
            NtkTracker ntk) {
        return train(network, train, test, spec, optimizerSpec, ntk, epoch -> { });
    }

    /**
     * As {@link #train(Mlp, Samples, Samples, TrainingSpec, OptimizerSpec, NtkTracker)}, telling
     * {@code afterEpoch} each epoch's number when it is done (progress of a long run).
     */
    public TrainingResult train(Mlp network, Samples train, Samples test, TrainingSpec spec, OptimizerSpec optimizerSpec,
            NtkTracker ntk, java.util.function.IntConsumer afterEpoch) {
        return train(network, train, test, spec, optimizerSpec, ntk, afterEpoch, TrainingCheckpoints.NONE);
    }

    /**
     * As {@link #train(Mlp, Samples, Samples, TrainingSpec, OptimizerSpec, NtkTracker, java.util.function.IntConsumer)},
     * continuing from the state {@code checkpoints} resumes (if any) and saving the state at the
     * epoch boundaries it asks for. {@code network} is the initial network in either case (the
     * parameter changes and H_0 are taken from it); the result equals the uninterrupted training's
     * bit for bit, but for {@link TrainingResult#seconds()}.
     */
    public TrainingResult train(Mlp network, Samples train, Samples test, TrainingSpec spec, OptimizerSpec optimizerSpec,
            NtkTracker ntk, java.util.function.IntConsumer afterEpoch, TrainingCheckpoints checkpoints) {
        long start = System.nanoTime();
        MlpArchitecture architecture = network.architecture();
        requireFits(architecture, train, "training set");
        requireFits(architecture, test, "test set");
        if (train.size() == 0) {
            throw new IllegalArgumentException("training set is empty");
        }
        Parameters initial = network.parameters().copy();
        double scale = spec.targetScale();
        DMatrixRMaj trainTargets = scaled(train.targetView(), scale);
        TrainingLoop runner = loop(network, train.inputView(), trainTargets, spec, optimizerSpec);
        DMatrixRMaj trainPredictions = new DMatrixRMaj(train.size(), architecture.outputWidth());

        Loss loss = spec.loss();
        runner.predict(train.inputView(), trainPredictions);
        double initialLoss = loss.evaluate(trainPredictions, trainTargets, null);
        List<TrainingResult.LossPoint> curve = new ArrayList<>();
        curve.add(new TrainingResult.LossPoint(0, loss.toOriginalUnits(initialLoss, scale)));
        // A perfect initial fit gives no scale for "too large": then only non-finite losses diverge.
        double bound = initialLoss > 0 ? spec.divergenceFactor() * initialLoss : Double.POSITIVE_INFINITY;

        int total = optimizerSpec.epochs();
        int divergedAt = Double.isFinite(initialLoss) ? -1 : 0;
        int epoch = 0;
        if (ntk != null) {
            ntk.snapshot(0, network);
        }
        double secondsBefore = 0;
        TrainingState resumed = divergedAt < 0 ? checkpoints.resume() : null;
        if (resumed != null) {
            if (resumed.epoch() >= total) {
                throw new IllegalArgumentException("a state at epoch " + resumed.epoch() + " of " + total);
            }
            network.parameters().copyFrom(resumed.parameters());
            runner.resume(resumed.epoch(), resumed.optimizer());
            curve = new ArrayList<>(resumed.lossCurve());
            if (ntk != null) {
                ntk.resume(resumed.ntk());
            }
            epoch = resumed.epoch();
            secondsBefore = resumed.seconds();
        }
        while (divergedAt < 0 && epoch < total) {
            epoch++;
            double epochLoss = runner.runEpoch(epoch);
            boolean diverged = !Double.isFinite(epochLoss) || epochLoss > bound;
            if (diverged) {
                divergedAt = epoch;
            }
            if (diverged || epoch % spec.logEvery() == 0 || epoch == total) {
                curve.add(new TrainingResult.LossPoint(epoch, loss.toOriginalUnits(epochLoss, scale)));
            }
            if (ntk != null && ntk.every() > 0 && epoch % ntk.every() == 0 && epoch < total && !diverged) {
                runner.storeParameters();
                ntk.snapshot(epoch, network);
            }
            if (!diverged && epoch < total && checkpoints.due(epoch)) {
                runner.storeParameters();
                checkpoints.save(new TrainingState(epoch, secondsBefore + (System.nanoTime() - start) * 1e-9, curve,
                        ntk == null ? List.of() : ntk.snapshots(), network.parameters(), runner.optimizerState()));
            }
            afterEpoch.accept(epoch);
        }

        runner.storeParameters();
        if (ntk != null && epoch > 0) {
            ntk.snapshot(epoch, network);
        }
        runner.predict(train.inputView(), trainPredictions);
        double finalLoss = loss.evaluate(trainPredictions, trainTargets, null);
        double trainSquares = sumOfSquaredErrors(trainPredictions, train, scale);
        double testSquares = 0;
        if (test.size() > 0) {
            DMatrixRMaj testPredictions = new DMatrixRMaj(test.size(), architecture.outputWidth());
            runner.predict(test.inputView(), testPredictions);
            testSquares = sumOfSquaredErrors(testPredictions, test, scale);
        }
        int outputs = architecture.outputWidth();
        double rmsdTrain = Math.sqrt(trainSquares / ((double) train.size() * outputs));
        double rmsdTest = test.size() == 0 ? Double.NaN : Math.sqrt(testSquares / ((double) test.size() * outputs));
        double rmsdAll = Math.sqrt((trainSquares + testSquares) / ((double) (train.size() + test.size()) * outputs));
        if (divergedAt < 0 && !(Double.isFinite(finalLoss) && Double.isFinite(rmsdAll))) {
            // The last update broke the network after the last epoch's loss was taken.
            divergedAt = epoch;
        }
        ParameterChanges changes = ParameterChanges.between(initial, network.parameters());
        double seconds = secondsBefore + (System.nanoTime() - start) * 1e-9;
        return new TrainingResult(divergedAt < 0 ? TrainingResult.Status.OK : TrainingResult.Status.DIVERGED,
                divergedAt < 0 ? OptionalInt.empty() : OptionalInt.of(divergedAt), epoch,
                loss.toOriginalUnits(initialLoss, scale), loss.toOriginalUnits(finalLoss, scale),
                rmsdAll, rmsdTrain, rmsdTest, seconds, curve, changes, gemmName());
    }

    /**
     * Wall seconds of each of the first {@code epochs} epochs of the training {@link #train} would
     * run (same data, batches, optimizer and precision), without its evaluations; the network is
     * trained in place. For cost estimates.
     *
     * @throws IllegalArgumentException if the data do not fit the network or the training set is empty
     */
    public double[] epochSeconds(Mlp network, Samples train, TrainingSpec spec, OptimizerSpec optimizerSpec, int epochs) {
        requireFits(network.architecture(), train, "training set");
        if (train.size() == 0) {
            throw new IllegalArgumentException("training set is empty");
        }
        TrainingLoop runner = loop(network, train.inputView(), scaled(train.targetView(), spec.targetScale()), spec,
                optimizerSpec);
        double[] seconds = new double[epochs];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            runner.runEpoch(epoch);
            seconds[epoch - 1] = (System.nanoTime() - start) * 1e-9;
        }
        return seconds;
    }

    private TrainingLoop loop(Mlp network, DMatrixRMaj inputs, DMatrixRMaj targets, TrainingSpec spec,
            OptimizerSpec optimizerSpec) {
        return TrainingLoop.create(precision, network, inputs, targets, spec.loss(),
                optimizerSpec.create(network.architecture()), spec.effectiveBatchSize(inputs.numRows),
                SeedStreams.stream(spec.shuffleSeed(), SeedStreams.SHUFFLING), gemm, floatGemm);
    }

    /**
     * Root-mean-square deviation of the network's predictions from the targets, over all samples, in
     * the reported units: {@code sqrt((1/m) sum (u_i (s f_i - y_i))^2)}, with {@code s} the
     * {@link TrainingSpec#targetScale()} the network was trained with (its outputs are in units of s)
     * and {@code u_i} the sample's {@link Samples#reportScale}.
     */
    public double rmsd(Mlp network, Samples samples, double targetScale) {
        double[] predictions = predictMev(network, samples, targetScale);
        if (predictions.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < predictions.length; i++) {
            double d = predictions[i] - samples.reportScale(i) * samples.target(i, 0);
            sum += d * d;
        }
        return Math.sqrt(sum / predictions.length);
    }

    /**
     * The network's predictions in the reported units (its output times the target scale and the
     * sample's report scale: MeV of total B) for every sample, in order, for a network with one
     * output; computed in this trainer's precision.
     */
    public double[] predictMev(Mlp network, Samples samples, double targetScale) {
        requireFits(network.architecture(), samples, "samples");
        if (samples.size() == 0) {
            return new double[0];
        }
        int capacity = Math.min(samples.size(), 4096);
        MlpArchitecture architecture = network.architecture();
        double[] out = new double[samples.size()];
        if (precision == Precision.FLOAT32) {
            FloatForwardBackward workspace = new FloatForwardBackward(architecture, capacity, floatGemm);
            FMatrixRMaj predictions = new FMatrixRMaj(samples.size(), architecture.outputWidth());
            workspace.predict(Float32Conversion.rounded(network), Float32Conversion.rounded(samples.inputView()),
                    predictions);
            for (int i = 0; i < out.length; i++) {
                out[i] = samples.reportScale(i) * (targetScale * predictions.get(i, 0));
            }
            return out;
        }
        ForwardBackward workspace = new ForwardBackward(architecture, capacity, gemm);
        DMatrixRMaj predictions = new DMatrixRMaj(samples.size(), architecture.outputWidth());
        workspace.predict(network, samples.inputView(), predictions);
        for (int i = 0; i < out.length; i++) {
            out[i] = samples.reportScale(i) * (targetScale * predictions.get(i, 0));
        }
        return out;
    }

    private static void requireFits(MlpArchitecture architecture, Samples samples, String name) {
        if (samples.inputWidth() != architecture.inputWidth() || samples.outputWidth() != architecture.outputWidth()) {
            throw new IllegalArgumentException(name + " has " + samples.inputWidth() + " inputs and "
                    + samples.outputWidth() + " targets; the network takes " + architecture.inputWidth() + " and gives "
                    + architecture.outputWidth());
        }
    }

    private static DMatrixRMaj scaled(DMatrixRMaj targets, double scale) {
        DMatrixRMaj copy = targets.copy();
        if (scale != 1.0) {
            int size = copy.getNumElements();
            for (int i = 0; i < size; i++) {
                copy.data[i] /= scale;
            }
        }
        return copy;
    }

    /**
     * sum (u_i (scale f_i - y_i))^2 with f the predictions in training units, y the targets in the
     * caller's units and u_i the samples' report scales: squared errors in the reported units.
     */
    private static double sumOfSquaredErrors(DMatrixRMaj predictions, Samples samples, double scale) {
        double sum = 0;
        int outputs = predictions.numCols;
        int size = predictions.getNumElements();
        DMatrixRMaj targets = samples.targetView();
        for (int i = 0; i < size; i++) {
            double d = samples.reportScale(i / outputs) * (scale * predictions.data[i] - targets.data[i]);
            sum += d * d;
        }
        return sum;
    }
}
