package org.annft.ensemble;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import org.annft.stats.CentralMoments;

/**
 * The NTK moments of one (configuration, layer, input pair) of an ensemble, one part per chunk:
 * merged in any order, folded in chunk order ({@link #total()}), so the result is the same to the
 * last bit whatever the partitioning.
 */
final class NtkFold implements Serializable {

    /** One chunk's moments; plain fields, so that Kryo moves it through a shuffle. */
    static final class Part implements Serializable {
        int chunk;
        CentralMoments moments;

        Part() {
        }
    }

    private final ArrayList<Part> parts = new ArrayList<>();

    private NtkFold() {
    }

    /** The chunk's moments at layer index {@code layer} (0-based) and input pair index {@code pair}. */
    static NtkFold of(ChunkStatistics s, int layer, int pair) {
        Part part = new Part();
        part.chunk = s.task.chunk();
        part.moments = s.ntk[layer * ChunkStatistics.pairs(s.k) + pair];
        NtkFold fold = new NtkFold();
        fold.parts.add(part);
        return fold;
    }

    /** Adds the chunks of {@code other} (disjoint from this one's) and returns this. */
    NtkFold merge(NtkFold other) {
        parts.addAll(other.parts);
        return this;
    }

    /**
     * All chunks' moments, merged from an empty accumulator in chunk order.
     *
     * @throws IllegalStateException if a chunk was merged twice
     */
    CentralMoments total() {
        parts.sort(Comparator.comparingInt(p -> p.chunk));
        CentralMoments total = new CentralMoments(4);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0 && parts.get(i).chunk == parts.get(i - 1).chunk) {
                throw new IllegalStateException("chunk " + parts.get(i).chunk + " merged twice");
            }
            total.merge(parts.get(i).moments);
        }
        return total;
    }
}
