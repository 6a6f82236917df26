package org.annft.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names of the PNG files of one source directory in the report directory: the figure's name, the
 * source label (when the tables are in a subdirectory) and distinguishing parts, e.g.
 * {@code fig6-ensemble-width240.png}.
 */
public record FigureFiles(Path reportDir, String sourceLabel) {

    /** The file name for a figure; parts are slugged and joined with dashes. */
    public String name(String figure, String... parts) {
        List<String> all = new ArrayList<>();
        all.add(figure);
        if (!sourceLabel.isEmpty()) {
            all.add(sourceLabel);
        }
        all.addAll(List.of(parts));
        List<String> slugs = all.stream().map(FigureFiles::slug).filter(s -> !s.isEmpty()).toList();
        return String.join("-", slugs) + ".png";
    }

    /** Where a named file goes. */
    public Path path(String name) {
        return reportDir.resolve(name);
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "_").replaceAll("^[_-]+|[_-]+$", "");
    }
}
