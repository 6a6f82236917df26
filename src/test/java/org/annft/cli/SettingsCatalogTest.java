package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.annft.config.AnnftConfig;
import org.annft.config.InvalidSettingException;
import org.annft.config.Setting;
import org.junit.jupiter.api.Test;

/** Each configuration key is declared once, in the code that reads it; conf/reference.conf is rendered from them. */
class SettingsCatalogTest {

    @Test
    void theReferenceFileIsTheRenderedDeclarations() throws IOException {
        String file = Files.readString(Path.of("conf/reference.conf"));
        assertEquals(SettingsCatalog.referenceConfiguration(), file,
                "conf/reference.conf is stale: regenerate it with `jobs/annft settings > conf/reference.conf`");
    }

    @Test
    void everyKeyIsDeclaredOnceAndReadsItsOwnDefault() {
        Set<String> declared = new HashSet<>();
        AnnftConfig defaults = AnnftConfig.defaults();
        for (Setting<?> s : SettingsCatalog.settings()) {
            assertTrue(declared.add(s.key()), "declared twice: " + s.key());
            s.read(defaults);
        }
        Set<String> leaves = new TreeSet<>();
        for (Map.Entry<String, com.typesafe.config.ConfigValue> e
                : ConfigFactory.parseString(SettingsCatalog.referenceConfiguration()).entrySet()) {
            leaves.add(e.getKey());
        }
        assertEquals(leaves, new TreeSet<>(declared), "the rendered file holds exactly the declared keys");
    }

    /**
     * Declaring a setting registers it: the catalog finds the settings of every package that reads
     * some, private declarations included, each as the very object the code reads.
     */
    @Test
    void settingsAreFoundWhereTheyAreDeclared() {
        List<Setting<?>> found = SettingsCatalog.settings();
        for (Setting<?> s : List.of(org.annft.sweep.TrainingProtocol.BATCH_SIZE, org.annft.data.DataSource.AME,
                org.annft.ensemble.EnsembleSettings.INPUTS, org.annft.config.Seeds.MASTER, InitEnsembleCommand.PARTITIONS,
                org.annft.sweep.SweepSettings.CUTOFF_MEV, Job.EXPERIMENT)) {
            assertTrue(found.stream().anyMatch(f -> f == s), s.key() + " is not in the catalog");
        }
        List<String> topLevels = found.stream().map(s -> s.key().split("\\.")[0]).distinct().toList();
        assertEquals(topLevels.stream().sorted().toList(), topLevels, "top-level keys in alphabetical order, each once");
    }

    /** A range declared with the key is enforced where the key is read, naming it. */
    @Test
    void declaredRangesAreChecked() {
        AnnftConfig c = AnnftConfig.load(Optional.empty(), List.of("sweep.depths = [1]", "train.batch-size = -1"));
        InvalidSettingException depths = assertThrows(InvalidSettingException.class,
                () -> org.annft.sweep.SweepSettings.DEPTHS.read(c));
        assertTrue(depths.getMessage().contains("sweep.depths") && depths.getMessage().contains("[2, 1000]"),
                depths.getMessage());
        InvalidSettingException batch = assertThrows(InvalidSettingException.class,
                () -> org.annft.sweep.TrainingProtocol.BATCH_SIZE.read(c));
        assertTrue(batch.getMessage().contains("train.batch-size"), batch.getMessage());
    }

    /** A grid axis that names a value twice is bad input naming the key and the value. */
    @Test
    void gridAxesRefuseRepeatedValues() {
        AnnftConfig c = AnnftConfig.load(Optional.empty(), List.of("sweep.widths = [8, 8]",
                "sweep.modes = [\"cict\", \"cict\"]", "ensemble.c-w = [2.0, 1.0, 2.0]"));
        for (org.annft.config.Setting<?> s : List.of(org.annft.sweep.SweepSettings.WIDTHS,
                org.annft.sweep.SweepSettings.MODES, org.annft.ensemble.EnsembleSettings.C_W)) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> s.read(c));
            assertTrue(e.getMessage().contains(s.key()) && e.getMessage().contains("twice"), e.getMessage());
        }
        assertEquals(List.of(8, 16), org.annft.sweep.SweepSettings.WIDTHS.read(
                AnnftConfig.load(Optional.empty(), List.of("sweep.widths = [8, 16]"))));
    }
}
