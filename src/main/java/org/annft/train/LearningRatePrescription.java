package org.annft.train;

import org.annft.nn.MlpArchitecture;
import org.annft.theory.Activation;
import org.annft.theory.Criticality;
import org.annft.theory.CriticalityClass;
import org.annft.theory.GlobalRate;
import org.annft.theory.LearningRates;

/**
 * Turns a phase's raw rates {@code (lambda~_b, lambda~_W)} into the per-layer learning-rate tensor
 * of one network (paper Eq. 33). Implementations capture what they need of the network.
 */
@FunctionalInterface
public interface LearningRatePrescription {

    /** The tensor for raw rates {@code rawBiasRate = lambda~_b}, {@code rawWeightRate = lambda~_W}. */
    LearningRates tensor(double rawBiasRate, double rawWeightRate);

    /** Every layer 1 .. outputLayer gets the raw rates unchanged. */
    static LearningRatePrescription uniform(int outputLayer) {
        return (b, w) -> LearningRates.global(outputLayer, b, w);
    }

    /**
     * The critical rates of paper Eqs. 38-39 for the activation's universality class (CICT), see
     * {@link LearningRates#critical(CriticalityClass, int, double, double)}.
     */
    static LearningRatePrescription critical(Activation activation, int outputLayer) {
        CriticalityClass universality = Criticality.of(activation).universalityClass();
        return (b, w) -> LearningRates.critical(universality, outputLayer, b, w);
    }

    /**
     * One rate per parameter kind for every layer: the layer average of the critical rates of the
     * same network (the global rates of CINT and NINT, paper Sec. IV), by the rule {@code rule}.
     */
    static LearningRatePrescription averagedCritical(Activation activation, MlpArchitecture architecture,
            GlobalRate rule) {
        LearningRatePrescription critical = critical(activation, architecture.outputLayer());
        int[] fanIns = fanIns(architecture);
        return (b, w) -> rule.average(critical.tensor(b, w), fanIns);
    }

    /** {@code n_{l-1}} of the layers 1 .. l_out. */
    static int[] fanIns(MlpArchitecture architecture) {
        int[] fanIns = new int[architecture.outputLayer()];
        for (int l = 1; l <= fanIns.length; l++) {
            fanIns[l - 1] = architecture.width(l - 1);
        }
        return fanIns;
    }
}
