package org.annft.sweep;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.annft.nn.TrainingMode;

/**
 * How a sweep run initializes and trains (paper Sec. IV): critical or non-critical initialization
 * (CI, NI), critical per-layer or global averaged SGD learning rates (CT, NT), or Adam, for which
 * no critical training prescription exists and which the paper runs with CI and NI only.
 */
public enum SweepMode {
    CICT("cict", true, TrainingMode.CRITICAL, "sgd"),
    CINT("cint", true, TrainingMode.GLOBAL, "sgd"),
    NINT("nint", false, TrainingMode.GLOBAL, "sgd"),
    NICT("nict", false, TrainingMode.CRITICAL, "sgd"),
    ADAM_CINT("adam-cint", true, TrainingMode.GLOBAL, "adam"),
    ADAM_NINT("adam-nint", false, TrainingMode.GLOBAL, "adam");

    private final String configName;
    private final boolean criticalInit;
    private final TrainingMode trainingMode;
    private final String optimizer;

    SweepMode(String configName, boolean criticalInit, TrainingMode trainingMode, String optimizer) {
        this.configName = configName;
        this.criticalInit = criticalInit;
        this.trainingMode = trainingMode;
        this.optimizer = optimizer;
    }

    public String configName() {
        return configName;
    }

    public boolean criticalInit() {
        return criticalInit;
    }

    public TrainingMode trainingMode() {
        return trainingMode;
    }

    public String optimizer() {
        return optimizer;
    }

    public static SweepMode parse(String text) {
        for (SweepMode m : values()) {
            if (m.configName.equals(text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown sweep mode '" + text + "'; known: "
                + Arrays.stream(values()).map(SweepMode::configName).collect(Collectors.joining(", ")));
    }
}
