package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.annft.config.AnnftConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep.protocols}: overrides of train.*, validated with their path, as a grid axis. */
class TrainingProtocolTest {

    @TempDir
    Path dir;

    private static final String TWO = """
            sweep {
              widths = [8, 16]
              modes = ["cict", "nint"]
              runs = 2
              protocols = [
                {name = "slow", train {batch-size = 16, phases = [{epochs = 7, lambda-b = 0.01, lambda-w = 0.02}]}},
                {name = "fast", train {noncritical {c-w = 1.5}, loss = "mse", adam {epochs = 9}}}
              ]
            }
            train.batch-size = 64
            """;

    private AnnftConfig load(String text) throws IOException {
        Path file = dir.resolve("p.conf");
        Files.writeString(file, text);
        return AnnftConfig.load(Optional.of(file), List.of());
    }

    @Test
    void protocolsOverrideTrainKeysAndMultiplyTheGridWithoutChangingSeeds() throws IOException {
        SweepSettings s = SweepSettings.fromConfig(load(TWO));
        assertEquals(List.of("slow", "fast"), s.protocols().stream().map(TrainingProtocol::name).toList());
        TrainingProtocol slow = s.protocols().get(0);
        TrainingProtocol fast = s.protocols().get(1);
        assertEquals(16, slow.batchSize());
        assertEquals(7, slow.phases().totalEpochs());
        assertEquals(0.02, slow.phases().phases().get(0).rawWeightRate(), 0);
        assertEquals(NoncriticalInit.halfCritical(), slow.noncritical(), "reference C_W where the protocol sets none");
        // Keys a protocol leaves alone come from train.*: batch size 64 from the file, phases from the reference.
        assertEquals(64, fast.batchSize());
        assertEquals(20000, fast.phases().totalEpochs());
        assertEquals(1.5, fast.noncritical().weightVariance().getAsDouble(), 0);
        assertTrue(fast.noncritical().biasVariance().isEmpty(), "a section override keeps the keys it does not set");
        assertEquals("MSE", fast.loss().name());
        assertEquals(9, fast.adam().epochs());

        List<TrainingRun> runs = s.runs();
        assertEquals(2 * 2 * 2 * 2, runs.size());
        assertEquals(8, s.configurations());
        for (TrainingRun a : runs) {
            for (TrainingRun b : runs) {
                boolean sameNetwork = a.width() == b.width() && a.run() == b.run()
                        && a.weightVariance() == b.weightVariance() && a.biasVariance() == b.biasVariance();
                if (sameNetwork) {
                    assertEquals(a.seed(5), b.seed(5), "the seed does not depend on mode or protocol");
                }
                if (a != b) {
                    assertTrue(!RunCheckpoint.fileName(a, RunCheckpoint.identity(a, 5, "d", "v"))
                            .equals(RunCheckpoint.fileName(b, RunCheckpoint.identity(b, 5, "d", "v"))));
                }
            }
        }
    }

    /**
     * NINT sits off each activation's own critical point by default: half the critical C_W (ReLU 2 -> 1,
     * tanh 1 -> 0.5) with the critical C_b; numbers apply to every activation; softplus, which has no
     * critical point, needs numbers (bad input naming the key).
     */
    @Test
    void noncriticalInitializationIsOffEachActivationsCriticalPoint() throws IOException {
        SweepSettings s = SweepSettings.fromConfig(load(
                "sweep { activations = [\"relu\", \"tanh\"], modes = [\"cict\", \"nint\"], widths = [8], runs = 1 }"));
        java.util.Map<String, TrainingRun> byRun = new java.util.TreeMap<>();
        for (TrainingRun r : s.runs()) {
            byRun.put(r.activation() + "/" + r.mode().configName(), r);
        }
        double[][] expected = {{2.0, 0.0}, {1.0, 0.0}, {1.0, 0.0}, {0.5, 0.0}};
        String[] keys = {"relu/cict", "relu/nint", "tanh/cict", "tanh/nint"};
        for (int i = 0; i < keys.length; i++) {
            assertEquals(expected[i][0], byRun.get(keys[i]).weightVariance(), 0, keys[i]);
            assertEquals(expected[i][1], byRun.get(keys[i]).biasVariance(), 0, keys[i]);
        }
        assertTrue(byRun.get("tanh/nint").seed(5) != byRun.get("tanh/cict").seed(5),
                "tanh NINT no longer trains tanh CICT's network");

        SweepSettings fixed = SweepSettings.fromConfig(load(
                "sweep { activations = [\"tanh\"], modes = [\"nint\"], widths = [8], runs = 1 }\n"
                + "train.noncritical { c-w = 1.5, c-b = 0.25 }"));
        assertEquals(1.5, fixed.runs().get(0).weightVariance(), 0);
        assertEquals(0.25, fixed.runs().get(0).biasVariance(), 0);

        org.annft.config.BadInputException e = assertThrows(org.annft.config.BadInputException.class,
                () -> SweepSettings.fromConfig(load(
                        "sweep { activations = [\"softplus\"], modes = [\"nint\"], widths = [8], runs = 1 }")).runs());
        assertTrue(e.getMessage().contains("train.noncritical"), e.getMessage());
    }

