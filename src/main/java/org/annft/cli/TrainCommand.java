package org.annft.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.annft.config.AnnftConfig;
import org.annft.config.Seeds;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.DataSource;
import org.annft.linalg.Gemm;
import org.annft.sweep.TrainingRun;
import org.annft.sweep.TrainingTables;
import org.annft.table.ResultTables;
import org.annft.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annft train}: trains one network on the binding-energy data (train.* keys). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train one network on the AME2020 binding energies (train.*, data.*, seed keys) on one thread.",
            "Tables: runs (one row), loss_curves, param_changes."})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        AnnftConfig config = common.config(List.of());
        TrainingRun run = TrainingRun.fromConfig(config);
        long masterSeed = Seeds.MASTER.read(config);
        BindingEnergyDataSet data = DataSource.fromConfig(config).load(w -> err.println("warning: " + w));
        MemoryCheck.check("train", "a training of " + run.activation() + " width " + run.width() + " depth " + run.depth(),
                run.memoryBytes(data.inputWidth(), data.size()), 1, Runtime.getRuntime().maxMemory());
        Gemm gemm = Gemm.blas();
        err.printf(Locale.ROOT, "train: %s %s, width %d, depth %d (r = %.4f), C_W %s, C_b %s, %s, %s, %d nuclides (%d test), gemm %s%n",
                run.activation(), run.mode().configName(), run.width(), run.depth(), run.aspectRatio(), run.weightVariance(),
                run.biasVariance(), run.mode().optimizer().configName(), run.protocol().precision().configName(), data.size(), data.testCount(),
                gemm.implementationName());
        err.flush();
        Job.run(common, config, "train", TrainingTables.trainTableNames(), err, (spark, out) -> {
            TrainingRun.Outcome outcome = run.execute(data, masterSeed, gemm);
            TrainingResult r = outcome.result();
            err.printf(Locale.ROOT, "train: %s after %d epochs in %.1f s: loss %.4g, RMSD %.3f MeV (train %.3f, test %.3f)%n",
                    r.status().label(), r.epochsDone(), r.seconds(), r.finalLoss(), r.rmsdAll(), r.rmsdTrain(), r.rmsdTest());
            err.flush();
            List<TrainingRun.Outcome> outcomes = List.of(outcome);
            write(spark, out, ResultTables.RUNS, TrainingTables.runsRows(outcomes));
            write(spark, out, ResultTables.LOSS_CURVES, TrainingTables.lossCurveRows(outcomes));
            write(spark, out, ResultTables.PARAM_CHANGES, TrainingTables.paramChangeRows(outcomes));
            write(spark, out, ResultTables.MODELS, TrainingTables.modelRows(outcomes));
            write(spark, out, org.annft.sweep.DatasetTable.table(data), org.annft.sweep.DatasetTable.rows(data));
            if (!outcome.ntk().isEmpty()) {
                write(spark, out, ResultTables.NTK_CHANGES, TrainingTables.ntkChangeRows(outcomes));
            }
        });
        return 0;
    }

    private static void write(org.apache.spark.sql.SparkSession spark, org.annft.spark.ResultStore.Commit out,
            org.annft.table.ResultTable table, List<org.apache.spark.sql.Row> rows) {
        out.write(table, spark.createDataFrame(rows, org.annft.spark.SparkTables.schema(table)));
    }
}
