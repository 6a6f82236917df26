package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.annft.data.Ame2020Reader;
import org.annft.data.AmeTableWriter;
import org.annft.data.MassTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code annft predict}: which nuclides, and bad input that exits 2 with one line and writes nothing. */
class PredictCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void badInputExitsTwoNamingWhatIsWrong() throws Exception {
        Path table = new AmeTableWriter().liquidDropChain(8, 20).writeTo(dir.resolve("mass.txt"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path out = dir.resolve("out");
        assertEquals(2, cli.run("predict", "--ame", table.toString(), "--models", empty.toString(), "--out", out.toString()));
        assertTrue(cli.err().contains("no table 'models'"), cli.err());
        assertEquals(2, cli.run("predict", "--ame", table.toString(), "--models", empty.toString(), "--select", "colour=red",
                "--out", out.toString()));
        assertTrue(cli.err().contains("unknown key 'colour'"), cli.err());
        assertEquals(2, cli.run("predict", "--ame", table.toString(), "--models", empty.toString(), "--nuclides", "8:-1",
                "--out", out.toString()));
        assertTrue(cli.err().contains("Z=8 N=-1"), cli.err());
        assertEquals(2, cli.run("predict", "--ame", table.toString(), "--models", empty.toString(), "--nuclides", "iron",
                "--out", out.toString()));
        assertEquals(2, cli.run("predict", "--ame", table.toString(), "--models", dir.resolve("none").toString(),
                "--out", out.toString()));
        assertFalse(Files.exists(out), "nothing written");
    }

    /**
     * Hostile input that used to pass or fail late: a repeated or non-numeric selection, a nuclide
     * named twice, a result set whose commit was interrupted, a truncated part file. Each exits 2
     * with one line before Spark starts, and nothing is written.
     */
    @Test
    void selectionsNuclidesAndResultSetsAreCheckedBeforeSparkStarts() throws Exception {
        Path table = new AmeTableWriter().liquidDropChain(8, 20).writeTo(dir.resolve("mass.txt"));
        Path models = Files.createDirectories(dir.resolve("sweep"));
        for (String t : List.of("models", "runs")) {
            Files.write(Files.createDirectories(models.resolve(t)).resolve("part-00000.parquet"),
                    "PAR1 cut short".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        Files.writeString(models.resolve("_annft_result_set"), "# annft result set\nmodels\nruns\n");
        Path out = dir.resolve("out");
        String[][] cases = {
            {"--select", "width=8,width=4"}, {"--select", "width=abc"}, {"--nuclides", "8:9,8:10,8:9"}, {}};
        String[] expected = {"key 'width' given twice", "width=abc: not a whole number", "8:9 is listed twice",
            "is not a complete Parquet file"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new java.util.ArrayList<>(List.of("predict", "--ame", table.toString(), "--models",
                    models.toString(), "--out", out.toString()));
            args.addAll(List.of(cases[i]));
            assertEquals(2, cli.run(args.toArray(String[]::new)), String.join(" ", cases[i]));
            assertTrue(cli.err().contains(expected[i]), cli.err());
            assertEquals(1, cli.err().strip().lines().filter(l -> l.startsWith("annft:")).count(), cli.err());
        }
        Files.writeString(models.resolve("_annft_committing"), "models\nruns\n");
        assertEquals(2, cli.run("predict", "--ame", table.toString(), "--models", models.toString(), "--out", out.toString()));
        assertTrue(cli.err().contains("incomplete result set in " + models), cli.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** Names as physicists write them, either way round, any case, with or without a hyphen. */
    @Test
    void nuclidesAreNamedByMassNumberAndSymbol() throws Exception {
        MassTable table = Ame2020Reader.read(Path.of("data/mass_1.mas20.txt"));
        for (String name : List.of("208Pb", "Pb208", "pb-208", "208-Pb", "82:126")) {
            assertEquals(List.of(82, 126), java.util.Arrays.stream(PredictCommand.nuclide(name, table)).boxed().toList(), name);
        }
        assertEquals(List.of(26, 30), java.util.Arrays.stream(PredictCommand.nuclide("Fe-56", table)).boxed().toList());
        assertEquals(List.of(1, 0), java.util.Arrays.stream(PredictCommand.nuclide("1H", table)).boxed().toList());
        assertEquals("208Pb", PredictCommand.targets("Pb208", table).get(0).name());
        for (String bad : List.of("208Xx", "Pb", "2Pb", "Pb-")) {
            assertThrows(org.annft.config.BadInputException.class, () -> PredictCommand.nuclide(bad, table), bad);
        }
    }

    /** all, measured and estimated split the table; a file and a list name nuclides inside or beyond it. */
    @Test
    void nuclidesAreTheTablesOrTheOnesNamed() throws Exception {
        Path path = new AmeTableWriter().liquidDropChain(8, 20).writeTo(dir.resolve("mass.txt"));
        MassTable table = Ame2020Reader.read(path);
        long estimated = table.nuclides().stream().filter(n -> n.estimated()).count();
        assertEquals(table.nuclides().size(), PredictCommand.targets("all", table).size());
        assertEquals(estimated, PredictCommand.targets("estimated", table).size());
        assertEquals(table.nuclides().size() - estimated, PredictCommand.targets("measured", table).size());
        Path file = Files.writeString(dir.resolve("list.txt"), "# Z N\n8 10\n120 200\n");
        List<org.annft.predict.EnsemblePredictions.Target> named = PredictCommand.targets(file.toString(), table);
        assertEquals(2, named.size());
        assertEquals(table.find(8, 10).orElseThrow().bindingEnergyMev(), named.get(0).ameMev(), 0);
        assertEquals(null, named.get(1).ameMev());
        assertEquals(List.of(8, 9), PredictCommand.targets("8:8, 9:10", table).stream()
                .map(org.annft.predict.EnsemblePredictions.Target::z).toList());
    }
}
