package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.annft.data.Ame2020Reader;
import org.annft.data.AmeTableWriter;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.DataSetSpec;
import org.annft.predict.EnsemblePredictions;
import org.annft.spark.ResultStore;
import org.annft.spark.SparkSessions;
import org.annft.spark.TestSpark;
import org.annft.theory.Activations;
import org.annft.theory.AspectRatio;
import org.annft.theory.GlobalRate;
import org.annft.theory.Initialization;
import org.annft.train.Adam;
import org.annft.train.Loss;
import org.annft.train.PhaseSchedule;
import org.annft.train.Precision;
import org.annft.train.SweepMode;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small sweeps in local mode on a synthetic liquid-drop table: tables, failures, resume, determinism. */
class SweepJobTest {

    private static BindingEnergyDataSet data;

    @TempDir
    Path dir;

    /** 8 <= Z <= 40, N from Z to 1.3 Z + 4 in steps of 2: B from the semi-empirical mass formula. */
    @BeforeAll
    static void dataSet(@TempDir Path tableDir) throws IOException {
        data = liquidDrop(tableDir.resolve("t.txt"), 0);
    }

    /** The table, with the binding energy of 40Ca raised by {@code shiftKev} keV, as a data set. */
    private static BindingEnergyDataSet liquidDrop(Path file, double shiftKev) throws IOException {
        AmeTableWriter w = new AmeTableWriter();
        for (int z = 8; z <= 40; z += 2) {
            for (int n = z; n <= 1.3 * z + 4; n += 2) {
                int a = z + n;
                w.nuclide(z, n, "X", 1000 * AmeTableWriter.liquidDropMev(z, n) / a + (z == 20 && n == 20 ? shiftKev / a : 0));
            }
        }
        return BindingEnergyDataSet.build(Ame2020Reader.read(w.writeTo(file)), DataSetSpec.all());
    }

    private static SweepSettings settings(List<SweepMode> modes, List<Integer> widths, int runs, double rate,
                                          int epochs, double cutoff) {
        TrainingProtocol protocol = new TrainingProtocol(TrainingProtocol.DEFAULT, PhaseSchedule.of(epochs, rate, rate),
                GlobalRate.PRACTICE, new AdamSchedule(new Adam.AdamSettings(1e-3, 0.9, 0.999, 1e-7), AdamRates.fixed(), epochs),
                NoncriticalInit.of(1.0, 0.0), 16, Precision.FLOAT64, Loss.MAE, org.annft.data.Target.BINDING_ENERGY, 100.0, 1e3, 10,
                new NtkRecording(List.of(List.of(8, 8), List.of(20, 20), List.of(30, 34), List.of(99, 99)), 5), false);
        return new SweepSettings(7, List.of(protocol), List.of("relu"), modes, widths, List.of(3), runs, cutoff, 1.5, false, 1e-6,
                0, WideRuns.NONE);
    }

    private SweepJob.Summary sweep(SparkSession spark, SweepSettings s, Path out) {
        return sweep(spark, s, data, out, new StringWriter());
    }

    private static SweepJob.Summary sweep(SparkSession spark, SweepSettings s, BindingEnergyDataSet data, Path out,
                                          StringWriter progress) {
        ResultStore store = new ResultStore(spark, out.toString(), true);
        try (ResultStore.Commit c = store.begin()) {
            SweepJob.Summary summary = SweepJob.run(spark, s, data, out.toString(), c, new PrintWriter(progress));
            c.commit();
            return summary;
        }
    }

    private static List<Row> table(SparkSession spark, Path out, String table, String... drop) {
        return spark.read().parquet(out.resolve(table).toString()).drop(drop).collectAsList();
    }