    @Test
    void withoutProtocolsTheOneProtocolIsDefault() throws IOException {
        SweepSettings s = SweepSettings.fromConfig(load("train.batch-size = 8"));
        assertEquals(1, s.protocols().size());
        assertEquals("default", s.protocols().get(0).name());
        assertEquals(8, s.protocols().get(0).batchSize());
    }

    private void assertBad(String protocols, String... expected) throws IOException {
        Path file = dir.resolve("bad.conf");
        Files.writeString(file, "sweep.protocols = " + protocols + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepSettings.fromConfig(AnnftConfig.load(Optional.of(file), List.of())));
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), e.getMessage() + " should name " + s);
        }
    }

    @Test
    void badSettingsInsideAProtocolNameTheirPathAndFile() throws IOException {
        String ok = "{name = a, train {batch-size = 8}}";
        assertBad("[" + ok + ", {name = b, train {batch-sise = 8}}]", "unknown config key 'sweep.protocols[1].train.batch-sise'",
                "bad.conf");
        assertBad("[" + ok + ", {name = b, train {batch-size = -3}}]", "'sweep.protocols[1].train.batch-size'", "bad.conf");
        assertBad("[{name = b, train {batch-size = many}}]", "'sweep.protocols[0].train.batch-size'", "expected a number");
        assertBad("[{name = b, train {phases = [{epochs = 0, lambda-b = 1, lambda-w = 1}]}}]",
                "'sweep.protocols[0].train.phases[0].epochs'", "bad.conf");
        assertBad("[{name = b, train {noncritical {c-w = -1}}}]", "'sweep.protocols[0].train.noncritical.c-w'");
        assertBad("[{name = b, train {loss = huber}}]", "'sweep.protocols[0].train.loss'");
        assertBad("[{name = b, train {width = 3}}]", "'sweep.protocols[0].train.width'", "sweep grid");
        assertBad("[" + ok + ", {name = a}]", "'sweep.protocols[1].name'", "unique");
        assertBad("[{name = \"\"}]", "'sweep.protocols[0].name'", "non-empty");
        assertBad("[{train {batch-size = 8}}]", "'sweep.protocols[0].name'");
        assertBad("[{name = a, rate = 3}]", "'sweep.protocols[0].rate'");
    }

    /**
     * The protocols table states every train.* setting but the grid keys, each equal to the value of the
     * resolved configuration it came from: the reference defaults, and each protocol of the protocol scan.
     */
    @Test
    void settingsReproduceTheResolvedConfiguration() {
        AnnftConfig defaults = AnnftConfig.defaults();
        com.typesafe.config.Config reference = com.typesafe.config.ConfigFactory.parseString(defaults.toJson());
        java.util.Map<String, String> settings = TrainingProtocol.fromConfig("default", defaults).settings();
        java.util.Set<String> expectedKeys = new java.util.TreeSet<>();
        reference.getConfig("train").entrySet().forEach(e -> expectedKeys.add("train." + e.getKey()));
        TrainingProtocol.GRID_KEYS.forEach(k -> expectedKeys.remove("train." + k));
        assertEquals(expectedKeys, new java.util.TreeSet<>(settings.keySet()), "every train.* setting but the grid keys");
        settings.forEach((key, json) -> assertEquals(reference.getValue(key).unwrapped(), parsed(json), key));

        AnnftConfig scan = AnnftConfig.load(Optional.of(Path.of("conf/protocol-scan.conf")), List.of());
        com.typesafe.config.Config scanConfig = com.typesafe.config.ConfigFactory.parseString(scan.toJson());
        List<? extends com.typesafe.config.Config> elements = scanConfig.getConfigList("sweep.protocols");
        List<TrainingProtocol> protocols = TrainingProtocol.sweepProtocols(scan);
        assertEquals(elements.size(), protocols.size());
        java.util.Set<Object> distinct = new java.util.HashSet<>();
        for (int i = 0; i < protocols.size(); i++) {
            com.typesafe.config.Config own = elements.get(i).getConfig("train");
            java.util.Map<String, String> s = protocols.get(i).settings();
            for (String key : List.of("phases", "batch-size", "target")) {
                assertEquals(own.getValue(key).unwrapped(), parsed(s.get("train." + key)), protocols.get(i).name() + " " + key);
            }
            distinct.add(List.of(parsed(s.get("train.phases")), s.get("train.batch-size"), s.get("train.target")));
        }
        assertEquals(protocols.size(), distinct.size(), "each protocol states its own settings");
    }

    private static Object parsed(String json) {
        return com.typesafe.config.ConfigFactory.parseString("x = " + json).getValue("x").unwrapped();
    }

    /** A sweep's header names only the optimizers its modes use. */
    @Test
    void theDescriptionNamesTheOptimizersInUse() {
        TrainingProtocol p = TrainingProtocol.fromConfig("default", AnnftConfig.defaults());
        assertTrue(p.describe(true, false).contains("SGD 5000 epochs") && !p.describe(true, false).contains("Adam"),
                p.describe(true, false));
        assertTrue(p.describe(false, true).contains("Adam 20000 epochs") && !p.describe(false, true).contains("SGD"),
                p.describe(false, true));
        assertEquals(p.describe(), p.describe(true, true));
    }
}
