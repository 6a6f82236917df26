package org.annft.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of the report: a figure family's figures, an optional HTML table, and notes (for
 * example that a table was missing and the figure skipped).
 *
 * @param tableHtml an HTML fragment, already escaped; empty for none
 */
public record Section(String heading, List<Figure> figures, String tableHtml, List<String> notes) {

    /** A section with only a note. */
    public static Section note(String heading, String note) {
        return new Section(heading, List.of(), "", List.of(note));
    }

    /** This section followed by another of the same family (another source directory). */
    public Section plus(Section other) {
        List<Figure> f = new ArrayList<>(figures);
        f.addAll(other.figures);
        List<String> n = new ArrayList<>(notes);
        n.addAll(other.notes);
        return new Section(heading, List.copyOf(f), tableHtml + other.tableHtml, List.copyOf(n));
    }
}
