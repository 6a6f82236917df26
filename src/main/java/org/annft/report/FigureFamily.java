package org.annft.report;

import java.util.List;
import org.annft.table.ResultTable;

/** A family of paper figures drawn from the same tables, e.g. Figs. 6-7 from {@code init_moments}. */
public interface FigureFamily {

    /** The section heading, e.g. {@code Fig. 4: output distributions at initialization}. */
    String heading();

    /**
     * The contracts of the tables the figures read; a source directory must hold all of them, and
     * each is checked against its contract when read.
     */
    List<ResultTable> tables();

    /**
     * Whether the family draws the rows of one sweep protocol at a time (the report then renders it
     * once per protocol of a table that has several); false for families that show protocols side by side.
     */
    default boolean onePerProtocol() {
        return false;
    }

    /**
     * Whether the family draws from every source directory at once ({@link #renderAcross}) rather than
     * from each in turn.
     */
    default boolean acrossSources() {
        return false;
    }

    /**
     * Tables an {@link #acrossSources()} family also draws where a directory holds them: it is
     * rendered when some directory holds {@link #tables()}, from every directory that holds any of
     * either list.
     */
    default List<ResultTable> optionalTables() {
        return List.of();
    }

    /** Renders from all the source directories that hold the tables; only for {@link #acrossSources()} families. */
    default Section renderAcross(List<TableSource> sources, FigureFiles files) throws Exception {
        throw new UnsupportedOperationException(heading() + " draws one source at a time");
    }

    /** Renders the figures of one source directory. */
    Section render(TableSource source, FigureFiles files) throws Exception;
}
