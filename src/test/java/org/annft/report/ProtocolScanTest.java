package org.annft.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The protocol scan's median is always one of the runs: the lower of the middle two for an even count. */
class ProtocolScanTest {

    @Test
    void theMedianLineGoesThroughARun() {
        assertEquals(2.0, ProtocolScan.lowerMedian(List.of(10.0, 1.0, 7.0, 2.0)), "not 4.5, where no run is");
        assertEquals(7.0, ProtocolScan.lowerMedian(List.of(10.0, 1.0, 7.0)));
        assertEquals(3.0, ProtocolScan.lowerMedian(List.of(3.0)));
    }
}