    /**
     * The saved networks (table models) predict their data set bit for bit as their runs did (table
     * predictions), and the ensemble's statistics over three runs are those of the three predictions:
     * mean, population std, median, and the 5% and 95% quantiles a + 0.1 (b - a) and b + 0.9 (c - b)
     * of the sorted values a <= b <= c.
     */
    @Test
    void savedModelsPredictAsTheirRunsDid() {
        SparkSession spark = TestSpark.session();
        Path out = dir.resolve("models");
        sweep(spark, settings(List.of(SweepMode.CICT), List.of(6), 3, 0.02, 20, 1e9), out);
        assertEquals(3 * 3, table(spark, out, "models").size(), "three runs of three layers");
        List<EnsemblePredictions.Target> targets = data.nuclides().stream().map(n -> new EnsemblePredictions.Target(
                n.z(), n.n(), n.element(), n.bindingEnergyMev(), n.estimated())).toList();
        Map<String, double[]> byRun = new TreeMap<>();
        for (Row r : table(spark, out, "predictions")) {
            byRun.computeIfAbsent(r.getAs("run").toString(), k -> new double[data.size()])[r.<Integer>getAs("nuclide_index")] =
                    r.<Double>getAs("prediction_mev");
        }
        List<Row> one = predict(spark, out, Map.of("run", "1"), targets, "predicted-run1");
        List<Row> all = predict(spark, out, Map.of(), targets, "predicted-all");
        // The driver evaluates a small models table; one task per network gives the same rows.
        ResultStore distributed = new ResultStore(spark, out.resolveSibling("predicted-distributed").toString(), false);
        try (ResultStore.Commit c = distributed.begin()) {
            EnsemblePredictions.run(spark, out.toString(), Map.of(), targets, c, 0);
            c.commit();
        }
        assertEquals(all, distributed.read("ensemble_predictions").collectAsList());
        assertEquals(data.size(), one.size());
        for (int i = 0; i < data.size(); i++) {
            Row r = one.get(i);
            assertEquals(data.nuclides().get(i).z(), r.<Integer>getAs("z"));
            assertEquals(1L, r.<Long>getAs("runs"));
            assertEquals(byRun.get("1")[i], r.<Double>getAs("mean_mev"), 0, "nuclide " + i);
            assertEquals(false, r.<Boolean>getAs("extrapolation"));
            double[] v = {byRun.get("0")[i], byRun.get("1")[i], byRun.get("2")[i]};
            Arrays.sort(v);
            Row e = all.get(i);
            double mean = (v[0] + v[1] + v[2]) / 3;
            assertEquals(3L, e.<Long>getAs("runs"));
            assertEquals(mean, e.<Double>getAs("mean_mev"), 1e-12 * Math.abs(mean));
            assertEquals(Math.sqrt(((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean)
                    + (v[2] - mean) * (v[2] - mean)) / 3), e.<Double>getAs("std_mev"), 1e-9);
            assertEquals(v[1], e.<Double>getAs("median_mev"), 0);
            assertEquals(v[0] + 0.1 * (v[1] - v[0]), e.<Double>getAs("q05_mev"), 1e-12 * Math.abs(v[0]));
            assertEquals(v[1] + 0.9 * (v[2] - v[1]), e.<Double>getAs("q95_mev"), 1e-12 * Math.abs(v[1]));
            assertEquals(data.nuclides().get(i).bindingEnergyMev(), e.<Double>getAs("ame_mev"), 0);
        }
        // Beyond the table and beyond the training range: no AME value, flagged as extrapolation.
        List<Row> far = predict(spark, out, Map.of("run", "0"), List.of(new EnsemblePredictions.Target(120, 200, null, null,
                null)), "predicted-far");
        assertTrue(far.get(0).isNullAt(far.get(0).fieldIndex("ame_mev")) && far.get(0).<Boolean>getAs("extrapolation"));
    }

    private static List<Row> predict(SparkSession spark, Path models, Map<String, String> selection,
                                     List<EnsemblePredictions.Target> targets, String name) {
        ResultStore store = new ResultStore(spark, models.resolveSibling(name).toString(), false);
        try (ResultStore.Commit c = store.begin()) {
            EnsemblePredictions.run(spark, models.toString(), selection, targets, c);
            c.commit();
        }
        return store.read("ensemble_predictions").collectAsList();
    }

