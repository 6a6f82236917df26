package org.annft.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs {@code jobs/check-report --files-only} (Node.js) on a report, and on copies with faults injected. */
final class CheckReport {

    private static final Path SCRIPT = Path.of("jobs", "check-report").toAbsolutePath();

    record Result(int exitCode, String output) {
    }

    /** A change to a copy of the report. */
    interface Fault {
        void inject(Path copy) throws IOException;
    }

    private CheckReport() {
    }

    static boolean available() {
        try {
            return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Checks {@code dir/report}. */
    static Result run(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", SCRIPT.toString(), "--files-only", dir.toString()).redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "check-report finished");
        return new Result(p.exitValue(), output);
    }

    /** Copies the report under {@code scratch}, injects the fault, and expects check-report to fail naming it. */
    static void assertFails(Path scratch, Path report, String expected, Fault fault) throws Exception {
        Path dir = Files.createTempDirectory(scratch, "injected");
        Path copy = Files.createDirectories(dir.resolve("report"));
        try (Stream<Path> files = Files.list(report)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        fault.inject(copy);
        Result r = run(dir);
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains(expected), "expected '" + expected + "' in:\n" + r.output());
    }

    static void edit(Path file, UnaryOperator<String> change) throws IOException {
        String before = Files.readString(file);
        String after = change.apply(before);
        assertTrue(!after.equals(before), "the fault changed " + file.getFileName());
        Files.writeString(file, after);
    }

    static void editLines(Path file, Predicate<String> keep) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> kept = lines.stream().filter(keep).collect(Collectors.toList());
        assertTrue(kept.size() < lines.size(), "the fault removed lines of " + file.getFileName());
        Files.write(file, kept);
    }
}
