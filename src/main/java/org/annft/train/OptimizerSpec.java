package org.annft.train;

import org.annft.nn.MlpArchitecture;
import org.annft.theory.LearningRates;

/** What to train with: SGD over a phase schedule, or Adam for a number of epochs. */
public sealed interface OptimizerSpec permits OptimizerSpec.SgdSpec, OptimizerSpec.AdamSpec {

    /** Total epochs of the training. */
    int epochs();

    /** A fresh optimizer for a network of this architecture. */
    Optimizer create(MlpArchitecture architecture);

    /** {@code sgd} or {@code adam}. */
    String name();

    /**
     * SGD with the learning-rate tensor of a prescription, phase by phase.
     *
     * @param schedule the phases and their raw rates
     * @param rates    turns raw rates into the per-layer tensor (critical, global, uniform)
     */
    record SgdSpec(PhaseSchedule schedule, LearningRatePrescription rates) implements OptimizerSpec {
        public SgdSpec {
            if (schedule == null || rates == null) {
                throw new IllegalArgumentException("sgd needs a phase schedule and a learning-rate prescription");
            }
        }

        @Override public int epochs() { return schedule.totalEpochs(); }
        @Override public Optimizer create(MlpArchitecture architecture) { return new Sgd(architecture, schedule, rates); }
        @Override public String name() { return OptimizerKind.SGD.configName(); }
    }

    /**
     * Adam for a number of epochs.
     *
     * @param settings learning rate, betas, epsilon
     * @param epochs   at least 1
     * @param rates    per-layer rates used in place of {@code settings.learningRate()} (see
     *                 {@link Adam#Adam(MlpArchitecture, Adam.AdamSettings, LearningRates)}), or null
     */
    record AdamSpec(Adam.AdamSettings settings, int epochs, LearningRates rates) implements OptimizerSpec {

        /** Adam with {@code settings.learningRate()} for every parameter. */
        public AdamSpec(Adam.AdamSettings settings, int epochs) {
            this(settings, epochs, null);
        }

        public AdamSpec {
            if (settings == null) {
                throw new IllegalArgumentException("adam needs settings");
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("adam epochs must be >= 1, got " + epochs);
            }
        }

        @Override public Optimizer create(MlpArchitecture architecture) { return new Adam(architecture, settings, rates); }
        @Override public String name() { return OptimizerKind.ADAM.configName(); }
    }
}
