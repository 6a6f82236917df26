package org.annft.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.annft.sweep.KernelBaseline;
import org.annft.sweep.KernelBaseline.Prediction;
import org.annft.sweep.KernelBaseline.Role;

/** What {@code annft theory regression} prints: RMSDs, and the shares of AME2020 values within the standard deviations. */
final class RegressionSummary {

    private RegressionSummary() {
    }

    /** RMSDs per prediction and role, and the coverage of the standard deviations where nuclides were not fitted. */
    static void print(PrintWriter out, KernelBaseline.Result r, int epochs, org.annft.train.Loss loss) {
        Predicate<Prediction> test = p -> p.role() == Role.TEST;
        Predicate<Prediction> estimated = p -> p.role() == Role.BEYOND && p.nuclide().estimated();
        Predicate<Prediction> measuredBeyond = p -> p.role() == Role.BEYOND && !p.nuclide().estimated();
        out.printf(Locale.ROOT, "%-34s %12s %12s %16s %16s%n", "RMSD in MeV", "training", "held out", "measured beyond",
                "AME estimates");
        line(out, "trained, " + epochs + " epochs (" + loss.name().toLowerCase(Locale.ROOT) + ")"
                + (r.trainedDiverged() ? ", diverged" : ""), r, Prediction::trainedMev, test, measuredBeyond, estimated);
        line(out, "NTK, converged", r, Prediction::ntkMev, test, measuredBeyond, estimated);
        line(out, "NNGP posterior", r, Prediction::nngpMev, test, measuredBeyond, estimated);
        out.printf(Locale.ROOT, "%-34s %12s %12s %16s %16s%n", "within 1 / 2 std", "", "", "", "");
        coverage(out, "NTK ensemble spread", r, Prediction::ntkMev, Prediction::ntkStdMev, test, measuredBeyond, estimated);
        coverage(out, "NNGP posterior std", r, Prediction::nngpMev, Prediction::nngpStdMev, test, measuredBeyond, estimated);
    }

    private static void line(PrintWriter out, String name, KernelBaseline.Result r, ToDoubleFunction<Prediction> mean,
                             Predicate<Prediction> test, Predicate<Prediction> measuredBeyond,
                             Predicate<Prediction> estimated) {
        out.printf(Locale.ROOT, "%-34s %12s %12s %16s %16s%n", name, number(r.rmsd(Role.TRAIN, mean)),
                number(r.rmsd(test, mean)), number(r.rmsd(measuredBeyond, mean)), number(r.rmsd(estimated, mean)));
    }

    private static void coverage(PrintWriter out, String name, KernelBaseline.Result r, ToDoubleFunction<Prediction> mean,
                                 ToDoubleFunction<Prediction> std, Predicate<Prediction> test,
                                 Predicate<Prediction> measuredBeyond, Predicate<Prediction> estimated) {
        out.printf(Locale.ROOT, "%-34s %12s %12s %16s %16s%n", name, "", shares(r, test, mean, std),
                shares(r, measuredBeyond, mean, std), shares(r, estimated, mean, std));
    }

    private static String shares(KernelBaseline.Result r, Predicate<Prediction> which, ToDoubleFunction<Prediction> mean,
                                 ToDoubleFunction<Prediction> std) {
        double one = r.coverage(which, 1, mean, std);
        return Double.isNaN(one) ? "-" : String.format(Locale.ROOT, "%.0f%% / %.0f%%", 100 * one,
                100 * r.coverage(which, 2, mean, std));
    }

    private static String number(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3f", x);
    }
}
