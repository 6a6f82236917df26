package org.annft.ensemble;

import org.annft.theory.GlobalRate;
import org.annft.theory.LearningRates;
import org.annft.train.TrainingMode;

/**
 * How an initialization ensemble measures the empirical NTK ({@code ensemble.ntk}): the learning-rate
 * tensor of the NTK, critical per-layer (paper Eqs. 38-39) or the layer-averaged global rates, at
 * raw rates {@code lambda~_b = lambda~_W = 1} (the NTK is linear in them).
 *
 * @param rates      critical or global
 * @param globalRate how global rates are averaged from the critical ones
 */
public record NtkSettings(TrainingMode rates, GlobalRate globalRate) implements java.io.Serializable {

    public NtkSettings {
        if (rates == null || globalRate == null) {
            throw new IllegalArgumentException("NTK rates and global-rate rule must be given");
        }
    }

    /** The learning-rate tensor of the configuration's network at raw rates (1, 1). */
    public LearningRates tensor(EnsembleConfiguration c) {
        return rates.prescription(c.activation(), c.network().architecture(), globalRate).tensor(1.0, 1.0);
    }
}
