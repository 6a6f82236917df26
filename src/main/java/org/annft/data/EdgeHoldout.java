package org.annft.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hold-out rule that mimics extrapolation ({@code data.holdout.edge-isotopes = k}): of each
 * element's c isotopes in the selected set, sorted by N, the h = min(k, floor((c - 1) / 2)) lightest
 * and the h heaviest are held out, so every element keeps at least one isotope to train on and an
 * element of fewer than three isotopes keeps all. With {@code data.subset = experimental} these are
 * the outermost measured isotopes on the neutron-deficient and the neutron-rich side.
 */
public final class EdgeHoldout {

    private EdgeHoldout() {
    }

    /** Which of {@code nuclides} (in their order) the rule holds out; none for k = 0. */
    public static boolean[] mask(List<Nuclide> nuclides, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("edge isotopes must be >= 0, got " + k);
        }
        boolean[] out = new boolean[nuclides.size()];
        Map<Integer, List<Integer>> byElement = new TreeMap<>();
        for (int i = 0; i < nuclides.size(); i++) {
            byElement.computeIfAbsent(nuclides.get(i).z(), z -> new ArrayList<>()).add(i);
        }
        for (List<Integer> isotopes : byElement.values()) {
            isotopes.sort(java.util.Comparator.comparingInt(i -> nuclides.get(i).n()));
            int c = isotopes.size();
            int h = Math.min(k, (c - 1) / 2);
            for (int j = 0; j < h; j++) {
                out[isotopes.get(j)] = true;
                out[isotopes.get(c - 1 - j)] = true;
            }
        }
        return out;
    }
}
