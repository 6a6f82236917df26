package org.annft.sweep;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.annft.nn.OptimizerKind;
import org.annft.nn.TrainingMode;

/**
 * How a sweep run initializes and trains (paper Sec. IV): critical or non-critical initialization
 * (CI, NI), critical per-layer or global averaged SGD learning rates (CT, NT), or Adam, for which
 * no critical training prescription exists and which the paper runs with CI and NI only.
 */
public enum SweepMode {
    CICT("cict", true, TrainingMode.CRITICAL, OptimizerKind.SGD),
    CINT("cint", true, TrainingMode.GLOBAL, OptimizerKind.SGD),
    NINT("nint", false, TrainingMode.GLOBAL, OptimizerKind.SGD),
    NICT("nict", false, TrainingMode.CRITICAL, OptimizerKind.SGD),
    ADAM_CINT("adam-cint", true, TrainingMode.GLOBAL, OptimizerKind.ADAM),
    ADAM_NINT("adam-nint", false, TrainingMode.GLOBAL, OptimizerKind.ADAM);

    private final String configName;
    private final boolean criticalInit;
    private final TrainingMode trainingMode;
    private final OptimizerKind optimizer;

    SweepMode(String configName, boolean criticalInit, TrainingMode trainingMode, OptimizerKind optimizer) {
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

    public OptimizerKind optimizer() {
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
