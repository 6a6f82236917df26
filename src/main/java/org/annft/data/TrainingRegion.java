package org.annft.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nuclides a network was trained on, and how far any nuclide lies from them. The distance d of
 * (Z, N) is the number of neutrons to the nearest training isotope of the same element,
 * min |N - N'| over the training nuclides (Z, N'); for an element without a training isotope (the
 * superheavy elements AME2020 only estimates) it is the number of single-nucleon steps to the
 * nearest training nuclide, min |Z - Z'| + |N - N'|. A training nuclide has d = 0.
 */
public final class TrainingRegion implements java.io.Serializable {

    private final Map<Integer, int[]> neutronsByElement;
    private final int[][] nuclides;

    /** @param trained (Z, N) of every training nuclide */
    public TrainingRegion(List<int[]> trained) {
        if (trained.isEmpty()) {
            throw new IllegalArgumentException("a training region needs at least one nuclide");
        }
        Map<Integer, List<Integer>> byElement = new HashMap<>();
        for (int[] zn : trained) {
            byElement.computeIfAbsent(zn[0], z -> new java.util.ArrayList<>()).add(zn[1]);
        }
        neutronsByElement = new HashMap<>();
        byElement.forEach((z, ns) -> neutronsByElement.put(z, ns.stream().mapToInt(Integer::intValue).sorted().toArray()));
        nuclides = trained.stream().map(int[]::clone).toArray(int[][]::new);
    }

    /** The training nuclides of a data set (those its split does not hold out). */
    public static TrainingRegion of(BindingEnergyDataSet data) {
        List<int[]> trained = new java.util.ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (!data.isTest(i)) {
                trained.add(new int[] {data.nuclide(i).z(), data.nuclide(i).n()});
            }
        }
        return new TrainingRegion(trained);
    }

    /** The distance d of (z, n) from the training nuclides (see the class comment). */
    public int distance(int z, int n) {
        int[] ns = neutronsByElement.get(z);
        if (ns != null) {
            int at = Arrays.binarySearch(ns, n);
            if (at >= 0) {
                return 0;
            }
            int insert = -at - 1;
            int best = Integer.MAX_VALUE;
            if (insert < ns.length) {
                best = ns[insert] - n;
            }
            if (insert > 0) {
                best = Math.min(best, n - ns[insert - 1]);
            }
            return best;
        }
        int best = Integer.MAX_VALUE;
        for (int[] zn : nuclides) {
            best = Math.min(best, Math.abs(z - zn[0]) + Math.abs(n - zn[1]));
        }
        return best;
    }
}
