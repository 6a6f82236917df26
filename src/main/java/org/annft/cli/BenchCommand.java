package org.annft.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.annft.nn.TrainingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annft bench}: benchmarks that print ratios against baselines measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each prints ratios against a baseline measured in the same run.",
        subcommands = {BenchCommand.Train.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing benchmark, e.g. 'bench train'");
    }

    /** {@code annft bench train}: full-batch epoch speed against dgemm and EJML. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Time one full-batch training epoch (forward, backward, SGD update) on one thread, float64,",
                "against the BLAS's dgemm rate at 1000x1000 and against EJML's own products."})
    static final class Train implements Callable<Integer> {

        @Option(names = "--widths", split = ",", paramLabel = "N,N", defaultValue = "120,1000",
                description = "Hidden widths (default ${DEFAULT-VALUE}).")
        int[] widths;

        @Option(names = "--depth", defaultValue = "4", description = "Depth l_out (default ${DEFAULT-VALUE}).")
        int depth;

        @Option(names = "--samples", defaultValue = "3558", description = "Rows of the synthetic data (default ${DEFAULT-VALUE}).")
        int samples;

        @Option(names = "--seconds", defaultValue = "3", description = "Time spent per measurement (default ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--no-ejml", description = "Skip the EJML baseline (slow at width 1000).")
        boolean noEjml;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            TrainingBenchmark.run(out, new TrainingBenchmark.Settings(samples, depth, widths, seconds, !noEjml));
            out.flush();
            return 0;
        }
    }
}
