package org.annft.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.annft.data.PaperResults;

/**
 * The paper's training claims checked against annft's runs: for each claim the paper's value, annft's,
 * whether it is met (by a rule stated in {@link Claim#rule()}) and the results directory it comes from.
 * Pure Java over {@link Run}s, so the rules are tested on constructed runs; {@link ReproductionClaims}
 * reads the runs and writes the table.
 */
final class Claims {

    /** A run above this RMSD has failed (the paper's Fig. 13 cutoff). */
    static final double FAILED_MEV = ProtocolScore.FAILED_MEV;

    /**
     * One run of any sweep: its configuration, outcome, and the directory and inputs of the job.
     *
     * @param source the results directory (its label in the report)
     * @param inputs {@code zn} or {@code zn-pairing}
     */
    record Run(String source, String inputs, String activation, String mode, String protocol, int width, int depth,
               int epochs, double rmsdMev) {
        boolean failed() {
            return !(rmsdMev <= FAILED_MEV);
        }

        boolean tableOneNetwork() {
            return activation.equals(PaperResults.TABLE_ONE_ACTIVATION) && mode.equals(PaperResults.TABLE_ONE_MODE)
                    && depth == PaperResults.TABLE_ONE_DEPTH && inputs.equals("zn");
        }
    }

    /** One claim: what the paper says, what annft measured, whether the rule holds, where from. */
    record Claim(String claim, String paper, String annft, Optional<Boolean> met, String rule, String source) {
        String verdict() {
            return met.map(m -> m ? "met" : "not met").orElse("no runs");
        }
    }

    private Claims() {
    }

    /** Every claim, in the order of the table in docs/reproduction.md. */
    static List<Claim> evaluate(List<Run> runs, PaperResults paper) {
        Optional<List<Run>> tableOne = tableOneSource(runs);
        return List.of(failureFractions(tableOne, paper), failedState(tableOne, paper), converged(tableOne, paper),
                riseAboveNStar(runs, paper), modeOrder(runs), adam(runs, paper), fourInputs(runs, tableOne));
    }

    /**
     * The runs of Table I: of the directory whose ReLU CICT two-input networks of depth 4 cover the
     * most widths of the paper's Table I (ties: the fewer epochs, i.e. not the long runs).
     */
    static Optional<List<Run>> tableOneSource(List<Run> runs) {
        Map<String, List<Run>> bySource = runs.stream().filter(Run::tableOneNetwork)
                .collect(Collectors.groupingBy(Claims::sourceAndProtocol, TreeMap::new, Collectors.toList()));
        return bySource.values().stream().max(Comparator.<List<Run>>comparingLong(l -> l.stream().map(Run::width)
                .distinct().count()).thenComparing(l -> -l.stream().mapToInt(Run::epochs).max().orElse(0)));
    }

    /**
     * Failure fractions by width: met when the fraction of runs above 30 MeV does not grow with the
     * width and its mean distance from the paper's implied fractions over widths up to 40 is at most 0.25.
     */
    static Claim failureFractions(Optional<List<Run>> tableOne, PaperResults paper) {
        String rule = "fraction above 30 MeV never grows with the width, and its mean distance from the paper's implied "
                + "fractions at widths up to 40 is at most 0.25";
        String paperText = paper.tableOne().stream().filter(t -> t.width() <= 40).map(t -> t.width() + ": "
                + percent(ProtocolScore.paperFailedFraction(paper, t.width()).orElseThrow())).collect(Collectors.joining(", "));
        if (tableOne.isEmpty()) {
            return new Claim("failure fractions by width", paperText, "", Optional.empty(), rule, "");
        }
        Map<Integer, List<Run>> byWidth = byWidth(tableOne.get());
        List<String> parts = new ArrayList<>();
        double distance = 0;
        int counted = 0;
        double previous = 1;
        boolean monotone = true;
        for (Map.Entry<Integer, List<Run>> e : byWidth.entrySet()) {
            double f = (double) e.getValue().stream().filter(Run::failed).count() / e.getValue().size();
            monotone &= f <= previous + 1e-12;
            previous = f;
            if (e.getKey() <= 40) {
                parts.add(e.getKey() + ": " + percent(f));
                Optional<Double> p = ProtocolScore.paperFailedFraction(paper, e.getKey());
                if (p.isPresent()) {
                    distance += Math.abs(f - p.get());
                    counted++;
                }
            }
        }
        Optional<Boolean> met = counted == 0 ? Optional.empty() : Optional.of(monotone && distance / counted <= 0.25);
        return new Claim("failure fractions by width", paperText, String.join(", ", parts), met, rule,
                source(tableOne.get()));
    }

