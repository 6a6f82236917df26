package org.annft.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.annft.config.AnnftConfig;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.DataSource;
import org.annft.data.Nuclide;
import org.annft.spark.SparkTables;
import org.annft.sweep.DatasetTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annft data}: summarizes the binding-energy data set and writes it as table {@code dataset}. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Read the AME2020 table, print a summary of the data set and write it as table 'dataset'.")
final class DataCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--subset", paramLabel = "all|experimental", description = "Shorthand for --set data.subset=...")
    String subset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> settings = new ArrayList<>();
        if (subset != null) {
            settings.add("data.subset=\"" + subset + "\"");
        }
        AnnftConfig config = common.config(settings);
        DataSource source = DataSource.fromConfig(config);
        BindingEnergyDataSet data = source.load(w -> err.println("warning: " + w));
        printSummary(source, data, out);
        out.flush();
        Job.run(common, config, "data", List.of("dataset"), err,
                (spark, tables) -> tables.write(DatasetTable.table(data), spark.createDataFrame(DatasetTable.rows(data),
                        SparkTables.schema(DatasetTable.table(data)))));
        return 0;
    }

    static void printSummary(DataSource source, BindingEnergyDataSet data, PrintWriter out) {
        List<Nuclide> ns = data.nuclides();
        long estimated = ns.stream().filter(Nuclide::estimated).count();
        out.printf(Locale.ROOT, "AME2020 table: %s%n", source.tablePath());
        out.printf(Locale.ROOT, "data set: subset=%s inputs=%s min-z=%d min-n=%d min-a=%d -> %d nuclides "
                        + "(%d experimental, %d estimated), %d held out for testing (%d of them edge isotopes)%n",
                data.spec().subset().configName(), data.spec().inputs().configName(), data.spec().minZ(),
                data.spec().minN(), data.spec().minA(), ns.size(), ns.size() - estimated, estimated, data.testCount(),
                data.edgeCount());
        out.printf(Locale.ROOT, "Z %d..%d   N %d..%d   A %d..%d%n",
                ns.stream().mapToInt(Nuclide::z).min().orElse(0), ns.stream().mapToInt(Nuclide::z).max().orElse(0),
                ns.stream().mapToInt(Nuclide::n).min().orElse(0), ns.stream().mapToInt(Nuclide::n).max().orElse(0),
                ns.stream().mapToInt(Nuclide::a).min().orElse(0), ns.stream().mapToInt(Nuclide::a).max().orElse(0));
        out.printf(Locale.ROOT, "binding energy B: %.3f .. %.3f MeV (B < 0, unbound: %d)%n",
                ns.stream().mapToDouble(Nuclide::bindingEnergyMev).min().orElse(0),
                ns.stream().mapToDouble(Nuclide::bindingEnergyMev).max().orElse(0),
                ns.stream().filter(x -> x.bindingEnergyMev() < 0).count());
        out.printf(Locale.ROOT, "MinMax scaling: Z [%.0f, %.0f]  N [%.0f, %.0f]%n",
                data.scaler().min(0), data.scaler().max(0), data.scaler().min(1), data.scaler().max(1));
        for (org.annft.data.Target t : org.annft.data.Target.values()) {
            org.annft.data.BaselineFits fits = data.baselineFits(t);
            out.printf(Locale.ROOT, "baselines trained on %s, RMSD of total B: linear in the inputs %.3f MeV, "
                    + "median (a dead network under MAE) %.3f MeV%n", t.symbol(), fits.linearRmsdMev(), fits.constantRmsdMev());
        }
        ns.stream().filter(x -> x.z() == 26 && x.n() == 30).findFirst().ifPresent(fe -> {
            double[] x = data.scaledInputs(fe);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < x.length; j++) {
                sb.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s=%.6f",
                        data.spec().inputs().columnNames().get(j), x[j]));
            }
            out.printf(Locale.ROOT, "scaled input of 56Fe: %s   (B = %.3f MeV)%n", sb, fe.bindingEnergyMev());
        });
    }
}
