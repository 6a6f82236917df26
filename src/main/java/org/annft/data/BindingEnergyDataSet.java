package org.annft.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A binding-energy data set: the selected nuclides, their MinMax-scaled inputs (row-major,
 * {@code size x inputWidth}), their total binding energies in MeV, and their split: the edge
 * isotopes {@link EdgeHoldout} holds out, then a seeded random test set of the rest, the others
 * trained on.
 * The scaler is fitted on the whole selected set (paper Eq. 40), so every nuclide, in or out of the
 * set, can be mapped with {@link #scaledInputs(Nuclide)}. Immutable.
 */
public final class BindingEnergyDataSet implements java.io.Serializable {

    private final DataSetSpec spec;
    private final List<Nuclide> nuclides;
    private final MinMaxScaler scaler;
    private final double[] inputs;
    private final double[] targetsMev;
    private final Split[] split;
    private final BaselineFits[] baselineFits;

    private BindingEnergyDataSet(DataSetSpec spec, List<Nuclide> nuclides, MinMaxScaler scaler,
                                 double[] inputs, double[] targetsMev, Split[] split) {
        this.spec = spec;
        this.nuclides = nuclides;
        this.scaler = scaler;
        this.inputs = inputs;
        this.targetsMev = targetsMev;
        this.split = split;
        boolean[] train = new boolean[split.length];
        int trainCount = 0;
        for (int i = 0; i < split.length; i++) {
            train[i] = split[i] == Split.TRAIN;
            trainCount += train[i] ? 1 : 0;
        }
        this.baselineFits = new BaselineFits[Target.values().length];
        for (Target target : Target.values()) {
            // Too few nuclides to determine the linear fit: no baseline (NaN) rather than no data set.
            baselineFits[target.ordinal()] = trainCount > spec.inputs().width()
                    ? BaselineFits.fit(inputs, spec.inputs().width(), targets(target), nucleonsPerTarget(target), train)
                    : new BaselineFits(Double.NaN, Double.NaN);
        }
    }

    /**
     * SHA-256 (hex) of what a training sees: the spec, and per nuclide Z, N, the scaled inputs, the
     * target and the split, bit for bit. Any changed value of the table that enters the set
     * changes it.
     */
    public String fingerprint() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
            sha.update(spec.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            int width = spec.inputs().width();
            for (int i = 0; i < nuclides.size(); i++) {
                b.clear();
                sha.update(b.putInt(nuclides.get(i).z()).putInt(nuclides.get(i).n()).array());
                for (int j = 0; j < width; j++) {
                    b.clear();
                    sha.update(b.putDouble(inputs[i * width + j]).array());
                }
                b.clear();
                sha.update(b.putDouble(targetsMev[i]).array());
                sha.update((byte) split[i].ordinal());
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * The linear and constant fits of {@code target} on the training nuclides, as RMSDs of total B, for
     * comparison with networks trained on that target.
     */
    public BaselineFits baselineFits(Target target) {
        return baselineFits[target.ordinal()];
    }

    /** Selects nuclides from the table according to the spec and fits the scaler on them. */
    public static BindingEnergyDataSet build(MassTable table, DataSetSpec spec) {
        List<Nuclide> selected = table.nuclides().stream().filter(spec::accepts).toList();
        if (selected.isEmpty()) {
            throw new org.annft.config.BadInputException("the data selection (" + spec + ") keeps no nuclide of " + table.source());
        }
        InputFeatures features = spec.inputs();
        List<double[]> raw = new ArrayList<>(selected.size());
        for (Nuclide x : selected) {
            raw.add(features.rawInputs(x));
        }
        MinMaxScaler scaler = MinMaxScaler.fit(raw);
        int width = features.width();
        double[] inputs = new double[selected.size() * width];
        double[] targets = new double[selected.size()];
        for (int i = 0; i < selected.size(); i++) {
            double[] row = raw.get(i);
            for (int j = 0; j < width; j++) {
                inputs[i * width + j] = j < InputFeatures.SCALED_COLUMNS ? scaler.scale(j, row[j]) : row[j];
            }
            targets[i] = selected.get(i).bindingEnergyMev();
        }
        boolean[] edge = EdgeHoldout.mask(selected, spec.edgeIsotopes());
        Split[] split = new Split[selected.size()];
        int[] rest = java.util.stream.IntStream.range(0, split.length).filter(i -> !edge[i]).toArray();
        boolean[] test = testMask(rest.length, spec.testFraction(), spec.splitSeed());
        Arrays.fill(split, Split.EDGE);
        for (int j = 0; j < rest.length; j++) {
            split[rest[j]] = test[j] ? Split.TEST : Split.TRAIN;
        }
        if (rest.length == 0 || Arrays.stream(split).noneMatch(s -> s == Split.TRAIN)) {
            throw new org.annft.config.BadInputException("the data selection (" + spec + ") leaves no nuclide to train on");
        }
        return new BindingEnergyDataSet(spec, selected, scaler, inputs, targets, split);
    }

    /** Marks round(fraction * size) nuclides as test, chosen by a seeded Fisher-Yates shuffle. */
    private static boolean[] testMask(int size, double fraction, long seed) {
        boolean[] mask = new boolean[size];
        int testCount = (int) Math.round(fraction * size);
        if (testCount == 0) {
            return mask;
        }
        int[] order = new int[size];
        Arrays.setAll(order, i -> i);
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < testCount; i++) {
            mask[order[i]] = true;
        }
        return mask;
    }

    public DataSetSpec spec() {
        return spec;
    }

    public int size() {
        return nuclides.size();
    }

    public int inputWidth() {
        return spec.inputs().width();
    }

    public List<Nuclide> nuclides() {
        return nuclides;
    }

    public Nuclide nuclide(int i) {
        return nuclides.get(i);
    }

    public MinMaxScaler scaler() {
        return scaler;
    }

    /** Scaled input j of nuclide i. */
    public double input(int i, int j) {
        return inputs[i * inputWidth() + j];
    }

    /** Total binding energy of nuclide i in MeV. */
    public double targetMev(int i) {
        return targetsMev[i];
    }

    /** A copy of the targets (total binding energies in MeV). */
    public double[] targetsMev() {
        return targetsMev.clone();
    }

    /** {@code target} of nuclide i in MeV (per nucleon for B/A). */
    public double target(Target target, int i) {
        return target == Target.BINDING_ENERGY ? targetsMev[i] : target.value(nuclides.get(i));
    }

    /** {@code target}'s factor to total binding energy for nuclide i: 1 for B, A for B/A. */
    public double nucleonsPerTarget(Target target, int i) {
        return target.nucleonsPerTarget(nuclides.get(i).z(), nuclides.get(i).n());
    }

    private double[] targets(Target target) {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = target(target, i);
        }
        return out;
    }

    private double[] nucleonsPerTarget(Target target) {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nucleonsPerTarget(target, i);
        }
        return out;
    }

    /** Whether nuclide i is held out of training (a random test nuclide or an edge isotope). */
    public boolean isTest(int i) {
        return split[i] != Split.TRAIN;
    }

    /** What nuclide i is for. */
    public Split split(int i) {
        return split[i];
    }

    /** The nuclides held out of training, at random or at an edge. */
    public int testCount() {
        int c = 0;
        for (Split s : split) {
            c += s != Split.TRAIN ? 1 : 0;
        }
        return c;
    }

    /** The edge isotopes held out ({@link EdgeHoldout}). */
    public int edgeCount() {
        return (int) Arrays.stream(split).filter(s -> s == Split.EDGE).count();
    }

    /** The network input of any nuclide under this data set's features and scaler. */
    public double[] scaledInputs(Nuclide nuclide) {
        return spec.inputs().scaledInputs(nuclide.z(), nuclide.n(), scaler);
    }
}