    /** The failed state: met when the median RMSD of the failed runs is within 10% of the paper's 71.95 MeV. */
    static Claim failedState(Optional<List<Run>> tableOne, PaperResults paper) {
        String rule = "median RMSD of the runs above 30 MeV within 10% of 71.95 MeV";
        String paperText = "71.95 MeV (width 1, all 100 runs; the second mode of the bimodal widths near 72)";
        List<Double> failed = tableOne.orElse(List.of()).stream().filter(Run::failed).map(Run::rmsdMev)
                .filter(Double::isFinite).toList();
        if (failed.isEmpty()) {
            return new Claim("failed state near 72 MeV", paperText, tableOne.isEmpty() ? "" : "no failed run",
                    tableOne.isEmpty() ? Optional.empty() : Optional.of(false), rule, tableOne.map(Claims::source).orElse(""));
        }
        double median = ProtocolScore.median(failed);
        return new Claim("failed state near 72 MeV", paperText, String.format(Locale.ROOT,
                "median %.1f MeV over %d failed runs (%.1f-%.1f)", median, failed.size(),
                failed.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                failed.stream().mapToDouble(Double::doubleValue).max().orElseThrow()),
                Optional.of(Math.abs(median - ProtocolScore.FAILED_STATE_MEV) <= 0.1 * ProtocolScore.FAILED_STATE_MEV),
                rule, source(tableOne.get()));
    }

    /** Converged RMSD at widths 115 to 240: met when each width's mean is within 0.5 MeV of the paper's. */
    static Claim converged(Optional<List<Run>> tableOne, PaperResults paper) {
        String rule = "mean RMSD of the runs below 30 MeV within 0.5 MeV of the paper's at every width from 115 to 240";
        Predicate<Integer> range = w -> w >= 115 && w <= 240;
        String paperText = paper.tableOne().stream().filter(t -> range.test(t.width()))
                .map(t -> String.format(Locale.ROOT, "%d: %.2f", t.width(), t.meanRmsdMev())).collect(Collectors.joining(", "));
        List<String> parts = new ArrayList<>();
        boolean met = true;
        int counted = 0;
        for (Map.Entry<Integer, List<Run>> e : byWidth(tableOne.orElse(List.of())).entrySet()) {
            Optional<PaperResults.TableOneRow> p = paper.tableOne(e.getKey());
            double[] ok = e.getValue().stream().filter(r -> !r.failed()).mapToDouble(Run::rmsdMev).toArray();
            if (!range.test(e.getKey()) || p.isEmpty() || ok.length == 0) {
                continue;
            }
            double mean = java.util.Arrays.stream(ok).average().orElseThrow();
            parts.add(String.format(Locale.ROOT, "%d: %.2f", e.getKey(), mean));
            met &= Math.abs(mean - p.get().meanRmsdMev()) <= 0.5;
            counted++;
        }
        return new Claim("converged RMSD at widths 115-240 (MeV)", paperText, String.join(", ", parts),
                counted == 0 ? Optional.empty() : Optional.of(met), rule, tableOne.map(Claims::source).orElse(""));
    }

