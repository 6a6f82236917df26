package org.annft.train;

/**
 * How to train, apart from the optimizer.
 *
 * @param loss              MAE (the paper's) or MSE
 * @param batchSize         samples per step; {@link #FULL_BATCH} (0) or any value at least the
 *                          training set size means full batch. Mini-batches are drawn from a fresh
 *                          permutation each epoch; the last one of an epoch may be smaller.
 * @param logEvery          the loss curve records epoch 0 (initial loss), every {@code logEvery}-th
 *                          epoch and the last one; at least 1
 * @param shuffleSeed       seed of the shuffling stream ({@link SeedStreams#SHUFFLING})
 * @param targetScale       targets are divided by this before training and predictions multiplied by
 *                          it afterwards; reported losses and RMSDs are in the caller's units. Positive.
 * @param divergenceFactor  an epoch whose loss is not finite or exceeds {@code divergenceFactor} times
 *                          the initial loss ends the training as diverged; greater than 1
 */
public record TrainingSpec(Loss loss, int batchSize, int logEvery, long shuffleSeed, double targetScale,
        double divergenceFactor) {

    /** {@link #batchSize()} value for full-batch training. */
    public static final int FULL_BATCH = 0;

    public TrainingSpec {
        if (loss == null) {
            throw new IllegalArgumentException("loss must be given");
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be >= 0 (0 = full batch), got " + batchSize);
        }
        if (logEvery < 1) {
            throw new IllegalArgumentException("log-every must be >= 1, got " + logEvery);
        }
        if (!(targetScale > 0) || Double.isInfinite(targetScale)) {
            throw new IllegalArgumentException("target scale must be finite and > 0, got " + targetScale);
        }
        if (!(divergenceFactor > 1)) {
            throw new IllegalArgumentException("divergence factor must be > 1, got " + divergenceFactor);
        }
    }

    /** Full batch, targets unscaled, divergence at 1e3 times the initial loss. */
    public static TrainingSpec fullBatch(Loss loss, int logEvery) {
        return new TrainingSpec(loss, FULL_BATCH, logEvery, 0L, 1.0, 1e3);
    }

    /** The batch size for a training set of {@code samples} rows. */
    public int effectiveBatchSize(int samples) {
        return batchSize == FULL_BATCH ? samples : Math.min(batchSize, samples);
    }

    public TrainingSpec withBatchSize(int newBatchSize) {
        return new TrainingSpec(loss, newBatchSize, logEvery, shuffleSeed, targetScale, divergenceFactor);
    }

    public TrainingSpec withShuffleSeed(long newShuffleSeed) {
        return new TrainingSpec(loss, batchSize, logEvery, newShuffleSeed, targetScale, divergenceFactor);
    }

    public TrainingSpec withTargetScale(double newTargetScale) {
        return new TrainingSpec(loss, batchSize, logEvery, shuffleSeed, newTargetScale, divergenceFactor);
    }
}
