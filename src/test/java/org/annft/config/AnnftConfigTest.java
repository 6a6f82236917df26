package org.annft.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnftConfigTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("exp.conf"), text);
    }

    @Test
    void fileOverridesReferenceAndSetOverridesFile() throws IOException {
        Path f = file("seed = 5\ndata { subset = experimental, min-z = 8 }\n");
        AnnftConfig c = AnnftConfig.load(Optional.of(f), List.of("data.min-z=10"));
        assertEquals(5, c.longValue("seed"));
        assertEquals("experimental", c.string("data.subset"));
        assertEquals(10, c.intIn("data.min-z", 0, 200));
        assertEquals("zn", c.string("data.inputs"), "untouched keys keep the reference default");
        assertTrue(c.toJson().contains("\"min-z\":10"), c.toJson());
    }

    @Test
    void unknownKeyIsNamedWithItsFile() throws IOException {
        Path f = file("data {\n  subset = all\n  min-zz = 3\n}\n");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AnnftConfig.load(Optional.of(f), List.of()));
        assertTrue(e.getMessage().contains("unknown config key 'data.min-zz'"), e.getMessage());
        assertTrue(e.getMessage().contains("exp.conf: 3"), e.getMessage());
        assertTrue(e.getMessage().contains("data.min-z"), "lists the known keys: " + e.getMessage());

        InvalidSettingException top = assertThrows(InvalidSettingException.class,
                () -> AnnftConfig.load(Optional.empty(), List.of("sed=3")));
        assertTrue(top.getMessage().contains("'sed'") && top.getMessage().contains("--set sed=3"), top.getMessage());
    }

    @Test
    void wrongTypeIsNamedWithItsFile() throws IOException {
        Path f = file("seed = 1\ndata.min-z = eight\n");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AnnftConfig.load(Optional.of(f), List.of()));
        assertTrue(e.getMessage().contains("'data.min-z'") && e.getMessage().contains("expected a number"), e.getMessage());
        assertTrue(e.getMessage().contains("exp.conf: 2"), e.getMessage());

        InvalidSettingException section = assertThrows(InvalidSettingException.class,
                () -> AnnftConfig.load(Optional.empty(), List.of("data=3")));
        assertTrue(section.getMessage().contains("'data'") && section.getMessage().contains("section"), section.getMessage());
    }

    @Test
    void outOfRangeValueIsNamedWithItsOrigin() throws IOException {
        Path f = file("data.min-z = -4\n");
        AnnftConfig c = AnnftConfig.load(Optional.of(f), List.of());
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> c.intIn("data.min-z", 0, 200));
        assertTrue(e.getMessage().contains("'data.min-z'") && e.getMessage().contains("exp.conf: 1")
                && e.getMessage().contains("-4"), e.getMessage());
        AnnftConfig frac = AnnftConfig.load(Optional.empty(), List.of("data.test-fraction=1.5"));
        InvalidSettingException e2 = assertThrows(InvalidSettingException.class,
                () -> frac.doubleIn("data.test-fraction", 0, 0.99));
        assertTrue(e2.getMessage().contains("--set data.test-fraction=1.5"), e2.getMessage());
    }

    /** Fractional values of integer keys are refused, not truncated; integral doubles are integers. */
    @Test
    void fractionalIntegersAreRefusedWithTheirKey() {
        for (String set : List.of("seed=1.5", "ensemble.samples=2000.9", "train.width=10.7")) {
            String key = set.substring(0, set.indexOf('='));
            AnnftConfig c = AnnftConfig.load(Optional.empty(), List.of(set));
            InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> c.longValue(key), set);
            assertTrue(e.getMessage().contains("'" + key + "'") && e.getMessage().endsWith("must be an integer, got "
                    + set.substring(set.indexOf('=') + 1)), e.getMessage());
            assertEquals(1, e.getMessage().split(", got ", -1).length - 1, "said once: " + e.getMessage());
        }
        assertEquals(2000L, AnnftConfig.load(Optional.empty(), List.of("ensemble.samples=2000.0"))
                .longValue("ensemble.samples"));
        assertEquals(-3L, AnnftConfig.load(Optional.empty(), List.of("seed=-3")).longValue("seed"));
        assertEquals(12, AnnftConfig.load(Optional.empty(), List.of("train.width=\"12\""))
                .positiveInt("train.width"));
    }

    /** An undefined substitution is one line naming the variable and the file, not library internals. */
    @Test
    void anUndefinedSubstitutionNamesTheVariableAndTheFile() throws IOException {
        Path f = file("train.width = ${undefined.var}\n");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AnnftConfig.load(Optional.of(f), List.of()));
        assertTrue(e.getMessage().contains("${undefined.var}") && e.getMessage().contains(f.toString())
                && e.getMessage().lines().count() == 1 && e.getMessage().length() < 300, e.getMessage());
    }

    /** A key missing from an element of a list of sections is named by its full path. */
    @Test
    void aMissingKeyInAListElementIsNamedByItsPath() {
        AnnftConfig c = AnnftConfig.load(Optional.empty(), List.of("ensemble.inputs=[{z=26, n=30}, {z=26}]"));
        List<AnnftConfig> inputs = c.objectList("ensemble.inputs");
        assertEquals(30, inputs.get(0).intIn("n", 0, 300));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> inputs.get(1).intIn("n", 0, 300));
        assertTrue(e.getMessage().contains("'ensemble.inputs[1].n'") && e.getMessage().contains("missing"), e.getMessage());
    }

    /** The experiment names a directory under results/: no way out of it. */
    @Test
    void experimentNamesCannotLeaveTheResultsDirectory() {
        for (String bad : List.of("../x", "a/b", "..", ".hidden", "x..y", "/abs")) {
            AnnftConfig c = AnnftConfig.load(Optional.empty(), List.of("experiment=\"" + bad + "\""));
            InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> c.pathSegment("experiment"), bad);
            assertTrue(e.getMessage().contains("'experiment'"), e.getMessage());
        }
        assertEquals("fig8-9_laptop.v2", AnnftConfig.load(Optional.empty(), List.of("experiment=fig8-9_laptop.v2"))
                .pathSegment("experiment"));
    }

    @Test
    void missingFileAndBadSettingSyntax() {
        assertTrue(assertThrows(InvalidSettingException.class,
                () -> AnnftConfig.load(Optional.of(dir.resolve("no.conf")), List.of()))
                .getMessage().contains("config file not found"));
        assertTrue(assertThrows(InvalidSettingException.class,
                () -> AnnftConfig.load(Optional.empty(), List.of("seed")))
                .getMessage().contains("expected key=value"));
    }
}