    @Test
    void table1IsTheAggregationOfRunsAndResumeReusesFinishedRuns() {
        SparkSession spark = TestSpark.session();
        Path out = dir.resolve("t1");
        SweepSettings first = settings(List.of(SweepMode.CICT, SweepMode.NINT), List.of(4, 12), 4, 0.02, 40, 1e9);
        SweepJob.Summary s1 = sweep(spark, first, out);
        assertEquals(16, s1.runsTrained());
        List<Row> runs = table(spark, out, "runs");
        double[] rmsd = runs.stream().mapToDouble(r -> r.<Double>getAs("rmsd_mev")).sorted().toArray();
        double cutoff = rmsd[rmsd.length / 2];

        // Same grid with a cutoff at the median RMSD: every run is reused, only the aggregation changes.
        SweepSettings second = settings(List.of(SweepMode.CICT, SweepMode.NINT), List.of(4, 12), 4, 0.02, 40, cutoff);
        SweepJob.Summary s2 = sweep(spark, second, out);
        assertEquals(0, s2.runsTrained(), "a rerun into the same output trains nothing");
        assertEquals(runs, table(spark, out, "runs"));

        Map<String, List<Row>> byConfiguration = new TreeMap<>();
        for (Row r : runs) {
            byConfiguration.computeIfAbsent(r.getAs("mode") + "/" + r.getAs("width"), k -> new ArrayList<>()).add(r);
        }
        List<Row> table1 = table(spark, out, "table1");
        assertEquals(4, table1.size());
        double rStar = AspectRatio.of(Activations.parse("relu"), 3, 1).optimalAspectRatio();
        for (Row t : table1) {
            List<Row> group = byConfiguration.get(t.getAs("mode") + "/" + t.getAs("width"));
            double[] kept = group.stream().filter(r -> r.getAs("status").equals("ok"))
                    .mapToDouble(r -> r.<Double>getAs("rmsd_mev")).filter(x -> !Double.isNaN(x) && x <= cutoff).toArray();
            assertEquals(group.size(), t.<Long>getAs("runs_total"));
            assertEquals(kept.length, t.<Long>getAs("runs_kept"));
            assertEquals(1.0 - (double) kept.length / group.size(), t.<Double>getAs("failed_fraction"), 1e-15);
            assertEquals(cutoff, t.<Double>getAs("cutoff_mev"), 0);
            double r = 3.0 / t.<Integer>getAs("width");
            assertEquals(r, t.<Double>getAs("r"), 1e-15);
            assertEquals(rStar, t.<Double>getAs("r_star"), 1e-15);
            assertEquals(r > rStar && r < 1, t.<Boolean>getAs("between_r_star_and_one"));
            if (kept.length == 0) {
                assertTrue(t.isNullAt(t.fieldIndex("mean_rmsd_mev")));
            } else {
                double mean = Arrays.stream(kept).average().orElseThrow();
                double var = Arrays.stream(kept).map(x -> (x - mean) * (x - mean)).sum() / kept.length;
                assertEquals(mean, t.<Double>getAs("mean_rmsd_mev"), 1e-12 * mean);
                assertEquals(Math.sqrt(var), t.<Double>getAs("std_rmsd_mev"), 1e-9 * mean);
            }
            // Every run counted once by its outcome; the converged runs' mean from their own RMSDs.
            long counted = 0;
            for (org.annft.train.RunOutcome o : org.annft.train.RunOutcome.values()) {
                long expected = group.stream().filter(x -> x.getAs("outcome").equals(o.configName())).count();
                assertEquals(expected, t.<Long>getAs("runs_" + o.configName().replace('-', '_')), o.configName());
                counted += expected;
            }
            assertEquals(group.size(), counted);
            double[] converged = group.stream().filter(x -> x.getAs("outcome").equals("converged"))
                    .mapToDouble(x -> x.<Double>getAs("rmsd_mev")).toArray();
            if (converged.length == 0) {
                assertTrue(t.isNullAt(t.fieldIndex("mean_rmsd_converged_mev")));
            } else {
                double mean = Arrays.stream(converged).average().orElseThrow();
                assertEquals(mean, t.<Double>getAs("mean_rmsd_converged_mev"), 1e-12 * mean);
            }
        }
        // Residuals: experimental minus the mean prediction of the kept runs.
        Row fe = spark.read().parquet(out.resolve("residuals").toString())
                .where("mode = 'cict' AND width = 12 AND z = 26 AND n = 30").first();
        assertEquals(fe.<Double>getAs("binding_energy_mev") - fe.<Double>getAs("prediction_mean_mev"),
                fe.<Double>getAs("residual_mev"), 1e-12);
    }

