package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.ntk.NtkTracker;
import org.annft.train.OptimizerState;
import org.annft.train.TrainingResult;
import org.annft.train.TrainingState;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-progress states: read back exactly as saved, only the latest kept, and a state that is
 * truncated, altered, not a state, of another shape or another run's is reported in one line,
 * deleted and not resumed.
 */
class MidRunCheckpointsTest {

    private static final MlpArchitecture ARCHITECTURE = MlpArchitecture.ofDepth(2, 5, 3, 1);
    private static final String NAME = "relu-cict-default-n5-d3-r0-0123456789abcdef.run";
    private static final String IDENTITY = "run-sha256:aaaa";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private MidRunCheckpoints checkpoints(String identity, MlpArchitecture architecture, double everySeconds) {
        return new MidRunCheckpoints(dir.toUri().toString(), NAME, identity, architecture, everySeconds, new Configuration(),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    /** Parameters whose every value differs: value k of the container is {@code base + k / 7}, some negative. */
    private static Parameters parameters(MlpArchitecture architecture, double base) {
        Parameters p = new Parameters(architecture);
        int k = 0;
        for (int l = 1; l <= architecture.outputLayer(); l++) {
            for (double[] values : new double[][] {p.weights(l).data, p.biases(l).data}) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = base + k++ / 7.0;
                }
            }
        }
        return p;
    }

    private static TrainingState state(MlpArchitecture architecture, int epoch, boolean adam) {
        return new TrainingState(epoch, 12.5, List.of(new TrainingResult.LossPoint(0, 80.25), new TrainingResult.LossPoint(5,
                Math.PI)), List.of(new NtkTracker.Snapshot(0, 4.5, 0, 4.0, 0, 0.25), new NtkTracker.Snapshot(5, Double.NaN,
                1e-300, Double.POSITIVE_INFINITY, -0.0, -0.5)), parameters(architecture, -3.3),
                adam ? new OptimizerState(48, parameters(architecture, 1e-9), parameters(architecture, 2e-17))
                        : OptimizerState.NONE);
    }

    private static void assertSameState(TrainingState expected, TrainingState actual) {
        assertEquals(expected.epoch(), actual.epoch());
        assertEquals(expected.seconds(), actual.seconds());
        assertEquals(expected.lossCurve(), actual.lossCurve());
        assertEquals(expected.ntk(), actual.ntk());
        assertSameParameters(expected.parameters(), actual.parameters());
        assertEquals(expected.optimizer().steps(), actual.optimizer().steps());
        if (expected.optimizer().firstMoment() == null) {
            assertNull(actual.optimizer().firstMoment());
        } else {
            assertSameParameters(expected.optimizer().firstMoment(), actual.optimizer().firstMoment());
            assertSameParameters(expected.optimizer().secondMoment(), actual.optimizer().secondMoment());
        }
    }

    private static void assertSameParameters(Parameters expected, Parameters actual) {
        for (int l = 1; l <= expected.architecture().outputLayer(); l++) {
            assertArrayEquals(expected.weights(l).data, actual.weights(l).data);
            assertArrayEquals(expected.biases(l).data, actual.biases(l).data);
        }
    }

    private List<String> states() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".state")).sorted().toList();
        }
    }

    private String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSavedStateIsResumedExactlyAndOnlyTheLatestIsKept() throws IOException {
        for (boolean adam : new boolean[] {false, true}) {
            MidRunCheckpoints writer = checkpoints(IDENTITY, ARCHITECTURE, 1e-9);
            writer.save(state(ARCHITECTURE, 7, adam));
            TrainingState latest = state(ARCHITECTURE, 9, adam);
            writer.save(latest);
            assertEquals(List.of(NAME + ".e9.state"), states(), "the earlier state is deleted");
            MidRunCheckpoints reader = checkpoints(IDENTITY, ARCHITECTURE, 0);
            assertSameState(latest, reader.resume());
            assertEquals(9, reader.resumedEpoch());
            RunState.deleteAll(dir.toUri().toString(), new Configuration());
            assertEquals(List.of(), states());
        }
        assertEquals(2, logText().split("continues from its state after epoch 9", -1).length - 1, logText());
    }

    @Test
    void savesAreDueAfterTheirIntervalOnly() {
        assertFalse(checkpoints(IDENTITY, ARCHITECTURE, 0).due(1), "0 never saves");
        assertFalse(checkpoints(IDENTITY, ARCHITECTURE, 3600).due(1), "a run shorter than the interval saves nothing");
        assertTrue(checkpoints(IDENTITY, ARCHITECTURE, 1e-9).due(1));
    }

    @Test
    void damagedOrForeignStatesAreReportedDeletedAndNotResumed() throws IOException {
        Path file = dir.resolve(NAME + ".e9.state");
        Path crc = dir.resolve("." + NAME + ".e9.state.crc");
        // Truncated, one bit changed in the parameters (the local file system's CRC removed, so that
        // the state's own SHA-256 finds it), not a state, another network's shape, another run's state.
        for (int d = 0; d < 5; d++) {
            boolean foreign = d == 4;
            checkpoints(foreign ? "run-sha256:bbbb" : IDENTITY, d == 3 ? MlpArchitecture.ofDepth(2, 6, 3, 1) : ARCHITECTURE,
                    1e-9).save(state(d == 3 ? MlpArchitecture.ofDepth(2, 6, 3, 1) : ARCHITECTURE, 9, true));
            byte[] bytes = Files.readAllBytes(file);
            if (d < 3) {
                Files.delete(crc);
                Files.write(file, switch (d) {
                    case 0 -> java.util.Arrays.copyOf(bytes, bytes.length - 1);
                    case 1 -> {
                        bytes[bytes.length / 2] ^= 1;
                        yield bytes;
                    }
                    default -> "not a state".getBytes(StandardCharsets.UTF_8);
                });
            }
            MidRunCheckpoints reader = checkpoints(IDENTITY, ARCHITECTURE, 0);
            assertNull(reader.resume(), "case " + d);
            assertEquals(0, reader.resumedEpoch());
            assertEquals(List.of(), states(), "case " + d + ": deleted");
        }
        String[] lines = logText().split("\n");
        assertEquals(5, lines.length, logText());
        for (int d = 0; d < 5; d++) {
            assertTrue(lines[d].startsWith("sweep: in-progress state " + NAME + ".e9.state "
                    + (d == 4 ? "belongs to another run" : "is damaged")) && lines[d].endsWith("; not resumed"), lines[d]);
        }
        assertTrue(lines[1].contains("SHA-256"), lines[1]);
    }

    /** A damaged latest state falls back to an earlier one that is whole. */
    @Test
    void anEarlierWholeStateIsResumedWhenTheLatestIsDamaged() throws IOException {
        TrainingState earlier = state(ARCHITECTURE, 7, false);
        RunState.write(dir.toUri().toString(), NAME, IDENTITY, earlier, new Configuration());
        Files.writeString(dir.resolve(NAME + ".e12.state"), "cut short");
        MidRunCheckpoints reader = checkpoints(IDENTITY, ARCHITECTURE, 0);
        assertSameState(earlier, reader.resume());
        assertEquals(List.of(NAME + ".e7.state"), states());
    }
}
