package org.annft.train;

import java.util.List;
import org.annft.nn.Parameters;
import org.annft.ntk.NtkTracker;

/**
 * A training stopped at an epoch boundary, with everything the rest of it depends on: continued by
 * {@link Trainer#train}, it ends bit for bit as the uninterrupted training. What is not here follows
 * from the run itself: the initial network (its seed), the initial loss and the divergence bound (the
 * initial network), the NTK's H_0 (recomputed on the initial network), the shuffling generator and the
 * permutation (the shuffles of the epochs done are replayed from the run's stream), the learning-rate
 * phase (the epoch).
 *
 * @param epoch      epochs done, at least 1; the training had not diverged
 * @param seconds    wall seconds the training had taken
 * @param lossCurve  the loss curve so far
 * @param ntk        the NTK snapshots so far (none without a tracker)
 * @param parameters the network's parameters (of a float32 training: its float parameters, widened)
 * @param optimizer  the optimizer's state
 */
public record TrainingState(int epoch, double seconds, List<TrainingResult.LossPoint> lossCurve,
                            List<NtkTracker.Snapshot> ntk, Parameters parameters, OptimizerState optimizer) {

    public TrainingState {
        lossCurve = List.copyOf(lossCurve);
        ntk = List.copyOf(ntk);
        if (epoch < 1 || parameters == null || optimizer == null) {
            throw new IllegalArgumentException("a training state is taken after an epoch, with parameters and optimizer");
        }
    }
}
