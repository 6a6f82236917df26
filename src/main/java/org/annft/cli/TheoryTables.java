package org.annft.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.annft.spark.ResultStore;
import org.annft.spark.SparkTables;
import org.annft.table.ResultTables;
import org.annft.theory.Architecture;
import org.annft.theory.DepthRecursion;
import org.annft.theory.Initialization;
import org.annft.theory.LayerKernelMatrix;
import org.annft.theory.LayerTheory;
import org.annft.theory.LearningRates;
import org.annft.theory.TheoryProfile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The output of {@code annft theory kernel}: per-input layer tables and the k x k kernels, printed or as Parquet. */
final class TheoryTables {

    /** Table name: one row per input and layer. */
    /** Table name: one row per layer and input pair a &lt;= b. */

    private final Architecture architecture;
    private final double[][] inputs;
    private final List<TheoryProfile> profiles;
    private final List<LayerKernelMatrix> matrices;

    private TheoryTables(Architecture architecture, double[][] inputs, List<TheoryProfile> profiles,
                         List<LayerKernelMatrix> matrices) {
        this.architecture = architecture;
        this.inputs = inputs;
        this.profiles = profiles;
        this.matrices = matrices;
    }

    static TheoryTables compute(Architecture architecture, double[][] inputs, LearningRates rates) {
        List<TheoryProfile> profiles = new ArrayList<>();
        for (double[] x : inputs) {
            profiles.add(DepthRecursion.singleInput(architecture, x, rates));
        }
        return new TheoryTables(architecture, inputs, profiles, DepthRecursion.kernelMatrices(architecture, inputs, rates));
    }

    /**
     * Parses {@code x1,x2[;x1,x2...]}.
     *
     * @throws IllegalArgumentException naming {@code --input} and the offending part
     */
    static double[][] parseInputs(String text) {
        if (text == null || text.isBlank()) {
            throw new org.annft.config.BadInputException("--input is empty; expected x1,x2[;x1,x2...]");
        }
        String[] parts = text.split(";", -1);
        double[][] inputs = new double[parts.length][];
        for (int a = 0; a < parts.length; a++) {
            String[] components = parts[a].split(",", -1);
            inputs[a] = new double[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    inputs[a][i] = Double.parseDouble(components[i].trim());
                } catch (NumberFormatException e) {
                    throw new org.annft.config.BadInputException("--input '" + text + "': component '" + components[i].trim()
                            + "' of input " + (a + 1) + " is not a number; expected x1,x2[;x1,x2...]");
                }
                if (!Double.isFinite(inputs[a][i])) {
                    throw new org.annft.config.BadInputException("--input '" + text + "': component '" + components[i].trim()
                            + "' of input " + (a + 1) + " is not finite");
                }
            }
            if (inputs[a].length != inputs[0].length) {
                throw new org.annft.config.BadInputException("--input '" + text + "': input " + (a + 1) + " has "
                        + inputs[a].length + " components but input 1 has " + inputs[0].length);
            }
        }
        return inputs;
    }

    void print(PrintWriter out) {
        for (int a = 0; a < inputs.length; a++) {
            out.printf(Locale.ROOT, "%ninput %d: x = %s%n", a + 1, java.util.Arrays.toString(inputs[a]));
            out.printf(Locale.ROOT, "%5s %14s %14s %14s %15s %13s %17s %14s%n", "layer", "kernel", "v", "v_over_n",
                    "kurtosis_excess", "chi_parallel", "chi_perpendicular", "ntk");
            for (LayerTheory t : profiles.get(a).layers()) {
                out.printf(Locale.ROOT, "%5d %14.6e %14.6e %14.6e %15.6e %13.6f %17.6f %14.6e%n", t.layer(), t.kernel(),
                        t.fourPointVertex(), t.vertexOverWidth(), t.excessKurtosis(), t.chiParallel(),
                        t.chiPerpendicular(), t.ntk());
            }
        }
        if (inputs.length > 1) {
            out.printf(Locale.ROOT, "%nkernel K_ab and NTK Theta_ab between inputs%n");
            out.printf(Locale.ROOT, "%5s %3s %3s %14s %14s%n", "layer", "a", "b", "kernel", "ntk");
            for (LayerKernelMatrix m : matrices) {
                for (int a = 0; a < m.size(); a++) {
                    for (int b = a + 1; b < m.size(); b++) {
                        out.printf(Locale.ROOT, "%5d %3d %3d %14.6e %14.6e%n", m.layer(), a + 1, b + 1, m.kernel(a, b),
                                m.ntk(a, b));
                    }
                }
            }
        }
    }

    void write(SparkSession spark, ResultStore.Commit store) {
        List<Row> layerRows = new ArrayList<>();
        for (int a = 0; a < inputs.length; a++) {
            for (LayerTheory t : profiles.get(a).layers()) {
                Initialization init = architecture.layer(t.layer());
                layerRows.add(SparkTables.row(ResultTables.THEORY, architecture.activation().name(), init.weightVariance(),
                        init.biasVariance(), architecture.hiddenLayers(), architecture.width(), a, t.layer(), t.kernel(),
                        t.fourPointVertex(), t.vertexOverWidth(), t.fourthCumulant(), t.excessKurtosis(),
                        t.chiParallel(), t.chiPerpendicular(), t.ntk()));
            }
        }
        List<Row> matrixRows = new ArrayList<>();
        for (LayerKernelMatrix m : matrices) {
            for (int a = 0; a < m.size(); a++) {
                for (int b = a; b < m.size(); b++) {
                    matrixRows.add(SparkTables.row(ResultTables.THEORY_KERNEL_MATRIX, m.layer(), a, b, m.kernel(a, b), m.ntk(a, b)));
                }
            }
        }
        store.write(ResultTables.THEORY, spark.createDataFrame(layerRows, SparkTables.schema(ResultTables.THEORY)));
        store.write(ResultTables.THEORY_KERNEL_MATRIX,
                spark.createDataFrame(matrixRows, SparkTables.schema(ResultTables.THEORY_KERNEL_MATRIX)));
    }
}
