package org.annft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders cleanly: no picocli format warning (a '%' in a description). */
class HelpTest {

    @Test
    void everyHelpRendersWithoutAWarning() {
        List<List<String>> commands = new ArrayList<>();
        collect(Annft.commandLine(), new ArrayList<>(), commands);
        assertTrue(commands.size() > 10, "commands: " + commands);
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (List<String> command : commands) {
                List<String> args = new ArrayList<>(command);
                args.add("--help");
                CommandLine cl = Annft.commandLine();
                StringWriter out = new StringWriter();
                cl.setOut(new PrintWriter(out, true));
                assertEquals(0, cl.execute(args.toArray(String[]::new)), String.join(" ", args));
                assertTrue(out.toString().startsWith("Usage: annft"), out.toString());
            }
        } finally {
            System.setErr(saved);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("picocli WARN"), warnings);
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        if (!path.isEmpty()) {
            out.add(List.copyOf(path));
        }
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> next = new ArrayList<>(path);
            next.add(e.getKey());
            collect(e.getValue(), next, out);
        }
    }

    /** {@code annft --help} lists each command by the first line of its description: a whole sentence. */
    @Test
    void eachCommandIsListedByAWholeSentence() {
        for (var e : Annft.commandLine().getSubcommands().entrySet()) {
            String[] description = e.getValue().getCommandSpec().usageMessage().description();
            assertTrue(description.length > 0 && description[0].strip().endsWith("."),
                    e.getKey() + ": " + String.join(" | ", description));
        }
    }
}