    /**
     * Two protocols (raw rate 0.02 against 0.002, batch 16 against full batch): the runs differ, start
     * from the same networks (same initial loss), and every table carries the protocol and aggregates
     * per protocol. The diagnostics columns hold one dead fraction per hidden layer and the data set's fits.
     */
    @Test
    void protocolsAreAGridAxisOverTheSameInitialNetworks() {
        SparkSession spark = TestSpark.session();
        Path out = dir.resolve("protocols");
        SweepSettings one = settings(List.of(SweepMode.CICT), List.of(6, 12), 2, 0.02, 20, 1e9);
        TrainingProtocol a = one.protocols().get(0);
        TrainingProtocol b = a.withSchedule(PhaseSchedule.of(20, 0.002, 0.002), a.adam().epochs()).withBatchSize(0)
                .withName("slow-full");
        SweepSettings two = new SweepSettings(one.seed(), List.of(a.withName("fast-b16"), b), one.activations(), one.modes(),
                one.widths(), one.depths(), 2, 1e9, 1.5, false, 1e-6, 0, WideRuns.NONE);
        assertEquals(8, sweep(spark, two, out).runsTrained());
        Map<String, Row> byKey = new TreeMap<>();
        for (Row r : table(spark, out, "runs")) {
            byKey.put(r.getAs("protocol") + "/" + r.getAs("width") + "/" + r.getAs("run"), r);
            assertEquals(2, r.<scala.collection.Seq<Double>>getAs("dead_unit_fraction").size(), "depth 3: two hidden layers");
            assertEquals(data.baselineFits(org.annft.data.Target.BINDING_ENERGY).linearRmsdMev(), r.<Double>getAs("linear_fit_rmsd_mev"), 0);
            assertTrue(r.<Double>getAs("constant_fit_rmsd_mev") > r.<Double>getAs("linear_fit_rmsd_mev"));
        }
        assertEquals(8, byKey.size());
        // The NTK at the three reference nuclides in the data set ((99, 99) is not), every 5 of 20 epochs.
        List<Row> ntk = table(spark, out, "ntk_changes");
        assertEquals(8 * 5, ntk.size());
        for (Row r : ntk) {
            assertEquals(3, r.<Integer>getAs("reference_nuclides"));
            assertEquals(0, r.<Integer>getAs("epoch") % 5);
            assertTrue(r.<Double>getAs("largest_eigenvalue") > 0 && r.<Double>getAs("frobenius_norm") > 0, r.toString());
            if (r.<Integer>getAs("epoch") == 0) {
                assertEquals(0.0, r.<Double>getAs("frobenius_change"), 0);
                assertEquals(0.0, r.<Double>getAs("eigenvalue_change"), 0);
            } else {
                assertTrue(r.<Double>getAs("frobenius_change") > 0, r.toString());
            }
        }
        for (int width : List.of(6, 12)) {
            for (int run = 0; run < 2; run++) {
                Row fast = byKey.get("fast-b16/" + width + "/" + run);
                Row slow = byKey.get("slow-full/" + width + "/" + run);
                assertEquals(fast.<Double>getAs("initial_loss"), slow.<Double>getAs("initial_loss"), 0);
                assertEquals(fast.<Long>getAs("seed"), slow.<Long>getAs("seed"));
                assertTrue(fast.<Double>getAs("final_loss") != slow.<Double>getAs("final_loss").doubleValue());
                assertEquals(0, slow.<Integer>getAs("batch_size"));
            }
        }
        for (String t : List.of("loss_curves", "loss_bands", "param_changes", "param_change_means", "predictions",
                "residuals", "table1")) {
            List<Row> rows = table(spark, out, t);
            assertEquals(List.of("fast-b16", "slow-full"), rows.stream().map(r -> r.<String>getAs("protocol")).distinct()
                    .sorted().toList(), t);
        }
        List<Row> table1 = table(spark, out, "table1");
        assertEquals(4, table1.size(), "one row per (protocol, width)");
        for (Row t : table1) {
            assertEquals(2L, t.<Long>getAs("runs_total"));
            double mean = byKey.entrySet().stream().filter(e -> e.getKey().startsWith(t.getAs("protocol") + "/"
                    + t.getAs("width") + "/")).mapToDouble(e -> e.getValue().<Double>getAs("rmsd_mev")).average().orElseThrow();
            assertEquals(mean, t.<Double>getAs("mean_rmsd_mev"), 1e-12 * mean);
        }
    }

