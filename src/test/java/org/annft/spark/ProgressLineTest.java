package org.annft.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final StringWriter text = new StringWriter();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private ProgressLine line(boolean terminal, String failedWord) {
        return new ProgressLine(new PrintWriter(text), "sweep", "runs", failedWord, 8, done::get, failed::get,
                () -> done.get() / 8.0, terminal, clock::get);
    }

    private void advance(double seconds) {
        clock.addAndGet(Math.round(seconds * 1e9));
    }

    /** Time left = elapsed (1 - f) / f: 10 s for a quarter of the cost leaves 30 s. */
    @Test
    void theLineStatesCountsElapsedAndTimeLeft() {
        ProgressLine progress = line(false, "diverged");
        assertEquals("sweep: 0/8 runs done, 0 diverged, 0m00s elapsed", progress.line());
        done.set(2);
        failed.set(1);
        advance(10);
        assertEquals("sweep: 2/8 runs done, 1 diverged, 0m10s elapsed, about 0m30s left", progress.line());
        done.set(8);
        advance(3590);
        assertEquals("sweep: 8/8 runs done, 1 diverged, 1h00m elapsed, about 0m00s left", progress.line());
        assertEquals("sweep: 8/8 runs done, 0m00s elapsed, about 0m00s left", line(false, null).line(),
                "no failure count where items cannot fail");
    }

    /**
     * Not a terminal, one long task: while no item finishes, the growing share (work inside the task)
     * prints a line at most once a minute, and only when it grew by at least 1%.
     */
    @Test
    void workInsideLongTasksIsShownOnceAMinute() {
        java.util.concurrent.atomic.AtomicReference<Double> share = new java.util.concurrent.atomic.AtomicReference<>(0.0);
        ProgressLine progress = new ProgressLine(new PrintWriter(text), "sweep", "runs", "diverged", 1, done::get,
                failed::get, share::get, false, clock::get);
        progress.tick(); // the first line, count 0
        share.set(0.05);
        advance(30);
        progress.tick(); // half a minute: nothing
        advance(31);
        progress.tick(); // a minute and 5% more: a line
        share.set(0.055);
        advance(61);
        progress.tick(); // a minute, but 0.5% more: nothing
        share.set(0.2);
        advance(1);
        progress.tick(); // a minute since the last line and 15% more: a line
        share.set(0.3);
        advance(30);
        progress.tick(); // half a minute since the last line: nothing
        assertEquals(String.join(System.lineSeparator(),
                "sweep: 0/1 runs done, 0 diverged, 0m00s elapsed",
                "sweep: 0/1 runs done, 0 diverged, 1m01s elapsed, about 19m19s left",
                "sweep: 0/1 runs done, 0 diverged, 2m03s elapsed, about 8m12s left") + System.lineSeparator(),
                text.toString());
    }

    /** Not a terminal: whole lines, one per change of the count, and a last one at the end. */
    @Test
    void plainLinesWhenNotATerminal() {
        ProgressLine progress = line(false, "diverged");
        done.set(1);
        advance(5);
        progress.tick();
        advance(5);
        progress.tick();
        done.set(2);
        advance(5);
        progress.tick();
        progress.finish();
        String out = text.toString();
        assertFalse(out.contains("\r"), out);
        assertEquals(String.join(System.lineSeparator(),
                "sweep: 1/8 runs done, 0 diverged, 0m05s elapsed, about 0m35s left",
                "sweep: 2/8 runs done, 0 diverged, 0m15s elapsed, about 0m45s left",
                "sweep: 2/8 runs done, 0 diverged, 0m15s elapsed, about 0m45s left") + System.lineSeparator(), out);
    }

    /**
     * A terminal: every update rewrites the one line after a carriage return, blanking what is left
     * of a longer previous line, and only the end adds a newline.
     */
    @Test
    void oneLineRewrittenInPlaceOnATerminal() {
        ProgressLine progress = line(true, "diverged");
        progress.tick();
        String start = "sweep: 0/8 runs done, 0 diverged, 0m00s elapsed";
        assertEquals("\r" + start, text.toString());
        done.set(1);
        advance(100);
        progress.tick();
        String first = "sweep: 1/8 runs done, 0 diverged, 1m40s elapsed, about 11m40s left";
        assertEquals("\r" + start + "\r" + first, text.toString());
        done.set(4);
        advance(20);
        progress.tick();
        String second = "sweep: 4/8 runs done, 0 diverged, 2m00s elapsed, about 2m00s left";
        assertTrue(second.length() < first.length());
        assertEquals("\r" + start + "\r" + first + "\r" + second + " ".repeat(first.length() - second.length()),
                text.toString());
        progress.finish();
        String out = text.toString();
        assertTrue(out.endsWith("\r" + second + System.lineSeparator()), out);
        assertEquals(1, out.split(System.lineSeparator(), -1).length - 1, "a single newline, at the end");
    }
}
