package org.annft.train;

import java.util.Optional;
import org.annft.ConfigNames;

/**
 * How a run initializes and trains (paper Sec. IV), defined once for the sweep, the tables and the
 * report: critical or non-critical initialization (CI, NI), critical per-layer or global averaged
 * SGD learning rates (CT, NT), or Adam, for which no critical training prescription exists and
 * which the paper runs with CI and NI only. Constants are in the paper's order (CICT, CINT, NINT,
 * then NICT and Adam), which the report follows; the config and table name of {@link #ADAM_CINT}
 * is {@code adam-cint}.
 */
public enum SweepMode {
    CICT("CICT", true, TrainingMode.CRITICAL, OptimizerKind.SGD,
            "critical initialization, critical per-layer learning rates (paper Eqs. 38-39)"),
    CINT("CINT", true, TrainingMode.GLOBAL, OptimizerKind.SGD,
            "critical initialization, one global weight rate and one bias rate (layer averages of the critical rates)"),
    NINT("NINT", false, TrainingMode.GLOBAL, OptimizerKind.SGD,
            "non-critical initialization, the global rate"),
    NICT("NICT", false, TrainingMode.CRITICAL, OptimizerKind.SGD,
            "non-critical initialization, critical per-layer rates"),
    ADAM_CINT("Adam CINT", true, TrainingMode.GLOBAL, OptimizerKind.ADAM,
            "critical initialization, Adam with the global rate"),
    ADAM_NINT("Adam NINT", false, TrainingMode.GLOBAL, OptimizerKind.ADAM,
            "non-critical initialization, Adam with the global rate");

    private final String label;
    private final boolean criticalInit;
    private final TrainingMode trainingMode;
    private final OptimizerKind optimizer;
    private final String meaning;

    SweepMode(String label, boolean criticalInit, TrainingMode trainingMode, OptimizerKind optimizer, String meaning) {
        this.label = label;
        this.criticalInit = criticalInit;
        this.trainingMode = trainingMode;
        this.optimizer = optimizer;
        this.meaning = meaning;
    }

    /**
     * The mode of a run from its three choices. Adam has no critical prescription, so an Adam run
     * is {@code adam-cint} or {@code adam-nint} whatever the training mode.
     */
    public static SweepMode of(boolean criticalInit, TrainingMode trainingMode, OptimizerKind optimizer) {
        if (optimizer == OptimizerKind.ADAM) {
            return criticalInit ? ADAM_CINT : ADAM_NINT;
        }
        if (criticalInit) {
            return trainingMode == TrainingMode.CRITICAL ? CICT : CINT;
        }
        return trainingMode == TrainingMode.CRITICAL ? NICT : NINT;
    }

    /** The name in configs and in the {@code mode} column: {@code cict}, {@code adam-cint}. */
    public String configName() {
        return ConfigNames.of(this);
    }

    /** As the paper writes it: CICT, Adam CINT. */
    public String label() {
        return label;
    }

    /** What the mode does, for captions: "critical initialization, critical per-layer learning rates ...". */
    public String meaning() {
        return meaning;
    }

    public boolean criticalInit() {
        return criticalInit;
    }

    /** Critical or global rates; for Adam the global rates its averaged learning rates are made of. */
    public TrainingMode trainingMode() {
        return trainingMode;
    }

    public OptimizerKind optimizer() {
        return optimizer;
    }

    /** Whether the run uses the global (layer-averaged) rates: CINT, NINT and Adam. */
    public boolean globalRates() {
        return trainingMode == TrainingMode.GLOBAL;
    }

    /**
     * @throws IllegalArgumentException naming the unknown mode and the known ones
     */
    public static SweepMode parse(String text) {
        return ConfigNames.parse(SweepMode.class, text.strip(), "sweep mode");
    }

    /** The mode a table names, if annft knows it (tables of other versions may hold others). */
    public static Optional<SweepMode> find(String configName) {
        for (SweepMode m : values()) {
            if (m.configName().equals(configName)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
