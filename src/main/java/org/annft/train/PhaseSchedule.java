package org.annft.train;

import java.util.List;

/**
 * SGD phases run one after another (paper Sec. IV: large raw rates for 5000 epochs, then rates of
 * order 1e-4). Each phase fixes its raw rates for a number of epochs.
 */
public record PhaseSchedule(List<Phase> phases) implements java.io.Serializable {

    /**
     * One phase.
     *
     * @param epochs        number of epochs, at least 1
     * @param rawBiasRate   {@code lambda~_b}, finite and non-negative
     * @param rawWeightRate {@code lambda~_W}, finite and non-negative
     */
    public record Phase(int epochs, double rawBiasRate, double rawWeightRate) implements java.io.Serializable {
        public Phase {
            if (epochs < 1) {
                throw new IllegalArgumentException("phase epochs must be >= 1, got " + epochs);
            }
            requireRate("raw bias rate", rawBiasRate);
            requireRate("raw weight rate", rawWeightRate);
        }
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + rate);
        }
    }

    public PhaseSchedule {
        if (phases == null || phases.isEmpty()) {
            throw new IllegalArgumentException("phase schedule needs at least one phase");
        }
        phases = List.copyOf(phases);
        long total = 0;
        for (Phase phase : phases) {
            total += phase.epochs();
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("phase schedule has " + total + " epochs, more than an int holds");
        }
    }

    /** A single phase. */
    public static PhaseSchedule of(int epochs, double rawBiasRate, double rawWeightRate) {
        return new PhaseSchedule(List.of(new Phase(epochs, rawBiasRate, rawWeightRate)));
    }

    /** Sum of the phases' epochs. */
    public int totalEpochs() {
        int total = 0;
        for (Phase phase : phases) {
            total += phase.epochs();
        }
        return total;
    }

    /**
     * Index of the phase that contains epoch {@code epoch} (1-based).
     *
     * @throws IllegalArgumentException if the epoch is outside {@code 1 .. totalEpochs()}
     */
    public int phaseIndexAt(int epoch) {
        int end = 0;
        for (int i = 0; i < phases.size(); i++) {
            end += phases.get(i).epochs();
            if (epoch >= 1 && epoch <= end) {
                return i;
            }
        }
        throw new IllegalArgumentException("epoch " + epoch + " outside 1 .. " + end);
    }
}
