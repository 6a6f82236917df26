package org.annft.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.annft.config.AnnftConfig;
import org.annft.table.ResultTables;
import org.annft.theory.Activation;
import org.annft.theory.Activations;
import org.annft.theory.Architecture;
import org.annft.theory.AspectRatio;
import org.annft.theory.CriticalPoint;
import org.annft.theory.Criticality;
import org.annft.theory.GlobalRate;
import org.annft.theory.LearningRates;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code annft theory}: the infinite-width theory of {@code org.annft.theory} from the command line
 * (docs/theory.md). Depth is counted as in docs/theory.md, "Network and initialization":
 * {@code --hidden-layers L} hidden layers, output layer {@code l_out = L + 1} (annft's depth, as in
 * {@code train.depth}).
 */
@Command(name = "theory", mixinStandardHelpOptions = true,
        description = "Infinite-width theory: per-layer kernel, four-point vertex and NTK; criticality; optimal aspect ratio.",
        subcommands = {TheoryCommand.Kernel.class, TheoryCommand.Critical.class, TheoryCommand.AspectRatioCommand.class,
            TheoryCommand.Regression.class})
final class TheoryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: kernel, critical or aspect-ratio");
    }

    /** Which per-layer learning rates feed the NTK column. */
    enum Rates {
        /** Paper Eqs. 38-39 for the activation's criticality class. */
        critical,
        /** One global weight and bias rate (CINT, NINT), averaged as the paper does ({@link GlobalRate#PRACTICE}). */
        averaged
    }

    /** {@code n_{l-1}} of layers 1 .. l_out: the input width, then the hidden width. */
    static int[] fanIns(int inputWidth, int width, int outputLayer) {
        int[] fanIns = new int[outputLayer];
        java.util.Arrays.fill(fanIns, width);
        fanIns[0] = inputWidth;
        return fanIns;
    }

    @Command(name = "kernel", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Per-layer theory for one or more inputs: kernel K, four-point vertex V, V/n, "
                    + "standardized excess kurtosis 3V/(nK^2), chi_parallel, chi_perpendicular and the infinite-width NTK.",
                "Rows are layers 1 .. L+1; the last row is the (linear) output layer l_out = L + 1. "
                    + "With --out DIR the table is written as Parquet table 'theory' (one row per input and layer) "
                    + "and the k x k kernels as table 'theory_kernel_matrix'."})
    static final class Kernel implements Callable<Integer> {

        @Option(names = "--activation", required = true, paramLabel = "NAME",
                description = "Activation: relu, leaky-relu[:SLOPE], linear, tanh, sin, softplus, shifted-softplus, gelu, swish.")
        String activation;

        @Option(names = "--cw", paramLabel = "C_W", description = "Weight variance C_W of every layer (default: the critical value).")
        Double weightVariance;

        @Option(names = "--cb", paramLabel = "C_b", description = "Bias variance C_b of every layer (default: the critical value).")
        Double biasVariance;

        @Option(names = "--hidden-layers", paramLabel = "L", defaultValue = "3",
                description = "Number of hidden layers L (default ${DEFAULT-VALUE}); the output layer is l_out = L + 1.")
        int hiddenLayers;

        @Option(names = "--width", paramLabel = "n", defaultValue = "120",
                description = "Hidden width n (default ${DEFAULT-VALUE}); enters V/n and the kurtosis.")
        int width;

        @Option(names = "--input", paramLabel = "x1,x2[;x1,x2...]", defaultValue = "0.13,0.16",
                description = "Inputs, comma-separated components, ';' between inputs (default ${DEFAULT-VALUE}: the 56Fe input of "
                        + "the paper's Fig. 4 caption, which implies ranges Z/0.13 = 200 and N/0.16 = 187.5; annft's MinMax over "
                        + "AME2020, Z in [0, 118] and N in [0, 177], scales 56Fe to 0.2203,0.1695, as 'annft data' prints).")
        String input;

        @Option(names = "--rates", paramLabel = "critical|averaged", defaultValue = "critical",
                description = "Learning rates of the NTK: critical per-layer rates (paper Eqs. 38-39) or the global rates of CINT/NINT, "
                        + "the layer means of lambda_W/n_{l-1} and lambda_b (default ${DEFAULT-VALUE}).")
        Rates rates;

        @Option(names = "--raw-lambda-b", paramLabel = "RATE", defaultValue = "1.0",
                description = "Raw bias rate lambda~_b (default ${DEFAULT-VALUE}).")
        double rawBiasRate;

        @Option(names = "--raw-lambda-w", paramLabel = "RATE", defaultValue = "1.0",
                description = "Raw weight rate lambda~_W (default ${DEFAULT-VALUE}).")
        double rawWeightRate;

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Activation sigma = OptionValues.parsed("--activation", activation, Activations::parse);
            requireAtLeastOne("--hidden-layers", hiddenLayers);
            requireAtLeastOne("--width", width);
            double[][] inputs = TheoryTables.parseInputs(input);
            CriticalPoint critical = Criticality.of(sigma);
            double cw = weightVariance != null ? weightVariance : criticalValue(critical, "--cw", critical.criticalWeightVariance());
            double cb = biasVariance != null ? biasVariance : criticalValue(critical, "--cb", critical.criticalBiasVariance());
            if (!(cw > 0) || Double.isInfinite(cw)) {
                throw new org.annft.config.BadInputException("--cw (C_W) must be positive and finite, got " + cw);
            }
            if (!(cb >= 0) || Double.isInfinite(cb)) {
                throw new org.annft.config.BadInputException("--cb (C_b) must be non-negative and finite, got " + cb);
            }
            if (hiddenLayers > MAX_HIDDEN_LAYERS) {
                throw new org.annft.config.BadInputException("--hidden-layers " + hiddenLayers + " is above the limit of "
                        + MAX_HIDDEN_LAYERS
                        + " layers (the recursion integrates every layer, and prints a row per layer)");
            }
            requireRate("--raw-lambda-b", rawBiasRate);
            requireRate("--raw-lambda-w", rawWeightRate);
            Architecture architecture = Architecture.uniform(sigma, hiddenLayers, width, cw, cb);
            LearningRates criticalRates = LearningRates.critical(critical.universalityClass(), hiddenLayers + 1,
                    rawBiasRate, rawWeightRate);
            LearningRates learningRates = rates == Rates.critical ? criticalRates
                    : criticalRates.averagedInPractice(fanIns(inputs[0].length, width, hiddenLayers + 1));
            // Validate everything before Spark starts, so that bad input leaves nothing behind.
            AnnftConfig config = common.out == null ? null : common.config(List.of());
            TheoryTables tables = TheoryTables.compute(architecture, inputs, learningRates);

            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "activation %s (%s), C_W = %s, C_b = %s, L = %d hidden layers (l_out = %d), n = %d, "
                            + "%s learning rates from lambda~_b = %s, lambda~_W = %s%n",
                    sigma.name(), critical.universalityClass().label(), cw, cb, hiddenLayers, hiddenLayers + 1, width, rates,
                    rawBiasRate, rawWeightRate);
            tables.print(out);
            out.flush();
            if (config != null) {
                Job.run(common, config, "theory", List.of(ResultTables.THEORY.name(), ResultTables.THEORY_KERNEL_MATRIX.name()),
                        spec.commandLine().getErr(), (spark, store) -> tables.write(spark, store));
            }
            return 0;
        }

        private static void requireRate(String option, double rate) {
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new org.annft.config.BadInputException(option + " must be a finite rate >= 0, got " + rate);
            }
        }

        private static double criticalValue(CriticalPoint critical, String option, double value) {
            if (!critical.exists()) {
                throw new org.annft.config.BadInputException(critical.activation() + " has no critical point, so " + option
                        + " has no default; pass --cw and --cb (" + critical.message() + ")");
            }
            return value;
        }
    }

    @Command(name = "regression", mixinStandardHelpOptions = true,
            description = {"The infinite-width baseline on the binding energies: kernel regression of the target (train.target, "
                    + "B/A by default) with the output layer's NTK (the mean of infinitely wide networks trained to convergence "
                    + "on the squared error) and kernel (the Bayesian posterior mean and standard deviation), at critical "
                    + "initialization, on the data set's training nuclides.",
                "RMSDs in MeV of total B on the training nuclides and on those data.test-fraction holds out, and the share "
                    + "of held-out residuals within one and two posterior standard deviations."})
    static final class Regression implements Callable<Integer> {

        @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
                description = "Activation with a closed-form two-point expectation: relu, leaky-relu[:SLOPE], linear (default ${DEFAULT-VALUE}).")
        String activation;

        @Option(names = "--hidden-layers", paramLabel = "L", defaultValue = "3",
                description = "Hidden layers L (default ${DEFAULT-VALUE}: l_out = 4, the paper's depth).")
        int hiddenLayers;

        @Option(names = "--rates", paramLabel = "critical|averaged", defaultValue = "critical",
                description = "The NTK's learning rates: critical per-layer rates (CICT) or their layer means (CINT) (default ${DEFAULT-VALUE}).")
        Rates rates;

        @Option(names = "--ridge", paramLabel = "EPS", defaultValue = "1e-6",
                description = "Diagonal regularizer relative to the kernel's mean diagonal (default ${DEFAULT-VALUE}).")
        double ridge;

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Activation sigma = OptionValues.parsed("--activation", activation, Activations::parse);
            if (sigma.closedFormTwoPoint(1, 0.5, 1).isEmpty()) {
                throw new org.annft.config.BadInputException("--activation " + sigma.name() + ": no closed-form two-point "
                        + "expectation, and a quadrature per pair of the data set's nuclides would take hours; use relu, "
                        + "leaky-relu[:SLOPE] or linear");
            }
            requireAtLeastOne("--hidden-layers", hiddenLayers);
            if (hiddenLayers > 100) {
                throw new org.annft.config.BadInputException("--hidden-layers " + hiddenLayers + " is above 100");
            }
            if (!(ridge >= 0) || ridge > 1) {
                throw new org.annft.config.BadInputException("--ridge must be in [0, 1], got " + ridge);
            }
            AnnftConfig config = common.config(List.of());
            org.annft.data.Target target = org.annft.sweep.TrainingProtocol.TARGET.read(config);
            org.annft.data.BindingEnergyDataSet data = org.annft.data.DataSource.fromConfig(config)
                    .load(w -> spec.commandLine().getErr().println("warning: " + w));
            CriticalPoint critical = Criticality.of(sigma);
            Architecture architecture = Architecture.uniform(sigma, hiddenLayers, 1,
                    critical.criticalWeightVariance(), critical.criticalBiasVariance());
            LearningRates criticalRates = LearningRates.critical(critical.universalityClass(), hiddenLayers + 1, 1, 1);
            // At infinite width the layer means of the rates per fan-in are those of any width.
            LearningRates learningRates = rates == Rates.critical ? criticalRates
                    : criticalRates.averagedInPractice(fanIns(data.inputWidth(), 1, hiddenLayers + 1));
            long start = System.nanoTime();
            org.annft.sweep.KernelBaseline.Result r;
            try {
                r = org.annft.sweep.KernelBaseline.of(data, target, architecture, learningRates, ridge);
            } catch (IllegalArgumentException e) {
                throw new org.annft.config.BadInputException("--ridge " + ridge + ": " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "kernel regression of %s: %s, C_W = %s, C_b = %s, l_out = %d, %s rates, ridge %s; "
                            + "%d training nuclides, %d held out (%.1f s)%n", target.symbol(), sigma.name(),
                    critical.criticalWeightVariance(), critical.criticalBiasVariance(), hiddenLayers + 1, rates, ridge,
                    r.trainSize(), r.testSize(), (System.nanoTime() - start) / 1e9);
            out.printf(Locale.ROOT, "NTK, trained to convergence: RMSD %.3f MeV on the training nuclides, %s%n",
                    r.ntkRmsdTrain(), heldOut(r.ntkRmsdTest()));
            out.printf(Locale.ROOT, "NNGP posterior: RMSD %.3f MeV on the training nuclides, %s", r.nngpRmsdTrain(),
                    heldOut(r.nngpRmsdTest()));
            if (r.testSize() > 0) {
                out.printf(Locale.ROOT, "; median std %.3f MeV, held-out residuals within 1 std %.1f%% (68.3%% nominal), "
                        + "within 2 std %.1f%% (95.4%%)", r.medianStdTest(), 100 * r.coverage1(), 100 * r.coverage2());
            }
            out.println();
            out.flush();
            return 0;
        }

        private static String heldOut(double rmsd) {
            return Double.isNaN(rmsd) ? "none held out (data.test-fraction = 0)"
                    : String.format(Locale.ROOT, "%.3f MeV held out", rmsd);
        }
    }

    /** The deepest network {@code theory kernel} computes. */
    static final int MAX_HIDDEN_LAYERS = 100_000;

    @Command(name = "critical", mixinStandardHelpOptions = true,
            description = "The criticality class of an activation, its critical C_W, C_b and K*, and the residuals of "
                    + "K* = C_b + C_W <sigma^2>, chi_parallel = 1, chi_perpendicular = 1.")
    static final class Critical implements Callable<Integer> {

        @Option(names = "--activation", required = true, paramLabel = "NAME", description = "Activation: relu, leaky-relu[:slope], linear, tanh, sin, softplus, shifted-softplus, gelu, swish.")
        String activation;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            CriticalPoint critical = Criticality.of(OptionValues.parsed("--activation", activation, Activations::parse));
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? CriticalPointFormat.json(critical) : CriticalPointFormat.text(critical));
            out.flush();
            return 0;
        }
    }

    @Command(name = "aspect-ratio", mixinStandardHelpOptions = true,
            description = "The critical vertex slope nu, the optimal aspect ratio r* = (4/(20 + 3 n_out))/nu "
                    + "(paper Eq. 50) and the optimal width n* = l_out / r*.")
    static final class AspectRatioCommand implements Callable<Integer> {

        @Option(names = "--activation", required = true, paramLabel = "NAME", description = "Activation: relu, leaky-relu[:slope], linear, tanh, sin, softplus, shifted-softplus, gelu, swish.")
        String activation;

        @Option(names = "--hidden-layers", paramLabel = "L", defaultValue = "3",
                description = "Number of hidden layers L (default ${DEFAULT-VALUE}, the paper's l_out = L + 1 = 4).")
        int hiddenLayers;

        @Option(names = "--outputs", paramLabel = "n_out", defaultValue = "1",
                description = "Output width n_out (default ${DEFAULT-VALUE}).")
        int outputs;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Activation sigma = OptionValues.parsed("--activation", activation, Activations::parse);
            requireAtLeastOne("--hidden-layers", hiddenLayers);
            requireAtLeastOne("--outputs", outputs);
            CriticalPoint critical = Criticality.of(sigma);
            AspectRatio ratio = AspectRatio.of(AspectRatio.nu(sigma, critical), hiddenLayers + 1, outputs);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "activation %s (%s)%n", sigma.name(), critical.universalityClass().label());
            if (!critical.exists()) {
                out.println("nu, r* and n* are undefined: " + critical.message());
            } else if (critical.fixedPointRepels()) {
                out.printf(Locale.ROOT, "no r*: the K* = 0 fixed point repels (a1 = %.6g >= 0), so the kernel does not stay"
                        + " near it and nu, r* and n* are undefined: %s%n", critical.a1(), critical.message());
            } else {
                out.printf(Locale.ROOT, "nu = %.10g%nn_out = %d, l_out = %d (L = %d hidden layers)%n"
                                + "r* = %.6g%nn* = l_out / r* = %.4f%n",
                        ratio.nu(), outputs, hiddenLayers + 1, hiddenLayers, ratio.optimalAspectRatio(), ratio.optimalWidth());
            }
            out.flush();
            return 0;
        }
    }

    private static void requireAtLeastOne(String option, int value) {
        if (value < 1) {
            throw new org.annft.config.BadInputException(option + " must be at least 1, got " + value);
        }
    }
}
