package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.annft.config.AnnftConfig;
import org.annft.ensemble.EnsembleSettings;
import org.annft.sweep.SweepSettings;
import org.junit.jupiter.api.Test;

/**
 * Every experiment file in conf/ is read the way its command reads it, range checks included:
 * an ensemble file through the ensemble settings, a sweep file through the sweep settings (every
 * run's training settings), and each names its experiment after itself.
 */
class ExperimentFilesTest {

    @Test
    void everyExperimentFileParsesThroughItsCommandsSettings() throws IOException {
        List<Path> files;
        try (var list = Files.list(Path.of("conf"))) {
            files = list.filter(p -> p.toString().endsWith(".conf") && !p.endsWith("reference.conf")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "conf/ holds the experiments: " + files);
        List<String> read = new ArrayList<>();
        for (Path f : files) {
            Config raw = ConfigFactory.parseFile(f.toFile());
            AnnftConfig c = AnnftConfig.load(Optional.of(f), List.of());
            String name = f.getFileName().toString().replace(".conf", "");
            assertEquals(name, c.pathSegment("experiment"), f + ": experiment name");
            if (raw.hasPath("ensemble")) {
                EnsembleSettings s = EnsembleSettings.fromConfig(c, w -> { });
                assertTrue(!s.configurations().isEmpty(), f.toString());
                read.add(name + ": ensemble");
            }
            if (raw.hasPath("sweep")) {
                SweepSettings s = SweepSettings.fromConfig(c);
                assertTrue(!s.runs().isEmpty(), f.toString());
                read.add(name + ": sweep");
            }
        }
        assertEquals(files.size(), read.size(), "each file is an ensemble or a sweep: " + read);
    }
}
