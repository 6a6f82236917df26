package org.annft.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.annft.data.PaperResults;
import org.junit.jupiter.api.Test;

/** The protocol score against the paper's Table I, on constructed runs whose terms follow by hand. */
class ProtocolScoreTest {

    private static final PaperResults PAPER = PaperResults.load();

    private static List<ProtocolScore.Run> runs(int width, double... rmsds) {
        List<ProtocolScore.Run> out = new ArrayList<>();
        for (double r : rmsds) {
            out.add(new ProtocolScore.Run(width, r));
        }
        return out;
    }

    /**
     * Width 1 (paper mean 71.9549: implied failed fraction (71.9549 - 3)/69, just below 1) with every
     * run failed at 71.9549, and width 120 (paper 2.5250, fraction 0) with every run at 2.5250: the
     * paper itself scores only F_1 = 1 - 68.9549/69, halved over two widths.
     */
    @Test
    void thePapersOwnNumbersScoreOnlyTheMixturesRounding() {
        List<ProtocolScore.Run> all = new ArrayList<>(runs(1, 71.9549, 71.9549));
        all.addAll(runs(120, 2.5250, 2.5250));
        ProtocolScore.Score s = ProtocolScore.score("paper", all, PAPER);
        assertEquals((1 - 68.9549 / 69) / 2, s.total(), 1e-12);
        assertEquals(0, s.failedState(), 0);
        assertEquals(0, s.converged(), 0);
        assertEquals(2, s.widths());
        assertEquals(4, s.runs());
    }

    /**
     * Width 1: one of two runs failed, at 525.8 MeV (dead on total B): F_1 = |1/2 - 68.9549/69|; width 20
     * (paper 35.2627: implied (35.2627 - 3)/69) with no failure: F_20 = 0.467575...; width 240 (paper
     * 2.7347) at 2.0 and 3.0, mean 2.5: C = 0.2347/2.7347. D = min(1, (525.8 - 71.9549)/71.9549) = 1.
     * A diverged run (NaN) counts as failed; width 7, not in Table I, is left out.
     */
    @Test
    void termsByHand() {
        List<ProtocolScore.Run> all = new ArrayList<>(runs(1, 525.8, 5.0));
        all.addAll(runs(20, 10, 20));
        all.addAll(runs(240, 2.0, 3.0));
        all.addAll(runs(7, Double.NaN));
        ProtocolScore.Score s = ProtocolScore.score("p", all, PAPER);
        double f20 = (35.2627 - 3) / 69;
        assertEquals((68.9549 / 69 - 0.5 + f20 + 0) / 3, s.failures(), 1e-12);
        assertEquals(1.0, s.failedState(), 0);
        assertEquals(0.2347 / 2.7347, s.converged(), 1e-12);
        assertEquals(3, s.widths());

        // Failed near the paper's state: D = |73.6 - 71.9549| / 71.9549; a NaN run fails but has no RMSD.
        List<ProtocolScore.Run> perNucleon = new ArrayList<>(runs(1, 73.6, Double.NaN));
        ProtocolScore.Score t = ProtocolScore.score("q", perNucleon, PAPER);
        assertEquals((73.6 - 71.9549) / 71.9549, t.failedState(), 1e-12);
        assertEquals(1 - 68.9549 / 69, t.failures(), 1e-12);
        assertEquals(1.0, t.converged(), 0, "no width from 115 up: the converged term is 1");
    }

    @Test
    void rankedBestFirstAndRefusedWithoutATableOneWidth() {
        List<ProtocolScore.Score> r = ProtocolScore.ranked(Map.of("good", runs(120, 2.5250), "bad", runs(120, 5.05)),
                PAPER);
        assertEquals(List.of("good", "bad"), r.stream().map(ProtocolScore.Score::protocol).toList());
        assertThrows(IllegalArgumentException.class, () -> ProtocolScore.score("x", runs(7, 3.0), PAPER));
    }
}