    @Test
    void divergingRunsAreRowsThatTable1CountsAsFailed() {
        SparkSession spark = TestSpark.session();
        Path out = dir.resolve("diverge");
        SweepJob.Summary s = sweep(spark, settings(List.of(SweepMode.CICT), List.of(8), 3, 1e6, 30, 100), out);
        assertEquals(3, s.runsDiverged());
        for (Row r : table(spark, out, "runs")) {
            assertEquals("diverged", r.getAs("status"));
            assertFalse(r.isNullAt(r.fieldIndex("divergence_epoch")));
        }
        Row t = table(spark, out, "table1").get(0);
        assertEquals(0L, t.<Long>getAs("runs_kept"));
        assertEquals(3L, t.<Long>getAs("runs_total"));
        assertEquals(1.0, t.<Double>getAs("failed_fraction"), 0);
        assertEquals(3L, t.<Long>getAs("runs_diverged"));
        assertEquals(0L, t.<Long>getAs("runs_converged"));
        assertTrue(t.isNullAt(t.fieldIndex("mean_rmsd_converged_mev")));
    }

    @Test
    void criticalTrainingReachesALowerLossThanNonCritical() {
        SparkSession spark = TestSpark.session();
        Path out = dir.resolve("cict-nint");
        sweep(spark, settings(List.of(SweepMode.CICT, SweepMode.NINT), List.of(16), 5, 0.02, 60, 1e9), out);
        Map<String, Double> median = new TreeMap<>();
        for (Row r : spark.sql("SELECT mode, percentile(final_loss, 0.5) AS m FROM parquet.`" + out.resolve("runs")
                + "` GROUP BY mode").collectAsList()) {
            median.put(r.getString(0), r.getDouble(1));
        }
        // Stated margin: CICT's median final MAE at most half of NINT's.
        assertTrue(median.get("cict") < 0.5 * median.get("nint"), "median final loss " + median);
    }

    @Test
    void tablesDoNotDependOnCoresAndAnInterruptedSweepResumesToTheSameTables() throws IOException {
        SweepSettings grid = settings(List.of(SweepMode.CICT, SweepMode.CINT), List.of(4, 8), 3, 0.02, 30, 60);
        // With the infinite-width baseline, computed on the driver beside the runs.
        SweepSettings s = new SweepSettings(grid.seed(), grid.protocols(), grid.activations(), grid.modes(), grid.widths(),
                grid.depths(), grid.runsPerConfiguration(), grid.cutoffMev(), grid.outlierIqrFactor(), true, 1e-6, 0, grid.wideRuns());
        Path reference = dir.resolve("two-cores");
        SparkSession two = TestSpark.session();
        sweep(two, s, reference);
        List<String> tables = SweepJob.tables(s);
        assertTrue(tables.contains("kernel_predictions"));
        // Width 8 as wide runs of two threads: in local mode a stage of their own, one at a time on two cores.
        Path wide = dir.resolve("wide");
        sweep(two, withWideRuns(s, new WideRuns(8, 2)), wide);

        // Interrupted: only some runs had finished (their checkpoints exist), one was being written.
        Path resumed = dir.resolve("resumed");
        Path checkpoints = Files.createDirectories(resumed.resolve(RunCheckpoint.DIRECTORY));
        List<Path> done;
        try (var files = Files.list(reference.resolve(RunCheckpoint.DIRECTORY))) {
            done = files.filter(p -> p.toString().endsWith(".run")).sorted().toList();
        }
        for (int i = 0; i < done.size(); i += 2) {
            Files.copy(done.get(i), checkpoints.resolve(done.get(i).getFileName()));
        }
        Files.writeString(checkpoints.resolve("." + done.get(1).getFileName() + ".partial.tmp"), "half a file");
        two.stop();

        SparkSession one = SparkSessions.create("annft tests, one core", "local[1]", false);
        Path oneCore = dir.resolve("one-core");
        sweep(one, s, oneCore);
        SweepJob.Summary resumedSummary = sweep(one, s, resumed);
        assertEquals(done.size() / 2, resumedSummary.runsTrained(), "only the unfinished runs are trained");
        for (String t : tables) {
            // Wall-clock seconds are the only column that may differ between two trainings of a run.
            String[] drop = t.equals("runs") ? new String[] {"seconds"} : new String[0];
            List<Row> expected = table(one, reference, t, drop);
            assertEquals(expected, table(one, oneCore, t, drop), t + ": one core vs two");
            assertEquals(expected, table(one, resumed, t, drop), t + ": resumed vs uninterrupted");
            // The gemm column names the threads.
            String[] dropGemm = t.equals("runs") ? new String[] {"seconds", "gemm"} : new String[0];
            assertEquals(table(one, reference, t, dropGemm), table(one, wide, t, dropGemm), t + ": wide runs on two threads");
        }
        for (Row r : table(one, wide, "runs")) {
            assertEquals(r.<Integer>getAs("width") == 8, r.<String>getAs("gemm").endsWith(", 2 threads"), r.toString());
        }
        // The baseline exists for CICT only: CINT's global rates have no infinite-width limit.
        List<Row> kernel = table(one, reference, "kernel_predictions");
        assertEquals(3L * table(one, reference, "dataset").size(), kernel.size());
        assertTrue(kernel.stream().allMatch(r -> r.getAs("mode").equals("cict")));
        one.stop();
    }

