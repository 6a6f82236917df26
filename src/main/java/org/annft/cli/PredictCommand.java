package org.annft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.annft.config.AnnftConfig;
import org.annft.config.BadInputException;
import org.annft.data.Ame2020Reader;
import org.annft.data.DataSource;
import org.annft.data.MassTable;
import org.annft.data.Nuclide;
import org.annft.predict.EnsemblePredictions;
import org.annft.spark.ResultSetCheck;
import org.annft.table.ResultTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annft predict}: binding energies of any nuclides from the saved networks of a sweep, with
 * the spread of the ensemble as its uncertainty (table {@code ensemble_predictions}).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict binding energies of any nuclides with the saved networks of a sweep.",
            "Uses table models under --models DIR: per configuration and nuclide the mean, std, median and 5-95%%",
            "band of the networks kept by Table I's cutoff, beside AME2020's value, and the calibrated 68, 90 and 95%%",
            "intervals where a calibration is fitted (--calibration). Tables: ensemble_predictions, calibration."})
final class PredictCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--models", paramLabel = "DIR", required = true, description = "Result directory of a sweep or training.")
    Path models;

    @Option(names = "--nuclides", paramLabel = "WHICH", defaultValue = "all",
            description = "all, measured, estimated (AME2020's), a FILE of 'Z N' lines, or Z:N or names (208Pb, Pb208, Fe-56), comma-separated (default ${DEFAULT-VALUE}).")
    String nuclides;

    @Option(names = "--select", paramLabel = "KEY=VALUE,...", defaultValue = "",
            description = "Only these networks, e.g. activation=relu,mode=cict,width=120 (keys: activation, mode, protocol, width, depth, run).")
    String select;

    @Option(names = "--calibration", paramLabel = "DIR",
            description = "Result directory of a sweep trained with data.holdout.edge-isotopes, whose networks of the same configurations calibrate the intervals on its held-out edge isotopes (default: --models DIR itself when it has edge isotopes, else no calibration).")
    Path calibration;

    @Option(names = "--calibration-method", paramLabel = "conformal|inflated", defaultValue = "conformal",
            description = "The calibration the calibrated_* columns apply: conformal (split conformal per distance group) or inflated (the ensemble's std inflated per distance group, Gaussian); table calibration holds both (default ${DEFAULT-VALUE}).")
    String calibrationMethod;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            converter = FormatConverter.class,
            description = "How standard output shows the predictions: table (aligned, up to 60 rows), csv, or json (one object per line); both of the last list every row (default ${DEFAULT-VALUE}).")
    RowsText.Format format;

    /** The format's name in lower case, refused with the names it could have been. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<RowsText.Format> {
        @Override
        public RowsText.Format convert(String value) {
            for (RowsText.Format f : RowsText.Format.values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of table, csv, json");
        }
    }

    @Spec
    CommandSpec spec;

    /** Rows (configurations x nuclides) printed as a table on standard output; more go to the table only. */
    static final int MAX_LISTED = 60;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path models = CallerDirectory.resolve(this.models);
        if (!Files.isDirectory(models)) {
            throw new BadInputException("--models " + models + ": not a directory");
        }
        Map<String, String> selection = selection(select);
        org.annft.predict.CalibrationMethod method = org.annft.predict.CalibrationMethod.parse(calibrationMethod);
        Path calibrationDir = calibration == null ? null : CallerDirectory.resolve(calibration);
        if (calibrationDir != null && !Files.isDirectory(calibrationDir)) {
            throw new BadInputException("--calibration " + calibrationDir + ": not a directory");
        }
        AnnftConfig config = common.config(List.of());
        MassTable table = Ame2020Reader.read(DataSource.fromConfig(config).tablePath());
        List<EnsemblePredictions.Target> targets = targets(nuclides, table);
        EnsemblePredictions.check(models.toString(), selection);
        if (calibrationDir != null) {
            EnsemblePredictions.check(calibrationDir.toString(), selection);
            ResultSetCheck.requireTables(calibrationDir, List.of("dataset"));
        }
        err.printf(Locale.ROOT, "predict: %d nuclides with the networks under %s%s%n", targets.size(), models,
                selection.isEmpty() ? "" : " selected by " + selection);
        err.flush();
        EnsemblePredictions.Result[] result = new EnsemblePredictions.Result[1];
        String before = ResultSetCheck.state(models);
        String calibrationBefore = calibrationDir == null ? null : ResultSetCheck.state(calibrationDir);
        Job.run(common, config, "predict", List.of(ResultTables.ENSEMBLE_PREDICTIONS.name(), ResultTables.CALIBRATION.name()),
                err, (spark, out) -> {
            Path from = calibrationDir != null ? calibrationDir
                    : org.annft.predict.EdgeCalibration.hasEdges(spark, models.toString()) ? models : null;
            java.util.Optional<org.annft.predict.EdgeCalibration> fitted = from == null ? java.util.Optional.empty()
                    : java.util.Optional.of(org.annft.predict.EdgeCalibration.fit(spark, from.toString(), selection, method));
            fitted.ifPresent(c -> err.printf(Locale.ROOT, "predict: %s calibration fitted on the edge isotopes of %s%n",
                    method.configName(), from));
            result[0] = EnsemblePredictions.run(spark, models.toString(), selection, targets, out,
                    EnsemblePredictions.LOCAL_LIMIT_BYTES, fitted);
            // Checked before the commit: predictions from two result sets are never written.
            ResultSetCheck.requireUnchanged(models, before, "predict", null);
            if (calibrationDir != null) {
                ResultSetCheck.requireUnchanged(calibrationDir, calibrationBefore, "predict", null);
            }
        });
        err.printf(Locale.ROOT, "predict: %d networks%n", result[0].networks());
        err.flush();
        // A few nuclides are answered on the terminal as well; many only in the table, unless a script asks.
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case CSV -> RowsText.csv(ResultTables.ENSEMBLE_PREDICTIONS, result[0].rows(), out);
            case JSON -> RowsText.jsonLines(ResultTables.ENSEMBLE_PREDICTIONS, result[0].rows(), out);
            case TABLE -> {
                if (result[0].listing().size() - 1 <= MAX_LISTED) {
                    result[0].listing().forEach(out::println);
                }
            }
        }
        out.flush();
        return 0;
    }

    /** {@code k=v,k=v}; keys are checked by the job. */
    static Map<String, String> selection(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new BadInputException("--select '" + text + "': expected KEY=VALUE,..., got '" + part + "'");
            }
            String key = part.substring(0, eq).strip();
            if (out.put(key, part.substring(eq + 1).strip()) != null) {
                throw new BadInputException("--select '" + text + "': key '" + key + "' given twice");
            }
        }
        return out;
    }

    /** The nuclides {@code which} names, with AME2020's values where the table has them. */
    static List<EnsemblePredictions.Target> targets(String which, MassTable table) throws IOException {
        List<EnsemblePredictions.Target> out = new ArrayList<>();
        switch (which.strip()) {
            case "all", "measured", "estimated" -> {
                for (Nuclide n : table.nuclides()) {
                    if (which.strip().equals("all") || n.estimated() == which.strip().equals("estimated")) {
                        out.add(target(n.z(), n.n(), table));
                    }
                }
                return out;
            }
            default -> {
                List<String> items = new ArrayList<>();
                Path file = CallerDirectory.resolve(Path.of(which.strip()));
                if (Files.isRegularFile(file)) {
                    for (String line : Files.readAllLines(file)) {
                        String s = line.replaceAll("#.*", "").strip();
                        if (!s.isEmpty()) {
                            items.add(s);
                        }
                    }
                } else {
                    items.addAll(List.of(which.split(",")));
                }
                for (String item : items) {
                    int[] zn = nuclide(item.strip(), table);
                    out.add(target(zn[0], zn[1], table));
                }
                if (out.isEmpty()) {
                    throw new BadInputException("--nuclides '" + which + "': no nuclide");
                }
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (EnsemblePredictions.Target t : out) {
                    if (!seen.add(t.z() + ":" + t.n())) {
                        throw new BadInputException("--nuclides: Z:N " + t.z() + ":" + t.n() + " is listed twice");
                    }
                }
                return out;
            }
        }
    }

    private static final java.util.regex.Pattern NAME_FIRST = java.util.regex.Pattern.compile("(\\d+)-?([A-Za-z]{1,3})");
    private static final java.util.regex.Pattern SYMBOL_FIRST = java.util.regex.Pattern.compile("([A-Za-z]{1,3})-?(\\d+)");

    /**
     * (Z, N) of {@code Z:N} (or {@code Z N}) or of a name: mass number and element symbol either way
     * round, with or without a hyphen ({@code 208Pb}, {@code Pb208}, {@code Fe-56}); symbols are those
     * of the AME2020 table, in any case.
     */
    static int[] nuclide(String item, MassTable table) {
        String[] zn = item.split("[:\\s,]+");
        if (zn.length == 2 && zn[0].matches("\\d+") && zn[1].matches("-?\\d+")) {
            return new int[] {Integer.parseInt(zn[0]), Integer.parseInt(zn[1])};
        }
        java.util.regex.Matcher m = NAME_FIRST.matcher(item);
        java.util.regex.Matcher r = SYMBOL_FIRST.matcher(item);
        String symbol;
        String mass;
        if (m.matches()) {
            mass = m.group(1);
            symbol = m.group(2);
        } else if (r.matches()) {
            symbol = r.group(1);
            mass = r.group(2);
        } else {
            throw new BadInputException("--nuclides: '" + item + "' is not Z:N or a name such as 208Pb, Pb208 or Fe-56 "
                    + "(nor all, measured, estimated or a file)");
        }
        int z = table.nuclides().stream().filter(x -> x.element().equalsIgnoreCase(symbol)).mapToInt(Nuclide::z)
                .findFirst().orElseThrow(() -> new BadInputException("--nuclides: '" + item + "': no element '" + symbol
                        + "' in the AME2020 table"));
        int a = Integer.parseInt(mass);
        if (a < z) {
            throw new BadInputException("--nuclides: '" + item + "': mass number " + a + " is below Z = " + z);
        }
        return new int[] {z, a - z};
    }

    private static EnsemblePredictions.Target target(int z, int n, MassTable table) {
        return table.find(z, n).map(x -> new EnsemblePredictions.Target(z, n, x.element(), x.bindingEnergyMev(), x.estimated()))
                .orElseGet(() -> new EnsemblePredictions.Target(z, n, null, null, null));
    }
}
