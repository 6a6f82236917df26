package org.annft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's code examples are the recipes CI runs (jobs/check-recipes): a fenced block whose first
 * line is {@code # docs/examples/NAME...} must be that file, character for character.
 */
class DocumentationExamplesTest {

    @Test
    void theReadmesQueryIsTheRecipeCiRuns() throws IOException {
        List<String[]> blocks = quotedRecipes(Files.readAllLines(Path.of("README.md")));
        assertFalse(blocks.isEmpty(), "README.md quotes no recipe of docs/examples");
        for (String[] block : blocks) {
            assertEquals(Files.readString(Path.of(block[0])), block[1], "README.md's copy of " + block[0]);
        }
    }

    /** (path, text) of every fenced block that starts with the comment {@code # docs/examples/...}. */
    static List<String[]> quotedRecipes(List<String> lines) {
        List<String[]> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```") && i + 1 < lines.size() && lines.get(i + 1).startsWith("# docs/examples/")) {
                String path = lines.get(i + 1).substring(2).split("[:\\s]", 2)[0];
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                for (; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                    text.append(lines.get(j)).append('\n');
                }
                blocks.add(new String[] {path, text.toString()});
                i = j;
            }
        }
        return blocks;
    }
}
