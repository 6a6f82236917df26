package org.annft.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.annft.data.PaperResults;
import org.junit.jupiter.api.Test;

/** The rules of the claims table on constructed runs, each once met and once not. */
class ClaimsTest {

    private static final PaperResults PAPER = PaperResults.load();

    private static void add(List<Claims.Run> runs, String source, String inputs, String mode, int width, int epochs,
                            double... rmsds) {
        for (double r : rmsds) {
            runs.add(new Claims.Run(source, inputs, "relu", mode, "default", width, 4, epochs, r));
        }
    }

    /** Table I runs: failures fall with the width, failed runs at 73.6 MeV (B/A dead), converged near the paper. */
    private static List<Claims.Run> tableOne(double failedAt, double at120) {
        List<Claims.Run> runs = new ArrayList<>();
        add(runs, "table1", "zn", "cict", 1, 3000, failedAt, failedAt);
        add(runs, "table1", "zn", "cict", 10, 3000, failedAt, 5.0);
        add(runs, "table1", "zn", "cict", 40, 3000, 4.0, 5.0);
        add(runs, "table1", "zn", "cict", 120, 3000, at120, at120);
        add(runs, "table1", "zn", "cict", 240, 3000, 2.7, 2.8);
        return runs;
    }

    @Test
    void tableOneClaims() {
        List<Claims.Claim> c = Claims.evaluate(tableOne(73.6, 2.6), PAPER);
        assertEquals("failure fractions by width", c.get(0).claim());
        assertEquals(Optional.of(true), c.get(0).met(), c.get(0).annft());
        assertEquals("1: 100%, 10: 50%, 40: 0%", c.get(0).annft());
        assertEquals(Optional.of(true), c.get(1).met(), "73.6 is within 10% of 71.95");
        assertEquals(Optional.of(true), c.get(2).met(), c.get(2).annft());
        assertEquals("120: 2.60, 240: 2.75", c.get(2).annft());

        List<Claims.Claim> dead = Claims.evaluate(tableOne(525.8, 3.5), PAPER);
        assertEquals(Optional.of(false), dead.get(1).met(), "525.8 is the dead state on total B");
        assertEquals(Optional.of(false), dead.get(2).met(), "3.5 at width 120 is 1 MeV from the paper");

        List<Claims.Run> growing = tableOne(73.6, 2.6);
        add(growing, "table1", "zn", "cict", 20, 3000, 80, 80, 80);
        assertEquals(Optional.of(false), Claims.evaluate(growing, PAPER).get(0).met(), "width 20 fails more than 10");
        assertEquals(Optional.empty(), Claims.evaluate(List.of(), PAPER).get(0).met());
        List<Claims.Run> none = new ArrayList<>();
        add(none, "table1", "zn", "cict", 120, 3000, 2.6);
        assertEquals(Optional.of(false), Claims.evaluate(none, PAPER).get(1).met(), "the paper's narrow networks fail");
    }

    /** Protocols of one directory (a scan) are not pooled into one Table I. */
    @Test
    void protocolsOfAScanAreNotPooled() {
        List<Claims.Run> runs = tableOne(73.6, 2.6);
        for (int w : new int[] {1, 4, 10, 20}) {
            runs.add(new Claims.Run("scan", "zn", "relu", "cict", "a", w, 4, 1200, 80));
        }
        for (int w : new int[] {30, 40, 50, 60}) {
            runs.add(new Claims.Run("scan", "zn", "relu", "cict", "b", w, 4, 1200, 3));
        }
        assertEquals("table1", Claims.evaluate(runs, PAPER).get(0).source());
        assertEquals("scan, protocol a", Claims.tableOneSource(runs.subList(10, runs.size())).map(l -> l.get(0).protocol())
                .map(p -> "scan, protocol " + p).orElseThrow());
    }

    /** The long runs (more epochs, three widths) decide the rise; the Table I source keeps its own. */
    @Test
    void riseAboveNStarFromTheLongestRuns() {
        List<Claims.Run> runs = tableOne(73.6, 2.6);
        add(runs, "rise", "zn", "cict", 60, 20000, 3.0, 3.2);
        add(runs, "rise", "zn", "cict", 120, 20000, 2.4, 2.6);
        add(runs, "rise", "zn", "cict", 240, 20000, 2.8, 2.9);
        Claims.Claim rise = Claims.evaluate(runs, PAPER).get(3);
        assertEquals(Optional.of(true), rise.met(), rise.annft());
        assertEquals("rise", rise.source());
        assertEquals("table1", Claims.evaluate(runs, PAPER).get(0).source());

        List<Claims.Run> falling = tableOne(73.6, 2.6);
        add(falling, "rise", "zn", "cict", 60, 20000, 3.0);
        add(falling, "rise", "zn", "cict", 120, 20000, 2.6);
        add(falling, "rise", "zn", "cict", 240, 20000, 2.3);
        assertEquals(Optional.of(false), Claims.evaluate(falling, PAPER).get(3).met(), "still falling at 240");
    }

    @Test
    void modesAdamAndFourInputs() {
        List<Claims.Run> runs = tableOne(73.6, 2.6);
        add(runs, "fig8-9", "zn", "cict", 40, 3000, 2.0, 2.2);
        add(runs, "fig8-9", "zn", "cint", 40, 3000, 3.0, 3.2);
        add(runs, "fig8-9", "zn", "nint", 40, 3000, 10, 73.6);
        add(runs, "fig8-9", "zn", "adam-cint", 40, 3000, 1.5, 1.7);
        add(runs, "pairing", "zn-pairing", "cict", 120, 3000, 2.9, 3.1);
        List<Claims.Claim> c = Claims.evaluate(runs, PAPER);
        assertEquals(Optional.of(true), c.get(4).met(), c.get(4).annft());
        assertEquals(Optional.of(true), c.get(5).met(), c.get(5).annft());
        assertEquals(Optional.of(true), c.get(6).met(), c.get(6).annft());

        List<Claims.Run> swapped = tableOne(73.6, 2.6);
        add(swapped, "fig8-9", "zn", "cict", 40, 3000, 3.0);
        add(swapped, "fig8-9", "zn", "cint", 40, 3000, 2.0);
        add(swapped, "fig8-9", "zn", "nint", 40, 3000, 10);
        add(swapped, "fig8-9", "zn", "adam-nint", 40, 3000, 2.5);
        add(swapped, "pairing", "zn-pairing", "cict", 120, 3000, 2.0, 2.0);
        List<Claims.Claim> d = Claims.evaluate(swapped, PAPER);
        assertEquals(Optional.of(false), d.get(4).met(), "CINT below CICT");
        assertEquals(Optional.of(false), d.get(5).met(), "2.5 is 1.3 MeV above 1.2");
        assertEquals(Optional.of(false), d.get(6).met(), "four inputs better than two by more than the error");
    }
}
