package org.annft.train;

/**
 * Where a long training keeps its state between epochs ({@link TrainingState}), so that a training
 * interrupted (a lost executor) continues from its last saved epoch instead of from the start.
 */
public interface TrainingCheckpoints {

    /** No saved state: the training runs from its start to its end. */
    TrainingCheckpoints NONE = new TrainingCheckpoints() {
        @Override
        public TrainingState resume() {
            return null;
        }

        @Override
        public boolean due(int epoch) {
            return false;
        }

        @Override
        public void save(TrainingState state) {
            throw new IllegalStateException("no state is saved");
        }
    };

    /** The state to continue from, or null to train from the start. Asked once, before the first epoch. */
    TrainingState resume();

    /** Whether to save the state reached after epoch {@code epoch}. */
    boolean due(int epoch);

    /**
     * Saves {@code state}. Its parameters and moments are the training's live arrays: they must be
     * written (or copied) before this returns.
     */
    void save(TrainingState state);
}
