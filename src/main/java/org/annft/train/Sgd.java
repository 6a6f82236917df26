package org.annft.train;

import java.util.List;
import org.annft.nn.FloatParameters;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.theory.LearningRates;

/**
 * Stochastic gradient descent with the learning-rate tensor of paper Eq. 33 (docs/theory.md,
 * "Learning-rate tensor"):
 * {@code b^(l) -= lambda_b^(l) dL/db^(l)}, {@code W^(l) -= (lambda_W^(l) / n_{l-1}) dL/dW^(l)},
 * the tensor fixed per phase of a {@link PhaseSchedule}.
 */
public final class Sgd implements Optimizer {

    private final PhaseSchedule schedule;
    private final LearningRates[] tensors;
    /** Per phase and layer, the rates used in practice: {@code lambda_W^(l) / n_{l-1}} and {@code lambda_b^(l)}. */
    private final double[][] weightRates;
    private final double[][] biasRates;
    /** The same rates rounded to float, for float32 steps. */
    private final float[][] weightRates32;
    private final float[][] biasRates32;
    private final int[] phaseEnds;
    private int current;

    /**
     * The tensors of all phases are built here, once, from the prescription.
     *
     * @throws IllegalArgumentException if a tensor does not cover exactly the network's layers
     */
    public Sgd(MlpArchitecture architecture, PhaseSchedule schedule, LearningRatePrescription prescription) {
        this.schedule = schedule;
        List<PhaseSchedule.Phase> phases = schedule.phases();
        this.tensors = new LearningRates[phases.size()];
        this.weightRates = new double[phases.size()][];
        this.biasRates = new double[phases.size()][];
        this.weightRates32 = new float[phases.size()][];
        this.biasRates32 = new float[phases.size()][];
        this.phaseEnds = new int[phases.size()];
        int end = 0;
        for (int i = 0; i < phases.size(); i++) {
            PhaseSchedule.Phase phase = phases.get(i);
            tensors[i] = prescription.tensor(phase.rawBiasRate(), phase.rawWeightRate());
            if (tensors[i].outputLayer() != architecture.outputLayer()) {
                throw new IllegalArgumentException("learning rates cover " + tensors[i].outputLayer()
                        + " layers, the network has " + architecture.outputLayer());
            }
            weightRates[i] = weightRates(tensors[i], architecture);
            biasRates[i] = biasRates(tensors[i]);
            weightRates32[i] = Float32Conversion.rounded(weightRates[i]);
            biasRates32[i] = Float32Conversion.rounded(biasRates[i]);
            end += phase.epochs();
            phaseEnds[i] = end;
        }
        this.current = 0;
    }

    public PhaseSchedule schedule() {
        return schedule;
    }

    /** The tensor in use since the last {@link #beginEpoch(int)}. */
    public LearningRates currentTensor() {
        return tensors[current];
    }

    /**
     * @throws IllegalArgumentException if the epoch lies outside the schedule
     */
    @Override
    public void beginEpoch(int epoch) {
        for (int i = 0; i < phaseEnds.length; i++) {
            if (epoch >= 1 && epoch <= phaseEnds[i]) {
                current = i;
                return;
            }
        }
        throw new IllegalArgumentException("epoch " + epoch + " outside 1 .. " + phaseEnds[phaseEnds.length - 1]);
    }

    /** {@code lambda_W^(l) / n_{l-1}} of the current phase. */
    double currentWeightRate(int layer) {
        return weightRates[current][layer - 1];
    }

    /** {@code lambda_b^(l)} of the current phase. */
    double currentBiasRate(int layer) {
        return biasRates[current][layer - 1];
    }

    /** {@link #currentWeightRate} rounded to float, for float32 steps. */
    float currentWeightRate32(int layer) {
        return weightRates32[current][layer - 1];
    }

    /** {@link #currentBiasRate} rounded to float, for float32 steps. */
    float currentBiasRate32(int layer) {
        return biasRates32[current][layer - 1];
    }

    @Override
    public void step(Parameters parameters, Parameters gradients) {
        OptimizerSteps.sgd(parameters, gradients, weightRates[current], biasRates[current]);
    }

    @Override
    public void step(FloatParameters parameters, FloatParameters gradients) {
        FloatOptimizerSteps.sgd(parameters, gradients, weightRates32[current], biasRates32[current]);
    }

    /** One SGD step with an explicit tensor. */
    public static void step(Parameters parameters, Parameters gradients, LearningRates rates) {
        OptimizerSteps.sgd(parameters, gradients, weightRates(rates, parameters.architecture()), biasRates(rates));
    }

    /** {@code lambda_W^(l) / n_{l-1}} for l = 1 .. l_out. */
    static double[] weightRates(LearningRates rates, MlpArchitecture architecture) {
        double[] out = new double[architecture.outputLayer()];
        for (int l = 1; l <= out.length; l++) {
            out[l - 1] = rates.lambdaW(l) / architecture.width(l - 1);
        }
        return out;
    }

    /** {@code lambda_b^(l)} for l = 1 .. l_out. */
    static double[] biasRates(LearningRates rates) {
        double[] out = new double[rates.outputLayer()];
        for (int l = 1; l <= out.length; l++) {
            out[l - 1] = rates.lambdaB(l);
        }
        return out;
    }
}
