package org.annft.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.annft.data.PaperResults;

/**
 * How far one training protocol's critical ReLU networks (l_out = 4) are from the paper's Table I,
 * the score by which annft's default protocol is chosen (docs/reproduction.md, "The protocol study, second round"). Three terms,
 * each in [0, 1], 0 being the paper:
 * <ul>
 *   <li>{@code F}, failures: the mean over the scanned widths of |f - f_paper|, f the fraction of runs
 *       above {@value #FAILED_MEV} MeV (the paper's Fig. 13 cutoff) and f_paper the fraction its mean
 *       implies for a mixture of failed runs at 72 MeV and converged ones at 3 MeV,
 *       {@code clamp((mean - 3) / 69, 0, 1)};</li>
 *   <li>{@code D}, the failed state: |median RMSD of the failed runs - 71.95| / 71.95 (the paper's
 *       width-1 value), capped at 1; 1 when no run fails;</li>
 *   <li>{@code C}, converged accuracy: the mean over the scanned widths from {@value #CONVERGED_FROM} up
 *       of |mean RMSD of the runs not failed - paper mean| / paper mean, capped at 1; 1 where no run
 *       converged.</li>
 * </ul>
 * {@code S = F + D + C}; the lowest wins.
 */
final class ProtocolScore {

    /** A run above this RMSD has failed (the paper's Fig. 13 cutoff). */
    static final double FAILED_MEV = 30;
    /** The paper's failed state: every width-1 run of Table I. */
    static final double FAILED_STATE_MEV = 71.9549;
    /** Widths from this one up enter the converged-accuracy term. */
    static final int CONVERGED_FROM = 115;

    /** One run's RMSD (NaN for a diverged run) at a width. */
    record Run(int width, double rmsdMev) {
        boolean failed() {
            return !(rmsdMev <= FAILED_MEV);
        }
    }

    /** The score of one protocol and its terms. */
    record Score(String protocol, double failures, double failedState, double converged, int widths, int runs) {
        double total() {
            return failures + failedState + converged;
        }
    }

    private ProtocolScore() {
    }

    /** The paper's implied fraction of failed runs at {@code width}, or empty where Table I has no such width. */
    static Optional<Double> paperFailedFraction(PaperResults paper, int width) {
        return paper.tableOne(width).map(t -> Math.max(0, Math.min(1, (t.meanRmsdMev() - 3) / 69)));
    }

    /**
     * The score of {@code runs}, over the widths that Table I has.
     *
     * @throws IllegalArgumentException if no run is at a width of Table I
     */
    static Score score(String protocol, List<Run> runs, PaperResults paper) {
        Map<Integer, List<Run>> byWidth = new TreeMap<>();
        for (Run r : runs) {
            if (paper.tableOne(r.width()).isPresent()) {
                byWidth.computeIfAbsent(r.width(), w -> new ArrayList<>()).add(r);
            }
        }
        if (byWidth.isEmpty()) {
            throw new IllegalArgumentException("protocol " + protocol + " has no run at a width of Table I");
        }
        double failures = 0;
        List<Double> failedRmsds = new ArrayList<>();
        double converged = 0;
        int convergedWidths = 0;
        int counted = 0;
        for (Map.Entry<Integer, List<Run>> e : byWidth.entrySet()) {
            List<Run> at = e.getValue();
            long failed = at.stream().filter(Run::failed).count();
            failures += Math.abs((double) failed / at.size() - paperFailedFraction(paper, e.getKey()).orElseThrow());
            at.stream().filter(Run::failed).map(Run::rmsdMev).filter(Double::isFinite).forEach(failedRmsds::add);
            counted += at.size();
            if (e.getKey() >= CONVERGED_FROM) {
                double paperMean = paper.tableOne(e.getKey()).orElseThrow().meanRmsdMev();
                double[] ok = at.stream().filter(r -> !r.failed()).mapToDouble(Run::rmsdMev).toArray();
                converged += ok.length == 0 ? 1
                        : Math.min(1, Math.abs(java.util.Arrays.stream(ok).average().orElseThrow() - paperMean) / paperMean);
                convergedWidths++;
            }
        }
        double failedState = failedRmsds.isEmpty() ? 1
                : Math.min(1, Math.abs(median(failedRmsds) - FAILED_STATE_MEV) / FAILED_STATE_MEV);
        return new Score(protocol, failures / byWidth.size(), failedState,
                convergedWidths == 0 ? 1 : converged / convergedWidths, byWidth.size(), counted);
    }

    /** Scores sorted best first (lowest total; ties by the converged term, then name). */
    static List<Score> ranked(Map<String, List<Run>> byProtocol, PaperResults paper) {
        return byProtocol.entrySet().stream().map(e -> score(e.getKey(), e.getValue(), paper))
                .sorted(Comparator.comparingDouble(Score::total).thenComparingDouble(Score::converged)
                        .thenComparing(Score::protocol)).toList();
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
