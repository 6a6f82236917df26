package org.annft.train;

import org.annft.nn.Parameters;

/**
 * What an optimizer's next steps depend on besides the parameters: Adam's step count t and its
 * moments m and v (float32 moments widened, exactly, to double); nothing for SGD, whose rates follow
 * from the epoch alone.
 *
 * @param steps        steps taken
 * @param firstMoment  m, or null (SGD, or no step yet)
 * @param secondMoment v, or null with {@code firstMoment}
 */
public record OptimizerState(long steps, Parameters firstMoment, Parameters secondMoment) {

    /** The state of an optimizer that keeps none. */
    public static final OptimizerState NONE = new OptimizerState(0, null, null);

    public OptimizerState {
        if (steps < 0 || (firstMoment == null) != (secondMoment == null)) {
            throw new IllegalArgumentException("an optimizer state has steps >= 0 and both moments or neither");
        }
    }
}
