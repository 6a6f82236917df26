package org.annft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of README.md and docs/*.md resolves: the file or directory exists and an
 * {@code #anchor} names a heading of the target document, by GitHub's rule for heading anchors.
 */
class DocumentationLinksTest {

    /** Markdown links and images {@code [text](target)}, and HTML {@code href="..."} and {@code src="..."}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^()\\s]+)(?:\\s+\"[^\"]*\")?\\)|(?:href|src)=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolves() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> broken = brokenLinks(documents);
        assertEquals(List.of(), broken, "broken links:\n" + String.join("\n", broken));
    }

    /** The check itself finds a missing file, a missing heading and a missing image, and nothing else. */
    @Test
    void aMissingFileOrHeadingIsReported(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs/figures"));
        Files.writeString(dir.resolve("docs/figures/a.png"), "png");
        Files.writeString(dir.resolve("docs/guide.md"), "# Guide\n\n## The rise above n\\*\n\n## Step 1: `annft sweep`, then report\n"
                + "\n## Step 1: `annft sweep`, then report\n\n```\n## not a heading\n```\n");
        Files.writeString(dir.resolve("README.md"), String.join("\n",
                "# Top", "",
                "[ok](docs/guide.md#the-rise-above-n) [ok](docs/guide.md#step-1-annft-sweep-then-report-1) [ok](#top)",
                "![ok](docs/figures/a.png) <img src=\"docs/figures/a.png\"> [web](https://example.org/x.md#nothing)",
                "`[code](nowhere.md)`",
                "```", "[fenced](nowhere.md)", "```",
                "[gone](docs/missing.md) [no heading](docs/guide.md#not-a-heading) <img src=\"docs/figures/b.png\">",
                "[own anchor](#nowhere)", ""));
        assertEquals(List.of(
                        dir.resolve("README.md") + ":9: docs/missing.md: no such file",
                        dir.resolve("README.md") + ":9: docs/guide.md#not-a-heading: no heading with that anchor",
                        dir.resolve("README.md") + ":9: docs/figures/b.png: no such file",
                        dir.resolve("README.md") + ":10: #nowhere: no heading with that anchor"),
                brokenLinks(List.of(dir.resolve("README.md"))));
    }

    @Test
    void anchorsFollowGitHubsRule() {
        assertEquals("the-protocol-study-second-round-the-target-the-rate-and-the-batch-size",
                anchor("The protocol study, second round: the target, the rate and the batch size"));
        assertEquals("the-papers-claims", anchor("The paper's claims"));
        assertEquals("table-i-and-fig-13", anchor("Table I and Fig. 13"));
        assertEquals("java-maven-and-the-blas", anchor("Java, Maven and the BLAS"));
        assertEquals("figs-8-9-and-adam", anchor("Figs. 8-9 and Adam"));
    }

    /** One line per broken relative link of the documents: {@code file:line: target: why}. */
    static List<String> brokenLinks(List<Path> documents) {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path document : documents) {
            List<String> lines = read(document);
            boolean fenced = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                if (fenced) {
                    continue;
                }
                Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
                while (m.find()) {
                    String target = m.group(1) != null ? m.group(1) : m.group(2);
                    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                        continue; // https:, mailto: and other schemes are not files of the repository
                    }
                    String problem = problem(document, target, anchors);
                    if (problem != null) {
                        broken.add(document + ":" + (i + 1) + ": " + target + ": " + problem);
                    }
                }
            }
        }
        return broken;
    }

    private static String problem(Path document, String target, Map<Path, Set<String>> anchors) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? document : document.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (hash < 0) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        Set<String> headings = anchors.computeIfAbsent(resolved.toAbsolutePath().normalize(), DocumentationLinksTest::headingAnchors);
        return headings.contains(target.substring(hash + 1)) ? null : "no heading with that anchor";
    }

    /** The anchors of a document's headings (outside fenced code), a repeated one suffixed -1, -2, ... */
    static Set<String> headingAnchors(Path document) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : read(document)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (!fenced && m.matches()) {
                String a = anchor(m.group(1));
                int n = seen.merge(a, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? a : a + "-" + n);
            }
        }
        return anchors;
    }

    /**
     * GitHub's anchor of a heading: lower case, every character but letters, digits, spaces, hyphens
     * and underscores dropped (so Markdown's backticks, asterisks and backslashes too), spaces to hyphens.
     */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static List<String> read(Path document) {
        try {
            return Files.readAllLines(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theReadmeLinksIntoEveryDocument() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                assertTrue(readme.contains("](docs/" + doc.getFileName() + ")"), "README.md does not link " + doc);
            }
        }
    }
}
