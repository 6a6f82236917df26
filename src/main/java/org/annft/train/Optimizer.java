package org.annft.train;

import org.annft.nn.FloatParameters;
import org.annft.nn.Parameters;

/** Updates parameters in place from the gradients of one batch. Stateful; one per training. */
public interface Optimizer {

    /** Called before the first step of epoch {@code epoch} (1-based). */
    void beginEpoch(int epoch);

    /** One update of {@code parameters} from {@code gradients} ({@code dL/dtheta} of the batch's mean loss). */
    void step(Parameters parameters, Parameters gradients);

    /** The same update in float32, for a {@link Precision#FLOAT32} training. */
    void step(FloatParameters parameters, FloatParameters gradients);

    /** What the next steps depend on besides the parameters; none by default (SGD). */
    default OptimizerState state() {
        return OptimizerState.NONE;
    }

    /** Continues from {@code state} (taking its arrays), for steps of {@code precision}. */
    default void restore(OptimizerState state, Precision precision) {
    }
}
