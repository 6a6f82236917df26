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

    /** The rows of table protocols replace train: captions state what the protocol ran with. */
    @Test
    void theProtocolsTableReplacesTheConfiguredTrainSettings() {
        java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
        rows.put("train.phases", "[{\"epochs\":700,\"lambda-b\":0.5,\"lambda-w\":0.25}]");
        rows.put("train.batch-size", "0");
        rows.put("train.target", "\"binding-energy\"");
        rows.put("train.loss", "\"mse\"");
        RunDescription run = description().withTrainSettings(rows);
        assertEquals(Optional.of(700), ProtocolCaption.sgdEpochs(run));
        assertEquals(Optional.of("0"), run.find("batch-size"));
        assertEquals(Optional.empty(), run.findPath("protocols"), "the scan's list is gone");
        String caption = ProtocolCaption.describe(Optional.of(run), java.util.List.of("cict"));
        org.junit.jupiter.api.Assertions.assertTrue(caption.contains("SGD 700 epochs at raw rates lambda~_b = 0.5"), caption);
        assertEquals("MeV^2", ProtocolCaption.lossUnit(Optional.of(run)));
        assertEquals(description(), description().withTrainSettings(java.util.Map.of()));
    }
}
