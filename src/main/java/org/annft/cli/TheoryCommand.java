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
            description = {"The infinite-width baseline on the binding energies, at critical initialization, fitted on the "
                    + "data set's training nuclides: the infinitely wide network trained by the protocol (train.phases, "
                    + "train.batch-size, train.loss, train.target), NTK regression (the mean of infinitely wide networks "
                    + "trained to convergence on the squared error, with its spread over initializations) and the NNGP "
                    + "posterior.",
                "Prints RMSDs in MeV of total B on the training nuclides, on those data.test-fraction holds out and on "
                    + "AME2020's estimates beyond the data set, with the shares within one and two standard deviations; "
                    + "--out writes every nuclide's predictions (table kernel_predictions)."})
    static final class Regression implements Callable<Integer> {

        @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
                description = "Activation with a closed-form two-point expectation: relu, leaky-relu[:SLOPE], linear (default ${DEFAULT-VALUE}).")
        String activation;

        @Option(names = "--hidden-layers", paramLabel = "L", defaultValue = "3",
                description = "Hidden layers L (default ${DEFAULT-VALUE}: l_out = 4, the paper's depth).")
        int hiddenLayers;

        @Option(names = "--mode", paramLabel = "cict|nict", defaultValue = "cict",
                description = "Critical or non-critical (train.noncritical) initialization, with the critical per-layer "
                        + "rates: the global rates of CINT and NINT grow with the width and have no infinite-width limit "
                        + "(default ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--ridge", paramLabel = "EPS", defaultValue = "1e-6",
                description = "Diagonal regularizer relative to the kernel's mean diagonal (default ${DEFAULT-VALUE}).")
        double ridge;

        @Option(names = "--nuclides", paramLabel = "data|all", defaultValue = "data",
                description = "Predict the data set's nuclides, or all of AME2020's (those beyond the data set too) (default ${DEFAULT-VALUE}).")
        Nuclides nuclides;

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        enum Nuclides { data, all }

        @Override
        public Integer call() throws Exception {
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
            org.annft.sweep.TrainingProtocol protocol = org.annft.sweep.TrainingProtocol.fromConfig(
                    org.annft.sweep.TrainingProtocol.DEFAULT, config);
            org.annft.data.DataSource source = org.annft.data.DataSource.fromConfig(config);
            PrintWriter err = spec.commandLine().getErr();
            org.annft.data.BindingEnergyDataSet data = source.load(w -> err.println("warning: " + w));
            List<org.annft.data.Nuclide> beyond = new java.util.ArrayList<>();
            if (nuclides == Nuclides.all) {
                java.util.Set<List<Integer>> inData = new java.util.HashSet<>();
                for (org.annft.data.Nuclide n : data.nuclides()) {
                    inData.add(List.of(n.z(), n.n()));
                }
                for (org.annft.data.Nuclide n : org.annft.data.Ame2020Reader.read(source.tablePath()).nuclides()) {
                    if (!inData.contains(List.of(n.z(), n.n()))) {
                        beyond.add(n);
                    }
                }
            }
            org.annft.train.SweepMode sweepMode = OptionValues.parsed("--mode", mode, org.annft.train.SweepMode::parse);
            int outputLayer = hiddenLayers + 1;
            org.annft.sweep.TrainingRun configuration = new org.annft.sweep.TrainingRun(sigma.name(), 1, outputLayer,
                    sweepMode, protocol, 0);
            if (!org.annft.sweep.KernelBaselines.eligible(configuration)) {
                throw new org.annft.config.BadInputException("--mode " + mode + ": the baseline needs SGD with the critical "
                        + "per-layer rates (cict or nict); the global rates of cint and nint grow with the width");
            }
            org.annft.theory.Initialization init = configuration.initialization();
            MemoryCheck.check("theory regression", "the baseline of " + (data.size() + beyond.size()) + " nuclides",
                    org.annft.sweep.KernelBaseline.memoryBytes(data.size() + beyond.size(), outputLayer), 1,
                    Runtime.getRuntime().maxMemory());
            long start = System.nanoTime();
            org.annft.sweep.KernelBaseline.Result r;
            try {
                r = org.annft.sweep.KernelBaselines.compute(configuration, data, org.annft.config.Seeds.MASTER.read(config),
                        ridge, beyond);
            } catch (IllegalArgumentException e) {
                throw new org.annft.config.BadInputException("--ridge " + ridge + ": " + e.getMessage());
            }
            org.annft.train.Loss loss = protocol.loss();
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "infinite-width baseline of %s: %s, %s, C_W = %s, C_b = %s, l_out = %d, ridge %s; "
                            + "%d training nuclides, %d held out, %d beyond the data set (%.1f s)%n",
                    protocol.target().symbol(), sigma.name(), sweepMode.label(), init.weightVariance(),
                    init.biasVariance(), outputLayer, ridge,
                    r.count(org.annft.sweep.KernelBaseline.Role.TRAIN), r.count(org.annft.sweep.KernelBaseline.Role.TEST),
                    r.count(org.annft.sweep.KernelBaseline.Role.BEYOND), (System.nanoTime() - start) / 1e9);
            RegressionSummary.print(out, r, protocol.phases().totalEpochs(), loss);
            out.flush();
            if (common.out != null) {
                Job.run(common, config, "theory", List.of(ResultTables.KERNEL_PREDICTIONS.name()), err,
                        (spark, store) -> store.write(ResultTables.KERNEL_PREDICTIONS, spark.createDataFrame(
                                org.annft.sweep.KernelBaselines.rows(r, sigma.name(), sweepMode.configName(), protocol.name(),
                                        outputLayer, protocol.phases().totalEpochs()),
                                org.annft.spark.SparkTables.schema(ResultTables.KERNEL_PREDICTIONS))));
            }
            return 0;
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
