package org.annft.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annft reproduce}: the paper's training results at laptop scale, beside the paper's own
 * numbers. Runs Table I and Fig. 13 ({@code conf/table1-laptop.conf}) into {@code OUT/table1},
 * Figs. 8-9 with Adam ({@code conf/fig8-9-laptop.conf}) into {@code OUT/fig8-9}, the four-input
 * network ({@code conf/pairing-laptop.conf}) into {@code OUT/pairing}, the long runs of the rise
 * above n* ({@code conf/rise-laptop.conf}, 20000 epochs) into {@code OUT/rise}, and the report over all
 * four into {@code OUT/report/index.html}; last it prints the table of the paper's training claims
 * ({@code OUT/report/claims.md}, the table of docs/reproduction.md).
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce the paper's training results at laptop scale, with its claims checked.",
            "Table I and Fig. 13",
            "(conf/table1-laptop.conf), Figs. 8-9 with Adam (conf/fig8-9-laptop.conf), the four-input network",
            "(conf/pairing-laptop.conf), the rise above n* at 20000 epochs (conf/rise-laptop.conf), the report",
            "with the paper's numbers beside annft's under --out (default results/reproduce), and the table of",
            "the paper's training claims. Each sweep prints its estimated cost before it trains."})
final class ReproduceCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/reproduce", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--table1-config", paramLabel = "FILE", defaultValue = "conf/table1-laptop.conf",
            description = "Table I sweep config (default ${DEFAULT-VALUE}).")
    String table1Config;

    @Option(names = "--fig8-9-config", paramLabel = "FILE", defaultValue = "conf/fig8-9-laptop.conf",
            description = "Figs. 8-9 sweep config (default ${DEFAULT-VALUE}).")
    String lossCurvesConfig;

    @Option(names = "--pairing-config", paramLabel = "FILE", defaultValue = "conf/pairing-laptop.conf",
            description = "Four-input sweep config (default ${DEFAULT-VALUE}).")
    String pairingConfig;

    @Option(names = "--rise-config", paramLabel = "FILE", defaultValue = "conf/rise-laptop.conf",
            description = "Long runs of the rise above n* (default ${DEFAULT-VALUE}).")
    String riseConfig;

    @Mixin
    PipelineOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int code = new Pipeline("reproduce", spec.commandLine(), options).run(out, List.of(
                new Pipeline.Step("Table I and Fig. 13", "sweep", table1Config, "table1"),
                new Pipeline.Step("Figs. 8-9 and Adam", "sweep", lossCurvesConfig, "fig8-9"),
                new Pipeline.Step("four-input network", "sweep", pairingConfig, "pairing"),
                new Pipeline.Step("rise above n*", "sweep", riseConfig, "rise")));
        if (code == 0) {
            Path claims = CallerDirectory.resolve(out).resolve("report").resolve("claims.md");
            try {
                spec.commandLine().getOut().print(java.nio.file.Files.readString(claims));
                spec.commandLine().getOut().flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + claims, e);
            }
        }
        return code;
    }
}
