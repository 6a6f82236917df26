package org.annft.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A model of the predictive uncertainty fitted on held-out nuclides, as the half-width of the
 * interval mean +- f std of each level: the held-out nuclides are grouped by their distance d from
 * the training nuclides, adjacent distances pooled from d = 1 up until each group holds at least
 * {@link #MIN_GROUP} nuclides (a remainder joins the last group), and each group has its factors f
 * per level, fitted by the {@link CalibrationMethod} and then made non-decreasing with distance (a
 * group's factor is at least that of the group before it: a nuclide farther from the training
 * nuclides is not taken to be known better, relative to the ensemble's spread, than a nearer one).
 * A nuclide of any distance takes the factors of its group: nearer than the first group, the first;
 * farther than the last, the last. Immutable.
 */
public final class UncertaintyCalibration implements java.io.Serializable {

    /** The nominal levels of the intervals: 68%, 90%, 95%. */
    public static final List<Double> LEVELS = List.of(0.68, 0.90, 0.95);

    /**
     * The fewest held-out nuclides a distance group may have: 30 leaves the 95% conformal factor
     * (the ceil(0.95 (m + 1))-th of m scores) finite and not the largest score alone.
     */
    public static final int MIN_GROUP = 30;

    /**
     * One distance group.
     *
     * @param from     the smallest held-out distance in it
     * @param to       the largest
     * @param nuclides held-out nuclides in it
     * @param factors  f per level of {@link #LEVELS}
     * @param coverage the fraction of its own nuclides inside mean +- f std, per level
     */
    public record Group(int from, int to, int nuclides, double[] factors, double[] coverage)
            implements java.io.Serializable {
    }

    private final CalibrationMethod method;
    private final List<Group> groups;

    private UncertaintyCalibration(CalibrationMethod method, List<Group> groups) {
        this.method = method;
        this.groups = List.copyOf(groups);
    }

    /**
     * Fits {@code method} on {@code heldOut}.
     *
     * @throws IllegalArgumentException if there are fewer than {@link #MIN_GROUP} held-out nuclides
     */
    public static UncertaintyCalibration fit(CalibrationMethod method, List<HeldOutPrediction> heldOut) {
        if (heldOut.size() < MIN_GROUP) {
            throw new IllegalArgumentException("a calibration needs at least " + MIN_GROUP + " held-out nuclides, got "
                    + heldOut.size());
        }
        TreeMap<Integer, List<HeldOutPrediction>> byDistance = new TreeMap<>();
        heldOut.forEach(h -> byDistance.computeIfAbsent(h.distance(), d -> new ArrayList<>()).add(h));
        List<List<HeldOutPrediction>> pooled = new ArrayList<>();
        List<HeldOutPrediction> open = new ArrayList<>();
        for (List<HeldOutPrediction> atDistance : byDistance.values()) {
            open.addAll(atDistance);
            if (open.size() >= MIN_GROUP) {
                pooled.add(open);
                open = new ArrayList<>();
            }
        }
        if (!open.isEmpty()) {
            pooled.get(pooled.size() - 1).addAll(open);
        }
        List<Group> groups = new ArrayList<>();
        double[] floor = new double[LEVELS.size()];
        for (List<HeldOutPrediction> g : pooled) {
            double[] scores = g.stream().mapToDouble(HeldOutPrediction::score).sorted().toArray();
            double[] factors = LEVELS.stream().mapToDouble(p -> method.factor(scores, p)).toArray();
            for (int l = 0; l < factors.length; l++) {
                factors[l] = Math.max(factors[l], floor[l]);
                floor[l] = factors[l];
            }
            double[] coverage = new double[factors.length];
            for (int l = 0; l < factors.length; l++) {
                double f = factors[l];
                coverage[l] = Arrays.stream(scores).filter(s -> s <= f).count() / (double) scores.length;
            }
            groups.add(new Group(g.stream().mapToInt(HeldOutPrediction::distance).min().orElseThrow(),
                    g.stream().mapToInt(HeldOutPrediction::distance).max().orElseThrow(), g.size(), factors, coverage));
        }
        return new UncertaintyCalibration(method, groups);
    }

    public CalibrationMethod method() {
        return method;
    }

    public List<Group> groups() {
        return groups;
    }

    /** The group whose factors a nuclide at {@code distance} takes. */
    public Group group(int distance) {
        for (Group g : groups) {
            if (distance <= g.to()) {
                return g;
            }
        }
        return groups.get(groups.size() - 1);
    }

    /** The half-width f std of the interval of level {@code LEVELS.get(level)} at {@code distance}. */
    public double halfWidth(int distance, double std, int level) {
        return group(distance).factors()[level] * std;
    }
}
