package org.annft.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Captions of one sweep protocol describe that protocol's own settings, not the base train.* ones. */
class RunDescriptionTest {

    private static final String CONFIG = """
            {"train": {"phases": [{"epochs": 5000, "lambda-b": 0.3, "lambda-w": 0.3},
                                  {"epochs": 15000, "lambda-b": 0.0001, "lambda-w": 0.0001}],
                       "batch-size": 32, "target": "binding-energy-per-nucleon", "loss": "mae"},
             "sweep": {"protocols": [
                {"name": "r0.01", "train": {"phases": [{"epochs": 1000, "lambda-b": 0.01, "lambda-w": 0.01}],
                                             "target": "binding-energy"}},
                {"name": "full", "train": {"batch-size": 0}}]}}""";

    private static RunDescription description() {
        return new RunDescription("scan", "sweep", 1, "v", "r", "s", "local", "t", 1.0, CONFIG);
    }

    @Test
    void aProtocolsCaptionStatesItsOwnPhasesAndKeepsTheRest() {
        RunDescription base = description();
        assertEquals(Optional.of(20000), ProtocolCaption.sgdEpochs(base));
        RunDescription scanned = base.forProtocol("r0.01");
        assertEquals(Optional.of(1000), ProtocolCaption.sgdEpochs(scanned));
        assertEquals(Optional.of("binding-energy"), scanned.find("target"));
        assertEquals(Optional.of("32"), scanned.find("batch-size"), "keys the protocol does not set stay");
        String caption = ProtocolCaption.describe(Optional.of(scanned), java.util.List.of("cict"));
        org.junit.jupiter.api.Assertions.assertTrue(caption.contains("SGD 1000 epochs at raw rates lambda~_b = 0.01"),
                caption);
        org.junit.jupiter.api.Assertions.assertTrue(caption.contains("MAE loss on B"), caption);
        assertEquals(Optional.of("0"), base.forProtocol("full").find("batch-size"));
        assertEquals(Optional.of(20000), ProtocolCaption.sgdEpochs(base.forProtocol("full")));
        assertEquals("MeV per nucleon", ProtocolCaption.lossUnit(Optional.of(base)));
        assertEquals("MeV", ProtocolCaption.lossUnit(Optional.of(scanned)));
        assertEquals(base, base.forProtocol("absent"));
    }
}
