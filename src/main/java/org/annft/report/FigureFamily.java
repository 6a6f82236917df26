package org.annft.report;

import java.util.List;

/** A family of paper figures drawn from the same tables, e.g. Figs. 6-7 from {@code init_moments}. */
public interface FigureFamily {

    /** The section heading, e.g. {@code Fig. 4: output distributions at initialization}. */
    String heading();

    /** The tables the figures need; a source directory must hold all of them. */
    List<String> tables();

    /** Renders the figures of one source directory. */
    Section render(TableSource source, FigureFiles files) throws Exception;
}