    private static SweepSettings withWideRuns(SweepSettings s, WideRuns wide) {
        return new SweepSettings(s.seed(), s.protocols(), s.activations(), s.modes(), s.widths(), s.depths(),
                s.runsPerConfiguration(), s.cutoffMev(), s.outlierIqrFactor(), s.kernelBaseline(), s.kernelRidge(),
                s.checkpointSeconds(), wide);
    }

    private static SweepSettings withCheckpoints(SweepSettings s, double seconds) {
        return new SweepSettings(s.seed(), s.protocols(), s.activations(), s.modes(), s.widths(), s.depths(),
                s.runsPerConfiguration(), s.cutoffMev(), s.outlierIqrFactor(), s.kernelBaseline(), s.kernelRidge(), seconds, s.wideRuns());
    }

    private static List<String> states(Path out) throws IOException {
        try (var files = Files.list(out.resolve(RunCheckpoint.DIRECTORY))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".state")).toList();
        }
    }

    /** Thrown right after a run saved its state: the task that trained it is lost there. */
    private static final class Killed extends RuntimeException {
    }

    /**
     * Mid-run states. A sweep that saves after every epoch ends with the tables of one that saves
     * none, and leaves no state behind. A run whose task was lost right after saving its state at
     * epoch 12 (its files as the lost task left them) continues from that state when the sweep runs
     * again, while a state cut short and another run's state put in a run's place are not resumed;
     * the tables equal the uninterrupted sweep's. SGD with mini-batches and Adam, NTK recorded.
     */
    @Test
    void aRunLostAfterAMidRunSaveContinuesFromItsStateToTheSameTables() throws IOException {
        SparkSession spark = TestSpark.session();
        SweepSettings plain = settings(List.of(SweepMode.CICT, SweepMode.ADAM_CINT), List.of(6), 2, 0.02, 30, 1e9);
        Path reference = dir.resolve("uninterrupted");
        sweep(spark, plain, reference);

        Path saving = dir.resolve("saving");
        StringWriter log = new StringWriter();
        SweepJob.Summary everyEpoch = sweep(spark, withCheckpoints(plain, 1e-9), data, saving, log);
        assertEquals(0, everyEpoch.runsResumed());
        // After every epoch but the last: 4 runs of 30 epochs.
        assertTrue(log.toString().contains("sweep: 116 mid-run states saved, "), log.toString());
        assertEquals(List.of(), states(saving));

        Path lost = dir.resolve("lost");
        Path directory = Files.createDirectories(lost.resolve(RunCheckpoint.DIRECTORY));
        List<TrainingRun> runs = plain.runs();
        TrainingRun adam = runs.get(2);
        assertEquals(SweepMode.ADAM_CINT, adam.mode());
        String identity = SweepJob.identity(adam, plain.seed(), data.fingerprint());
        String name = RunCheckpoint.fileName(adam, identity);
        MidRunCheckpoints saver = new MidRunCheckpoints(directory.toUri().toString(), name, identity,
                adam.network(data.inputWidth()).architecture(), 1e-9, new org.apache.hadoop.conf.Configuration(),
                System.err);
        assertThrows(Killed.class, () -> adam.execute(data, plain.seed(), org.annft.linalg.Gemm.blas(), e -> { },
                new org.annft.train.TrainingCheckpoints() {
                    @Override
                    public org.annft.train.TrainingState resume() {
                        return saver.resume();
                    }

                    @Override
                    public boolean due(int epoch) {
                        return epoch == 12;
                    }

                    @Override
                    public void save(org.annft.train.TrainingState state) {
                        saver.save(state);
                        throw new Killed();
                    }
                }));
        Path saved = directory.resolve(RunState.fileName(name, 12));
        assertTrue(Files.exists(saved));
        TrainingRun other = runs.get(0);
        String otherName = RunCheckpoint.fileName(other, SweepJob.identity(other, plain.seed(), data.fingerprint()));
        Files.copy(saved, directory.resolve(RunState.fileName(otherName, 12)));
        TrainingRun third = runs.get(1);
        String thirdName = RunCheckpoint.fileName(third, SweepJob.identity(third, plain.seed(), data.fingerprint()));
        Files.writeString(directory.resolve(RunState.fileName(thirdName, 20)), "cut short");

        SweepJob.Summary resumed = sweep(spark, plain, lost);
        assertEquals(4, resumed.runsTrained());
        assertEquals(1, resumed.runsResumed(), "only the lost run's own state is resumed");
        assertEquals(List.of(), states(lost));
        for (String t : SweepJob.tables(plain)) {
            String[] drop = t.equals("runs") ? new String[] {"seconds"} : new String[0];
            List<Row> expected = table(spark, reference, t, drop);
            assertEquals(expected, table(spark, saving, t, drop), t + ": saving after every epoch");
            assertEquals(expected, table(spark, lost, t, drop), t + ": a run resumed from its state");
        }
    }

    private static Path crc(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".crc");
    }

    /**
     * Checkpoints damaged in three ways (truncated, garbage, another run's valid file copied over)
     * are reported, deleted and trained again; the tables end as an undisturbed sweep's. A data set
     * with one binding energy changed reuses no checkpoint.
     */
    @Test
    void damagedOrForeignCheckpointsAreRetrainedAndChangedDataReusesNothing() throws IOException {
        SparkSession spark = TestSpark.session();
        SweepSettings s = settings(List.of(SweepMode.CICT), List.of(4, 8), 2, 0.02, 20, 1e9);
        Path out = dir.resolve("faults");
        sweep(spark, s, out);
        List<Row> reference = table(spark, out, "runs", "seconds");
        List<Row> referencePredictions = table(spark, out, "predictions");
        List<Path> files;
        try (var list = Files.list(out.resolve(RunCheckpoint.DIRECTORY))) {
            files = list.filter(p -> p.toString().endsWith(".run")).sorted().toList();
        }
        assertEquals(4, files.size());
        byte[] whole = Files.readAllBytes(files.get(0));
        Files.write(files.get(0), Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(files.get(1), "not a checkpoint at all");
        // Another run's checkpoint copied over one, with its checksum file (Hadoop's local file system
        // keeps one beside each file; HDFS and S3 do not), so that only the identity tells them apart.
        Files.copy(files.get(3), files.get(2), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(crc(files.get(3)), crc(files.get(2)), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        StringWriter progress = new StringWriter();
        SweepJob.Summary again = sweep(spark, s, data, out, progress);
        assertEquals(3, again.runsTrained(), progress.toString());
        String log = progress.toString();
        assertEquals(2, log.split("is damaged", -1).length - 1, log);
        assertEquals(1, log.split("belongs to another run", -1).length - 1, log);
        assertEquals(reference, table(spark, out, "runs", "seconds"));
        assertEquals(referencePredictions, table(spark, out, "predictions"));

        // One binding energy changed by 1 keV: a different data set, so every run trains again.
        BindingEnergyDataSet changed = liquidDrop(dir.resolve("changed.txt"), 1.0);
        assertFalse(changed.fingerprint().equals(data.fingerprint()));
        assertEquals(4, sweep(spark, s, changed, out, new StringWriter()).runsTrained());
    }
}
