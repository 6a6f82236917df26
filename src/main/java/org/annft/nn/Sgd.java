package org.annft.nn;

import java.util.List;
import org.annft.theory.LearningRates;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * Stochastic gradient descent with the learning-rate tensor of paper Eq. 33 (docs/theory.md,
 * "Learning-rate tensor"):
 * {@code b^(l) -= lambda_b^(l) dL/db^(l)}, {@code W^(l) -= (lambda_W^(l) / n_{l-1}) dL/dW^(l)},
 * the tensor fixed per phase of a {@link PhaseSchedule}.
 */
public final class Sgd implements Optimizer {

    private final PhaseSchedule schedule;
    private final LearningRates[] tensors;
    private final int[] phaseEnds;
    private LearningRates current;

    /**
     * The tensors of all phases are built here, once, from the prescription.
     *
     * @throws IllegalArgumentException if a tensor does not cover exactly the network's layers
     */
    public Sgd(MlpArchitecture architecture, PhaseSchedule schedule, LearningRatePrescription prescription) {
        this.schedule = schedule;
        List<PhaseSchedule.Phase> phases = schedule.phases();
        this.tensors = new LearningRates[phases.size()];
        this.phaseEnds = new int[phases.size()];
        int end = 0;
        for (int i = 0; i < phases.size(); i++) {
            PhaseSchedule.Phase phase = phases.get(i);
            tensors[i] = prescription.tensor(phase.rawBiasRate(), phase.rawWeightRate());
            if (tensors[i].outputLayer() != architecture.outputLayer()) {
                throw new IllegalArgumentException("learning rates cover " + tensors[i].outputLayer()
                        + " layers, the network has " + architecture.outputLayer());
            }
            end += phase.epochs();
            phaseEnds[i] = end;
        }
        this.current = tensors[0];
    }

    public PhaseSchedule schedule() {
        return schedule;
    }

    /** The tensor in use since the last {@link #beginEpoch(int)}. */
    public LearningRates currentTensor() {
        return current;
    }

    /**
     * @throws IllegalArgumentException if the epoch lies outside the schedule
     */
    @Override
    public void beginEpoch(int epoch) {
        for (int i = 0; i < phaseEnds.length; i++) {
            if (epoch >= 1 && epoch <= phaseEnds[i]) {
                current = tensors[i];
                return;
            }
        }
        throw new IllegalArgumentException("epoch " + epoch + " outside 1 .. " + phaseEnds[phaseEnds.length - 1]);
    }

    @Override
    public void step(Parameters parameters, Parameters gradients) {
        step(parameters, gradients, current);
    }

    /** One SGD step with an explicit tensor. */
    public static void step(Parameters parameters, Parameters gradients, LearningRates rates) {
        parameters.requireSameShape(gradients);
        MlpArchitecture architecture = parameters.architecture();
        for (int l = 1; l <= architecture.outputLayer(); l++) {
            subtractScaled(parameters.weights(l), rates.lambdaW(l) / architecture.width(l - 1), gradients.weights(l));
            subtractScaled(parameters.biases(l), rates.lambdaB(l), gradients.biases(l));
        }
    }

    @Override
    public void step(FloatParameters parameters, FloatParameters gradients) {
        parameters.requireSameShape(gradients);
        MlpArchitecture architecture = parameters.architecture();
        for (int l = 1; l <= architecture.outputLayer(); l++) {
            subtractScaled(parameters.weights(l), (float) (current.lambdaW(l) / architecture.width(l - 1)),
                    gradients.weights(l));
            subtractScaled(parameters.biases(l), (float) current.lambdaB(l), gradients.biases(l));
        }
    }

    private static void subtractScaled(FMatrixRMaj target, float scale, FMatrixRMaj gradient) {
        int size = target.getNumElements();
        float[] t = target.data;
        float[] g = gradient.data;
        for (int i = 0; i < size; i++) {
            t[i] -= scale * g[i];
        }
    }

    private static void subtractScaled(DMatrixRMaj target, double scale, DMatrixRMaj gradient) {
        int size = target.getNumElements();
        double[] t = target.data;
        double[] g = gradient.data;
        for (int i = 0; i < size; i++) {
            t[i] -= scale * g[i];
        }
    }
}
