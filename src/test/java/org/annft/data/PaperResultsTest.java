package org.annft.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.annft.theory.Activations;
import org.annft.theory.AspectRatio;
import org.junit.jupiter.api.Test;

/** The packaged paper values against the paper's text and its own identities. */
class PaperResultsTest {

    private final PaperResults paper = PaperResults.load();

    @Test
    void valuesAsThePaperPrintsThem() {
        List<PaperResults.TableOneRow> t = paper.tableOne();
        assertEquals(List.of(1, 4, 10, 20, 30, 40, 50, 60, 70, 80, 90, 115, 120, 180, 240, 500, 1000, 2000),
                t.stream().map(PaperResults.TableOneRow::width).toList());
        // Table I: "1 4.0000 71.9549 0.0000 100", "10 0.4000 55.9824* 25.3620* 99",
        // "120 0.0333 2.5250 0.2221 100", "2000 0.0020 4.0420 0.1850 84".
        assertEquals(new PaperResults.TableOneRow(1, 4.0, 71.9549, 0.0, 100, 100, false), paper.tableOne(1).orElseThrow());
        assertEquals(new PaperResults.TableOneRow(10, 0.4, 55.9824, 25.3620, 99, 100, true), paper.tableOne(10).orElseThrow());
        assertEquals(new PaperResults.TableOneRow(120, 0.0333, 2.5250, 0.2221, 100, 100, false),
                paper.tableOne(120).orElseThrow());
        assertEquals(new PaperResults.TableOneRow(2000, 0.0020, 4.0420, 0.1850, 84, 100, false),
                paper.tableOne(2000).orElseThrow());
        assertFalse(paper.tableOne(7).isPresent());
        // Sec. IV: "about 1.2 MeV", "about 1.9 MeV", "r* = 0.034", "n = 115"; Fig. 13: ">= 30 MeV".
        assertEquals(1.2, paper.adamRmsdMev(), 0);
        assertEquals(1.9, paper.bestCictRmsdMev(), 0);
        assertEquals(0.034, paper.rStar(), 0);
        assertEquals(115, paper.nStar());
        assertEquals(30, paper.figure13CutoffMev(), 0);
    }

    /** r = l_out / n to the four decimals printed; the asterisk exactly where r* < r < 1 with annft's r*. */
    @Test
    void ratiosAndAsterisksFollowFromTheWidths() {
        double rStar = AspectRatio.of(Activations.parse("relu"), 4, 1).optimalAspectRatio();
        // Eq. 50 gives 4/115 = 0.03478 at l_out = 4; the paper's text prints it cut to 0.034.
        assertEquals(paper.rStar(), rStar, 1e-3);
        for (PaperResults.TableOneRow row : paper.tableOne()) {
            double r = 4.0 / row.width();
            assertEquals(r, row.r(), 5e-5, "width " + row.width());
            assertEquals(r > rStar && r < 1, row.marked(), "width " + row.width());
            assertTrue(row.runs() <= 100);
        }
    }
}
