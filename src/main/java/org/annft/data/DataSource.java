package org.annft.data;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.annft.config.AnnftConfig;

/**
 * Where a job's binding-energy data comes from: the AME2020 table (located as
 * {@link MassTableLocator} describes) and the {@code data.*} settings that cut the data set from it.
 */
public record DataSource(Optional<String> amePath, DataSetSpec spec) {

    /** Reads the {@code data.*} keys and {@code seed} (which seeds the train/test split). */
    public static DataSource fromConfig(AnnftConfig config) {
        DataSetSpec spec = new DataSetSpec(
                config.parsed("data.subset", Subset::parse),
                config.intIn("data.min-z", 0, 1000),
                config.intIn("data.min-n", 0, 1000),
                config.intIn("data.min-a", 0, 2000),
                config.parsed("data.inputs", InputFeatures::parse),
                config.doubleIn("data.test-fraction", 0.0, 0.99),
                config.longValue("seed"));
        return new DataSource(config.optionalString("data.ame"), spec);
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