    /**
     * The minimum near n* and the rise above it, from the directory of ReLU CICT depth-4 runs with the
     * most epochs (at least three widths): met when the smallest mean RMSD is at a width between
     * half of n* and twice n* and a wider width has a larger mean.
     */
    static Claim riseAboveNStar(List<Run> runs, PaperResults paper) {
        String rule = "after the most epochs run, the smallest mean RMSD lies at a width between n*/2 and 2 n* and a "
                + "wider width has a larger mean";
        String paperText = "minimum 2.52 MeV near n* = 115 (20000 epochs), 2.73 at 240, 3.60 at 1000";
        Optional<List<Run>> longest = runs.stream().filter(Run::tableOneNetwork)
                .collect(Collectors.groupingBy(Claims::sourceAndProtocol, TreeMap::new, Collectors.toList())).values().stream()
                .filter(l -> l.stream().map(Run::width).distinct().count() >= 3)
                .max(Comparator.comparingInt(l -> l.stream().mapToInt(Run::epochs).max().orElse(0)));
        if (longest.isEmpty()) {
            return new Claim("minimum near n*, rise above it", paperText, "", Optional.empty(), rule, "");
        }
        int nStar = paper.nStar();
        Map<Integer, Double> means = new TreeMap<>();
        for (Map.Entry<Integer, List<Run>> e : byWidth(longest.get()).entrySet()) {
            double[] ok = e.getValue().stream().filter(r -> !r.failed()).mapToDouble(Run::rmsdMev).toArray();
            if (ok.length > 0) {
                means.put(e.getKey(), java.util.Arrays.stream(ok).average().orElseThrow());
            }
        }
        int epochs = longest.get().stream().mapToInt(Run::epochs).max().orElse(0);
        String annft = means.entrySet().stream().map(e -> String.format(Locale.ROOT, "%d: %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + " (" + epochs + " epochs)";
        if (means.isEmpty()) {
            return new Claim("minimum near n*, rise above it", paperText, annft, Optional.of(false), rule,
                    source(longest.get()));
        }
        int argmin = means.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        boolean rise = means.entrySet().stream().anyMatch(e -> e.getKey() > argmin && e.getValue() > means.get(argmin));
        boolean met = argmin >= nStar / 2.0 && argmin <= 2.0 * nStar && rise;
        return new Claim("minimum near n*, rise above it", paperText, annft, Optional.of(met), rule,
                source(longest.get()));
    }

    /**
     * CICT < CINT < NINT (Figs. 8-9): median RMSD per mode for each (activation, width, depth) that has
     * all three; met when the order holds in every one.
     */
    static Claim modeOrder(List<Run> runs) {
        String rule = "median RMSD CICT < CINT < NINT for every activation and width trained in all three modes";
        String paperText = "CICT below CINT, NINT orders of magnitude higher (ReLU and tanh)";
        Map<String, Map<String, List<Double>>> groups = new TreeMap<>();
        for (Run r : runs) {
            if (List.of("cict", "cint", "nint").contains(r.mode()) && r.inputs().equals("zn")) {
                groups.computeIfAbsent(r.source() + "|" + r.activation() + " " + r.width() + "|" + r.depth() + "|"
                        + r.protocol(), k -> new TreeMap<>()).computeIfAbsent(r.mode(), k -> new ArrayList<>()).add(r.rmsdMev());
            }
        }
        List<String> parts = new ArrayList<>();
        boolean met = true;
        String from = "";
        for (Map.Entry<String, Map<String, List<Double>>> g : groups.entrySet()) {
            Map<String, List<Double>> m = g.getValue();
            if (m.size() < 3) {
                continue;
            }
            double cict = ProtocolScore.median(m.get("cict"));
            double cint = ProtocolScore.median(m.get("cint"));
            double nint = ProtocolScore.median(m.get("nint"));
            boolean ordered = cict < cint && cint < nint;
            met &= ordered;
            String[] key = g.getKey().split("\\|");
            from = key[0];
            parts.add(String.format(Locale.ROOT, "%s: %.1f %s %.1f %s %.1f", key[1], cict, cict < cint ? "<" : ">=", cint,
                    cint < nint ? "<" : ">=", nint));
        }
        return new Claim("CICT < CINT < NINT (Figs. 8-9)", paperText, String.join("; ", parts),
                parts.isEmpty() ? Optional.empty() : Optional.of(met), rule, from);
    }

    /** Adam near 1.2 MeV: the best mean RMSD of an Adam configuration; met within 0.6 MeV of 1.2. */
    static Claim adam(List<Run> runs, PaperResults paper) {
        String rule = "the best Adam configuration's mean RMSD within 0.6 MeV of 1.2 MeV";
        String paperText = "about " + paper.adamRmsdMev() + " MeV (Adam-CINT and Adam-NINT)";
        Map<String, List<Double>> configs = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        for (Run r : runs) {
            if (r.mode().startsWith("adam") && r.inputs().equals("zn") && !r.failed()) {
                String key = r.activation() + " " + org.annft.train.SweepMode.find(r.mode()).map(m -> m.label()).orElse(r.mode())
                        + " width " + r.width();
                configs.computeIfAbsent(key, k -> new ArrayList<>()).add(r.rmsdMev());
                sources.put(key, r.source());
            }
        }
        Optional<Map.Entry<String, Double>> best = configs.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow()))
                .min(Map.Entry.comparingByValue());
        if (best.isEmpty()) {
            return new Claim("Adam near 1.2 MeV", paperText, "", Optional.empty(), rule, "");
        }
        return new Claim("Adam near 1.2 MeV", paperText, String.format(Locale.ROOT, "best %.2f MeV (%s)",
                best.get().getValue(), best.get().getKey()), Optional.of(Math.abs(best.get().getValue()
                - paper.adamRmsdMev()) <= 0.6), rule, sources.get(best.get().getKey()));
    }

