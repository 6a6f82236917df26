package org.annft.sweep;

import java.io.Serializable;
import org.annft.train.Adam;

/**
 * How an Adam run trains ({@code train.adam.*}): Adam's own settings, where its learning rates come
 * from, and for how many epochs; the Adam counterpart of the SGD phases.
 *
 * @param settings learning rate, betas and epsilon
 * @param rates    averaged from raw rates (the paper's Adam-CINT and Adam-NINT) or Adam's fixed rate
 * @param epochs   epochs of an Adam run, at least 1
 */
public record AdamSchedule(Adam.AdamSettings settings, AdamRates rates, int epochs) implements Serializable {

    public AdamSchedule {
        if (settings == null || rates == null) {
            throw new IllegalArgumentException("Adam settings and rates must be given");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("Adam epochs must be >= 1, got " + epochs);
        }
    }

    /** The same settings for {@code count} epochs. */
    public AdamSchedule withEpochs(int count) {
        return new AdamSchedule(settings, rates, count);
    }
}
