package org.annft.data;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.annft.config.AnnftConfig;
import org.annft.config.Seeds;
import org.annft.config.Setting;

/**
 * Where a job's binding-energy data comes from: the AME2020 table (located as
 * {@link MassTableLocator} describes) and the {@code data.*} settings that cut the data set from it.
 */
public record DataSource(Optional<String> amePath, DataSetSpec spec) {

    /** A nuclide's proton number, as a field of the nuclide lists of the settings ({z = 26, n = 30}). */
    public static final Setting.Field<Integer> Z = Setting.Field.integer("z", 0, 200);
    /** A nuclide's neutron number, as a field of the nuclide lists of the settings. */
    public static final Setting.Field<Integer> N = Setting.Field.integer("n", 0, 400);

    public static final Setting<String> AME = Setting.text("data.ame", "").meaning("""
            Path of the AME2020 table mass_1.mas20.txt. Empty: the environment variable
            ANNFT_AME2020, then data/mass_1.mas20.txt under the working directory, then the one the
            repository ships (--ame PATH takes precedence over all).
            """);
    public static final Setting<Subset> SUBSET = Setting.named("data.subset", Subset::parse, "all").meaning("""
            all: every nuclide (3558); experimental: binding energy not estimated (2550).
            """);
    public static final Setting<Integer> MIN_Z = Setting.integer("data.min-z", 0, 1000, 0).meaning("""
            Keep nuclides with Z, N, A at least these (0 keeps all).
            """);
    public static final Setting<Integer> MIN_N = Setting.integer("data.min-n", 0, 1000, 0);
    public static final Setting<Integer> MIN_A = Setting.integer("data.min-a", 0, 2000, 0);
    public static final Setting<InputFeatures> INPUTS = Setting.named("data.inputs", InputFeatures::parse, "zn").meaning("""
            Network inputs: zn = (Z, N); zn-pairing = (Z, N, Z0, N0) with the unscaled pairing flags
            Z0 = Z mod 2, N0 = N mod 2 (paper Sec. V). Z and N are MinMax scaled over the selected set.
            """);
    public static final Setting<Double> TEST_FRACTION = Setting.number("data.test-fraction", 0.0, 0.99, 0.0).meaning("""
            Fraction of the selected nuclides held out as a test set, in [0, 1). The paper trains on all.
            """);

    public static final Setting<Integer> EDGE_ISOTOPES = Setting.integer("data.holdout.edge-isotopes", 0, 100, 0)
            .meaning("""
            Hold out the k outermost isotopes of each element on the neutron-deficient and on the
            neutron-rich side (at most (c - 1) / 2 per side of an element of c isotopes, so each keeps one),
            to measure and calibrate extrapolation (docs/extrapolation.md); table dataset marks them
            split = edge. 0 holds none out. The random test set (test-fraction) is drawn from the rest.
            """);

    /** Reads the {@code data.*} keys and {@code seed} (which seeds the train/test split). */
    public static DataSource fromConfig(AnnftConfig config) {
        DataSetSpec spec = new DataSetSpec(SUBSET.read(config), MIN_Z.read(config), MIN_N.read(config),
                MIN_A.read(config), INPUTS.read(config), TEST_FRACTION.read(config), Seeds.MASTER.read(config),
                EDGE_ISOTOPES.read(config));
        return new DataSource(Optional.of(AME.read(config)).filter(s -> !s.isBlank()), spec);
    }

    /** The table's path by the lookup order. */
    public Path tablePath() {
        return MassTableLocator.locate(amePath);
    }

    /** Reads the table, reports its warnings, and builds the data set. */
    public BindingEnergyDataSet load(Consumer<String> warnings) {
        MassTable table = Ame2020Reader.read(tablePath());
        table.warnings().forEach(warnings);
        return BindingEnergyDataSet.build(table, spec);
    }
}
