package org.annft.predict;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.annft.config.BadInputException;
import org.annft.spark.SparkTables;
import org.annft.table.ResultTables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The uncertainty calibrations fitted on the edge isotopes of a sweep trained with
 * {@code data.holdout.edge-isotopes}: its kept networks predict the nuclides its table
 * {@code dataset} marks {@code split = edge}, and per configuration both {@link CalibrationMethod}s
 * are fitted on those predictions against the measured binding energies ({@link UncertaintyCalibration}).
 * One method is the one applied; table {@code calibration} holds both.
 */
public final class EdgeCalibration {

    private final String directory;
    private final CalibrationMethod method;
    private final Map<String, EnumMap<CalibrationMethod, UncertaintyCalibration>> byConfiguration;

    private EdgeCalibration(String directory, CalibrationMethod method,
                            Map<String, EnumMap<CalibrationMethod, UncertaintyCalibration>> byConfiguration) {
        this.directory = directory;
        this.method = method;
        this.byConfiguration = byConfiguration;
    }

    /**
     * Fits the calibrations of the networks under {@code dir} that match {@code selection}.
     *
     * @throws BadInputException if the directory has no table dataset, no edge isotope, too few of
     *     them for a calibration, or no kept network
     */
    public static EdgeCalibration fit(SparkSession spark, String dir, Map<String, String> selection,
                                      CalibrationMethod method) {
        EnsemblePredictions.check(dir, selection);
        List<Row> edges = EnsemblePredictions.read(spark, dir, "dataset")
                .orElseThrow(() -> new BadInputException("--calibration " + dir + ": no table 'dataset'"))
                .where("split = 'edge'").select("z", "n", "binding_energy_mev", "distance").orderBy("z", "n")
                .collectAsList();
        if (edges.size() < UncertaintyCalibration.MIN_GROUP) {
            throw new BadInputException("--calibration " + dir + ": " + edges.size() + " edge isotopes, a calibration needs "
                    + "at least " + UncertaintyCalibration.MIN_GROUP + " (a sweep with data.holdout.edge-isotopes > 0)");
        }
        int[][] zn = edges.stream().map(r -> new int[] {r.getInt(0), r.getInt(1)}).toArray(int[][]::new);
        EnsemblePredictions.Evaluation evaluation = EnsemblePredictions.evaluate(spark, dir, selection, zn,
                EnsemblePredictions.LOCAL_LIMIT_BYTES);
        Map<String, EnumMap<CalibrationMethod, UncertaintyCalibration>> fitted = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : evaluation.byConfiguration().entrySet()) {
            List<HeldOutPrediction> heldOut = new ArrayList<>();
            for (int i = 0; i < zn.length; i++) {
                EnsemblePredictions.Statistics s = EnsemblePredictions.statistics(e.getValue(), i);
                heldOut.add(new HeldOutPrediction(edges.get(i).getInt(3), s.mean(), s.std(), edges.get(i).getDouble(2)));
            }
            EnumMap<CalibrationMethod, UncertaintyCalibration> methods = new EnumMap<>(CalibrationMethod.class);
            for (CalibrationMethod m : CalibrationMethod.values()) {
                methods.put(m, UncertaintyCalibration.fit(m, heldOut));
            }
            fitted.put(e.getKey(), methods);
        }
        return new EdgeCalibration(dir, method, fitted);
    }

    /** Whether the table {@code dataset} under {@code dir} holds enough edge isotopes for a calibration. */
    public static boolean hasEdges(SparkSession spark, String dir) {
        return EnsemblePredictions.read(spark, dir, "dataset")
                .map(d -> d.where("split = 'edge'").count() >= UncertaintyCalibration.MIN_GROUP).orElse(false);
    }

    /** The applied method's calibration of a configuration (its tab-separated key), if fitted. */
    Optional<UncertaintyCalibration> chosen(String configuration) {
        return Optional.ofNullable(byConfiguration.get(configuration)).map(m -> m.get(method));
    }

    /** Whether any of {@code configurations} has a calibration here. */
    public boolean covers(java.util.Collection<String> configurations) {
        return configurations.stream().anyMatch(byConfiguration::containsKey);
    }

    /** The method applied and where it was fitted, as column {@code ensemble_predictions.calibration} says it. */
    String description() {
        return method.configName() + ", fitted on the edge isotopes of " + directory;
    }

    /** The rows of table {@code calibration}: per configuration, method, level and distance group. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, EnumMap<CalibrationMethod, UncertaintyCalibration>> e : byConfiguration.entrySet()) {
            String[] key = e.getKey().split("\t");
            // Methods in the table's order (by name), then levels, then distance groups.
            for (UncertaintyCalibration c : e.getValue().values().stream()
                    .sorted(java.util.Comparator.comparing(c -> c.method().configName())).toList()) {
                for (int l = 0; l < UncertaintyCalibration.LEVELS.size(); l++) {
                    for (UncertaintyCalibration.Group g : c.groups()) {
                        rows.add(SparkTables.row(ResultTables.CALIBRATION, key[0], key[1], key[2], Integer.parseInt(key[3]),
                                Integer.parseInt(key[4]), c.method().configName(), UncertaintyCalibration.LEVELS.get(l),
                                g.from(), g.to(), g.nuclides(), g.factors()[l], g.coverage()[l], c.method() == method,
                                directory));
                    }
                }
            }
        }
        return rows;
    }
}
