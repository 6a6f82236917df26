package org.annft.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.annft.nn.MlpArchitecture;
import org.annft.train.TrainingCheckpoints;
import org.annft.train.TrainingState;
import org.apache.hadoop.conf.Configuration;

/**
 * When one run of a sweep saves its state and which state it continues from: it saves at the first
 * epoch boundary after every {@code everySeconds} of training (so a run shorter than that saves
 * nothing), keeping only its latest state ({@link RunState}); it continues from its latest usable
 * state, and a state that is damaged or belongs to another run is reported in one line, deleted and
 * not used.
 */
final class MidRunCheckpoints implements TrainingCheckpoints {

    private final String directory;
    private final String checkpointName;
    private final String identity;
    private final MlpArchitecture architecture;
    private final long everyNanos;
    private final Configuration hadoop;
    private final PrintStream log;
    private long lastSave = System.nanoTime();
    private int resumedEpoch;
    private int saves;
    private long saveNanos;
    private long savedBytes;

    /**
     * @param checkpointName the run's checkpoint name ({@link RunCheckpoint#fileName})
     * @param identity       the run's identity ({@link RunCheckpoint#identity})
     * @param everySeconds   seconds of training between saves; 0 for none
     * @param log            where a resumed or refused state is reported
     */
    MidRunCheckpoints(String directory, String checkpointName, String identity, MlpArchitecture architecture,
                      double everySeconds, Configuration hadoop, PrintStream log) {
        this.directory = directory;
        this.checkpointName = checkpointName;
        this.identity = identity;
        this.architecture = architecture;
        this.everyNanos = (long) Math.min(Long.MAX_VALUE, everySeconds * 1e9);
        this.hadoop = hadoop;
        this.log = log;
    }

    /** The epoch the run continued from, 0 if it started from its beginning. */
    int resumedEpoch() {
        return resumedEpoch;
    }

    /** States saved so far. */
    int saves() {
        return saves;
    }

    /** Wall nanoseconds of the saves so far, writing and deleting the earlier state. */
    long saveNanos() {
        return saveNanos;
    }

    /** Bytes of the states saved so far. */
    long savedBytes() {
        return savedBytes;
    }

    @Override
    public TrainingState resume() {
        for (String name : RunState.existing(directory, checkpointName, hadoop)) {
            try {
                TrainingState state = RunState.read(directory, name, identity, architecture, hadoop);
                resumedEpoch = state.epoch();
                log.printf(Locale.ROOT, "sweep: run %s continues from its state after epoch %d%n", checkpointName,
                        state.epoch());
                return state;
            } catch (IOException e) {
                log.printf(Locale.ROOT, "sweep: in-progress state %s %s; not resumed%n", name, e.getMessage());
                RunState.delete(directory, name, hadoop);
            }
        }
        return null;
    }

    @Override
    public boolean due(int epoch) {
        return everyNanos > 0 && System.nanoTime() - lastSave >= everyNanos;
    }

    @Override
    public void save(TrainingState state) {
        long start = System.nanoTime();
        savedBytes += RunState.write(directory, checkpointName, identity, state, hadoop);
        RunState.deleteBefore(directory, checkpointName, state.epoch(), hadoop);
        lastSave = System.nanoTime();
        saves++;
        saveNanos += lastSave - start;
    }
}
