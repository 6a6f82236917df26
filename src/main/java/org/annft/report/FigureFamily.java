package org.annft.report;

import java.util.List;

/** A family of paper figures drawn from the same tables, e.g. Figs. 6-7 from {@code init_moments}. */
public interface FigureFamily {

    /** The section heading, e.g. {@code Fig. 4: output distributions at initialization}. */
    String heading();

    /** The tables the figures need; a source directory must hold all of them. */
    List<String> tables();

    /**
     * Whether the family draws the rows of one sweep protocol at a time (the report then renders it
     * once per protocol of a table that has several); false for families that show protocols side by side.
     */
    default boolean onePerProtocol() {
        return false;
    }

    /** Renders the figures of one source directory. */
    Section render(TableSource source, FigureFiles files) throws Exception;
}
