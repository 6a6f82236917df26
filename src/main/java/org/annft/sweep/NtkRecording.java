package org.annft.sweep;

import java.util.List;

/**
 * Where and when a training records its empirical NTK ({@code train.ntk.*}): at the reference
 * nuclides, before the first epoch, every {@code every} epochs and after the last.
 *
 * @param nuclides (Z, N) of each reference nuclide; those not in the data set are left out, none
 *                 left means no NTK is recorded
 * @param every    epochs between snapshots besides the first and the last; 0 for those two only
 */
public record NtkRecording(List<List<Integer>> nuclides, int every) implements java.io.Serializable {

    public NtkRecording {
        nuclides = nuclides.stream().map(List::copyOf).toList();
        for (List<Integer> zn : nuclides) {
            if (zn.size() != 2) {
                throw new IllegalArgumentException("a reference nuclide is (Z, N), got " + zn);
            }
        }
        if (every < 0) {
            throw new IllegalArgumentException("NTK stride must be >= 0, got " + every);
        }
    }

    /** No NTK recorded. */
    public static NtkRecording none() {
        return new NtkRecording(List.of(), 0);
    }
}
