package org.annft.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The edge hold-out rule and the distance from the training region on a chart built by hand. */
class EdgeHoldoutTest {

    /**
     * Z = 10: N = 8..17 measured (10 isotopes), N = 18, 19 estimated; Z = 11: N = 9, 10, 11 measured
     * (3 isotopes); Z = 12: N = 10, 11 measured (2); Z = 13: N = 12 measured (1); Z = 14: only the
     * estimated N = 30.
     */
    private static MassTable chart() {
        AmeTableWriter w = new AmeTableWriter();
        for (int n = 8; n <= 17; n++) {
            w.nuclide(10, n, "Ne", 7000 + n);
        }
        w.estimatedNuclide(10, 18, "Ne", 7100).estimatedNuclide(10, 19, "Ne", 7000);
        w.nuclide(11, 9, "Na", 7000).nuclide(11, 10, "Na", 7100).nuclide(11, 11, "Na", 7200);
        w.nuclide(12, 10, "Mg", 7000).nuclide(12, 11, "Mg", 7100);
        w.nuclide(13, 12, "Al", 7300);
        w.estimatedNuclide(14, 30, "Si", 7000);
        return Ame2020Reader.read(new BufferedReader(new StringReader(String.join("\n", w.lines()))), "chart");
    }

    private static BindingEnergyDataSet data(int k, double testFraction) {
        return BindingEnergyDataSet.build(chart(), new DataSetSpec(Subset.EXPERIMENTAL, 0, 0, 0, InputFeatures.ZN,
                testFraction, 3, k));
    }

    /** Held-out N of each Z. */
    private static Map<Integer, TreeSet<Integer>> edges(BindingEnergyDataSet d) {
        Map<Integer, TreeSet<Integer>> out = new TreeMap<>();
        for (int i = 0; i < d.size(); i++) {
            if (d.split(i) == Split.EDGE) {
                out.computeIfAbsent(d.nuclide(i).z(), z -> new TreeSet<>()).add(d.nuclide(i).n());
            }
        }
        return out;
    }

    @Test
    void holdsOutTheOutermostMeasuredIsotopesOnBothSides() {
        // k = 2: Ne loses N = 8, 9 and 16, 17; Na (3 isotopes) may lose (3 - 1) / 2 = 1 per side: 9 and 11;
        // Mg (2) and Al (1) keep theirs. Estimated nuclides are not in the experimental set at all.
        BindingEnergyDataSet d = data(2, 0);
        assertEquals(Map.of(10, new TreeSet<>(List.of(8, 9, 16, 17)), 11, new TreeSet<>(List.of(9, 11))), edges(d));
        assertEquals(6, d.edgeCount());
        assertEquals(6, d.testCount());
        // k = 4 takes four per side of Ne (which keeps 12 and 13), still one per side of Na.
        assertEquals(Map.of(10, new TreeSet<>(List.of(8, 9, 10, 11, 14, 15, 16, 17)), 11, new TreeSet<>(List.of(9, 11))),
                edges(data(4, 0)));
        assertEquals(Map.of(), edges(data(0, 0)));
    }

    @Test
    void theRandomTestSetIsDrawnFromTheNuclidesLeftAfterTheEdges() {
        BindingEnergyDataSet d = data(1, 0.5);
        // 16 measured, 4 edges (Ne 8, 17; Na 9, 11), half of the other 12 at random.
        assertEquals(4, d.edgeCount());
        assertEquals(4 + 6, d.testCount());
        for (int i = 0; i < d.size(); i++) {
            boolean edge = edges(data(1, 0)).getOrDefault(d.nuclide(i).z(), new TreeSet<>()).contains(d.nuclide(i).n());
            assertEquals(edge, d.split(i) == Split.EDGE, d.nuclide(i).label());
        }
    }

    @Test
    void distanceCountsNeutronsToTheNearestTrainingIsotope() {
        TrainingRegion region = TrainingRegion.of(data(2, 0));
        // Ne trains on N = 10..15: a held-out edge is 1 or 2 neutrons out, the estimates 3 and 4.
        assertEquals(0, region.distance(10, 12));
        assertEquals(1, region.distance(10, 16));
        assertEquals(2, region.distance(10, 8));
        assertEquals(3, region.distance(10, 18));
        assertEquals(4, region.distance(10, 19));
        // Na trains on N = 10 only.
        assertEquals(1, region.distance(11, 11));
        // Si has no training isotope: single-nucleon steps to the nearest training nuclide, Al (13, 12).
        assertEquals(1 + 18, region.distance(14, 30));
    }

    @Test
    void aNegativeCountIsRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> data(-1, 0)).getMessage()
                .contains("data.holdout.edge-isotopes"));
    }
}
