package org.annft.report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.annft.train.OptimizerKind;
import org.annft.train.SweepMode;

/**
 * The training protocol of a sweep in one sentence, for the captions of Figs. 8-14 and Table I:
 * SGD phases and raw rates, Adam settings, batch size, loss, data set — whichever of them the
 * job's configuration records.
 */
final class ProtocolCaption {

    private ProtocolCaption() {
    }

    /**
     * What the modes shown mean, then the protocol, e.g. " CICT: critical initialization, ...;
     * NINT: .... Protocol: SGD 5000 epochs at raw rates lambda~_b = 0.01, lambda~_W = 0.01, then
     * ...; mini-batches of 32; MAE loss; data set all (inputs zn)." The SGD and Adam settings
     * appear only when the figure shows modes trained with them (every resolved configuration
     * records both).
     */
    static String describe(Optional<RunDescription> run, Collection<String> modes) {
        String meaning = modes(modes);
        if (run.isEmpty()) {
            return meaning.isEmpty() ? "" : " " + meaning;
        }
        RunDescription r = run.get();
        List<SweepMode> known = modes.stream().map(SweepMode::find).flatMap(Optional::stream).toList();
        boolean adam = modes.isEmpty() || known.stream().anyMatch(m -> m.optimizer() == OptimizerKind.ADAM);
        boolean sgd = modes.isEmpty() || known.stream().anyMatch(m -> m.optimizer() == OptimizerKind.SGD);
        List<String> parts = new ArrayList<>();
        if (sgd) {
            phases(r).ifPresent(parts::add);
        }
        if (known.stream().anyMatch(m -> !m.criticalInit())) {
            r.find("noncritical.c-w").ifPresent(cW -> parts.add("non-critical initialization C_W = " + cW
                    + r.find("noncritical.c-b").map(cB -> ", C_b = " + cB).orElse("")));
        }
        if (modes.isEmpty() || known.stream().anyMatch(SweepMode::globalRates)) {
            r.find("global-rate").ifPresent(g -> parts.add("global rates averaged as '" + g + "'"));
        }
        String betas = r.find("beta1").map(b -> ", betas " + b + r.find("beta2").map(c -> ", " + c).orElse("")).orElse("");
        if (adam && r.find("adam.rates").filter("averaged"::equals).isPresent()) {
            parts.add("Adam with the global rates of raw rates " + r.find("raw-rates.lambda-w").map(w -> "lambda~_W = " + w
                    + r.find("raw-rates.lambda-b").map(b -> ", lambda~_b = " + b).orElse("")).orElse("(unrecorded)") + betas);
        } else {
            r.find("learning-rate").filter(x -> adam).ifPresent(lr -> parts.add("Adam learning rate " + lr + betas));
        }
        r.find("batch-size").ifPresent(b -> parts.add(b.equals("0") ? "full batch" : "mini-batches of " + b));
        r.find("loss").ifPresent(l -> parts.add(l.toUpperCase(java.util.Locale.ROOT) + " loss"
                + r.find("target").map(t -> " on " + org.annft.data.Target.parse(t).symbol()
                        + (t.equals("binding-energy-per-nucleon") ? " (predictions times A)" : "")).orElse("")));
        r.find("subset").ifPresent(s -> parts.add("data set " + s + r.find("inputs").filter(i -> !i.startsWith("["))
                .map(i -> " (inputs " + i + ")").orElse("")));
        r.find("test-fraction").filter(f -> !f.equals("0") && !f.equals("0.0"))
                .ifPresent(f -> parts.add("test fraction " + f));
        return (meaning.isEmpty() ? "" : " " + meaning) + (parts.isEmpty() ? "" : " Protocol: " + String.join("; ", parts) + ".");
    }

    private static String modes(Collection<String> modes) {
        List<String> known = modes.stream().distinct().map(SweepMode::find).flatMap(Optional::stream).sorted()
                .map(m -> m.label() + ": " + m.meaning()).toList();
        return known.isEmpty() ? "" : String.join("; ", known) + ".";
    }

    /**
     * The loss unit: the target's unit (MeV for B, MeV per nucleon for B/A) for mean absolute error
     * (the paper's), its square for mean squared error.
     */
    static String lossUnit(Optional<RunDescription> run) {
        String target = run.flatMap(r -> r.find("target")).map(org.annft.data.Target::parse)
                .orElse(org.annft.data.Target.BINDING_ENERGY).unit();
        boolean squared = run.flatMap(r -> r.find("loss")).filter(l -> l.equalsIgnoreCase("mse")).isPresent();
        return squared ? (target.contains(" ") ? "(" + target + ")^2" : target + "^2") : target;
    }

    /** The total epochs of the SGD phases the description records, if it records them. */
    static Optional<Integer> sgdEpochs(RunDescription r) {
        Optional<String> path = r.findPath("phases");
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            int total = 0;
            for (Config phase : r.config().getConfigList(path.get())) {
                total += phase.getInt("epochs");
            }
            return Optional.of(total);
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> phases(RunDescription r) {
        Optional<String> path = r.findPath("phases");
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            Config c = r.config();
            List<String> steps = new ArrayList<>();
            for (Config phase : c.getConfigList(path.get())) {
                steps.add(phase.getString("epochs") + " epochs at raw rates lambda~_b = " + phase.getString("lambda-b")
                        + ", lambda~_W = " + phase.getString("lambda-w"));
            }
            return Optional.of("SGD " + String.join(", then ", steps));
        } catch (ConfigException e) {
            return r.setting(path.get()).map(p -> "SGD phases " + p);
        }
    }
}