    /**
     * Four inputs no better than two: ReLU CICT depth 4 with pairing inputs against the Table I runs at
     * the same widths; met when the four-input mean is not below the two-input mean by more than their
     * combined standard error at any common width.
     */
    static Claim fourInputs(List<Run> runs, Optional<List<Run>> tableOne) {
        String rule = "four-input mean RMSD not below the two-input mean by more than the combined standard error "
                + "at any common width";
        String paperText = "the four-input networks did not reach the reference network's RMSD";
        List<Run> four = runs.stream().filter(r -> r.inputs().equals("zn-pairing") && r.mode().equals("cict")
                && r.activation().equals("relu") && r.depth() == PaperResults.TABLE_ONE_DEPTH).toList();
        Map<Integer, List<Run>> two = byWidth(tableOne.orElse(List.of()));
        List<String> parts = new ArrayList<>();
        boolean met = true;
        for (Map.Entry<Integer, List<Run>> e : byWidth(four).entrySet()) {
            if (!two.containsKey(e.getKey())) {
                continue;
            }
            double[] a = e.getValue().stream().filter(r -> !r.failed()).mapToDouble(Run::rmsdMev).toArray();
            double[] b = two.get(e.getKey()).stream().filter(r -> !r.failed()).mapToDouble(Run::rmsdMev).toArray();
            if (a.length == 0 || b.length == 0) {
                continue;
            }
            double ma = mean(a);
            double mb = mean(b);
            double se = Math.sqrt(variance(a) / a.length + variance(b) / b.length);
            met &= ma >= mb - se;
            parts.add(String.format(Locale.ROOT, "%d: %.2f against %.2f", e.getKey(), ma, mb));
        }
        return new Claim("four inputs no better than two", paperText, String.join(", ", parts),
                parts.isEmpty() ? Optional.empty() : Optional.of(met), rule, four.isEmpty() ? "" : four.get(0).source());
    }

    /** One protocol of one directory: the runs a claim may pool. */
    private static String sourceAndProtocol(Run r) {
        return r.source() + "\u0000" + r.protocol();
    }

    private static Map<Integer, List<Run>> byWidth(List<Run> runs) {
        return runs.stream().collect(Collectors.groupingBy(Run::width, TreeMap::new, Collectors.toList()));
    }

    /** The directory of the runs, with their protocol where it is not the default. */
    private static String source(List<Run> runs) {
        if (runs.isEmpty()) {
            return "";
        }
        Run r = runs.get(0);
        return r.protocol().equals("default") ? r.source() : r.source() + ", protocol " + r.protocol();
    }

    private static String percent(double f) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * f);
    }

    private static double mean(double[] x) {
        return java.util.Arrays.stream(x).average().orElse(Double.NaN);
    }

    /** Population variance (numpy's default, as Table I's std). */
    private static double variance(double[] x) {
        double m = mean(x);
        return java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / x.length;
    }
}
