package org.annft.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.annft.config.AnnftConfig;
import org.annft.data.BindingEnergyDataSet;
import org.annft.data.DataSource;
import org.annft.data.Nuclide;
import org.annft.theory.Activations;

/**
 * The {@code ensemble.*} settings, validated, and the grid of configurations they span:
 * activations x C_W x C_b x widths x hidden layers, in that nesting order.
 */
public record EnsembleSettings(long seed, long samples, SamplerKind sampler, int chunkSize, List<String> activations,
                               List<Double> cW, List<Double> cB, List<Integer> widths, List<Integer> hiddenLayers,
                               List<double[]> inputs, List<String> inputLabels, int bins, double rangeSigmas,
                               long keepSamples) implements java.io.Serializable {

    public EnsembleSettings {
        activations = List.copyOf(activations);
        inputs = inputs.stream().map(double[]::clone).toList();
        inputLabels = List.copyOf(inputLabels);
    }

    /**
     * Reads and validates the settings. Nuclide inputs are looked up in the AME2020 table and
     * scaled with the data set's MinMax scaler; raw inputs need no table.
     */
    public static EnsembleSettings fromConfig(AnnftConfig c, java.util.function.Consumer<String> warnings) {
        List<String> activations = c.parsedList("ensemble.activations", a -> {
            Activations.parse(a); // checks the name; the ensemble keeps it as written
            return a;
        });
        SamplerKind sampler = c.parsed("ensemble.sampler", SamplerKind::parse);
        List<double[]> inputs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<double[]> raw = c.numberMatrix("ensemble.raw-inputs");
        if (!raw.isEmpty()) {
            for (double[] x : raw) {
                if (x.length != raw.get(0).length) {
                    throw c.problem("ensemble.raw-inputs", "all inputs must have the same width");
                }
                inputs.add(x);
                labels.add(java.util.Arrays.toString(x));
            }
        } else {
            List<AnnftConfig> nuclides = c.objectList("ensemble.inputs");
            if (nuclides.isEmpty()) {
                throw c.problem("ensemble.inputs", "give at least one nuclide {z = .., n = ..} or set ensemble.raw-inputs");
            }
            BindingEnergyDataSet data = DataSource.fromConfig(c).load(warnings);
            for (AnnftConfig nuclide : nuclides) {
                int z = nuclide.intIn("z", 0, 200);
                int n = nuclide.intIn("n", 0, 400);
                Nuclide x = data.nuclides().stream().filter(m -> m.z() == z && m.n() == n).findFirst()
                        .orElseThrow(() -> c.problem("ensemble.inputs", "no nuclide Z=" + z + " N=" + n + " in the data set"));
                inputs.add(data.scaledInputs(x));
                labels.add(x.label());
            }
        }
        return new EnsembleSettings(c.longValue("seed"), c.intIn("ensemble.samples", 1, Integer.MAX_VALUE), sampler,
                c.positiveInt("ensemble.chunk-size"), activations,
                c.doubleList("ensemble.c-w", Double.MIN_VALUE, 1e6), c.doubleList("ensemble.c-b", 0, 1e6),
                c.intList("ensemble.widths", 1, 1_000_000), c.intList("ensemble.hidden-layers", 1, 10_000),
                inputs, labels, c.intIn("ensemble.histogram.bins", 1, 100_000),
                c.doubleIn("ensemble.histogram.range-sigmas", 1e-3, 1e3),
                c.intIn("ensemble.keep-samples", 0, 10_000_000));
    }

    /** The grid, with ids in nesting order. */
    public List<EnsembleConfiguration> configurations() {
        double[][] x = inputs.toArray(double[][]::new);
        List<EnsembleConfiguration> out = new ArrayList<>();
        for (String a : activations) {
            for (double w : cW) {
                for (double b : cB) {
                    for (int n : widths) {
                        for (int l : hiddenLayers) {
                            out.add(new EnsembleConfiguration(out.size(), a, w, b, n, l, x, sampler));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The chunk tasks, chunk-major (all configurations' chunk 0, then chunk 1, ...) so that any
     * contiguous slice mixes cheap and expensive configurations.
     */
    public List<ChunkTask> tasks(List<EnsembleConfiguration> configurations) {
        long chunks = (samples + chunkSize - 1) / chunkSize;
        List<ChunkTask> out = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            long first = (long) chunk * chunkSize;
            int size = (int) Math.min(chunkSize, samples - first);
            for (EnsembleConfiguration c : configurations) {
                out.add(new ChunkTask(c.id(), chunk, first, size,
                        org.annft.config.Seeds.derive(seed, c.key(), chunk)));
            }
        }
        return out;
    }
}
