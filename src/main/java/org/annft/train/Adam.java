package org.annft.train;

import org.annft.nn.FloatParameters;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.theory.LearningRates;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1), the optimizer the paper compares against (lr 1e-4,
 * betas 0.9 and 0.999). For each parameter and step t:
 * {@code m = beta1 m + (1-beta1) g}, {@code v = beta2 v + (1-beta2) g^2},
 * {@code theta -= lr (m / (1-beta1^t)) / (sqrt(v / (1-beta2^t)) + epsilon)}.
 * The rate {@code lr} is either {@link AdamSettings#learningRate()} for every parameter or, per
 * layer, the rates used in practice of a learning-rate tensor: {@code lambda_W^(l) / n_{l-1}} for
 * the weights and {@code lambda_b^(l)} for the biases of layer l (the paper's Adam-CINT/NINT take
 * the global tensor of CINT/NINT, Sec. IV).
 */
public final class Adam implements Optimizer {

    private final AdamSettings settings;
    private final double[] weightRates;
    private final double[] biasRates;
    private final float[] weightRates32;
    private final float[] biasRates32;
    private final MlpArchitecture architecture;
    /** The moments of the precision in use, allocated by its first step. */
    private Parameters firstMoment;
    private Parameters secondMoment;
    private FloatParameters firstMoment32;
    private FloatParameters secondMoment32;
    private long steps;

    /**
     * Settings of Adam.
     *
     * @param learningRate lr, finite and positive
     * @param beta1        in [0, 1)
     * @param beta2        in [0, 1)
     * @param epsilon      finite and positive
     */
    public record AdamSettings(double learningRate, double beta1, double beta2, double epsilon)
            implements java.io.Serializable {
        public AdamSettings {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("adam learning rate must be finite and > 0, got " + learningRate);
            }
            requireDecay("adam beta1", beta1);
            requireDecay("adam beta2", beta2);
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("adam epsilon must be finite and > 0, got " + epsilon);
            }
        }

        /** The paper's settings: lr 1e-4, betas 0.9 and 0.999; epsilon 1e-7 is not stated there (Keras's default). */
        public static AdamSettings paper() {
            return new AdamSettings(1e-4, 0.9, 0.999, 1e-7);
        }

        private static void requireDecay(String name, double beta) {
            if (!(beta >= 0 && beta < 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1), got " + beta);
            }
        }
    }

    /** Adam with {@code settings.learningRate()} for every parameter. */
    public Adam(MlpArchitecture architecture, AdamSettings settings) {
        this(architecture, settings, null);
    }

    /**
     * Adam with the per-layer rates of {@code rates} (weights {@code lambda_W^(l) / n_{l-1}}, biases
     * {@code lambda_b^(l)}); {@code settings.learningRate()} is not used. {@code rates == null}
     * means {@code settings.learningRate()} everywhere.
     *
     * @throws IllegalArgumentException if the rates do not cover exactly the network's layers
     */
    public Adam(MlpArchitecture architecture, AdamSettings settings, LearningRates rates) {
        this.settings = settings;
        int layers = architecture.outputLayer();
        if (rates != null && rates.outputLayer() != layers) {
            throw new IllegalArgumentException("learning rates cover " + rates.outputLayer()
                    + " layers, the network has " + layers);
        }
        this.weightRates = new double[layers];
        this.biasRates = new double[layers];
        for (int l = 1; l <= layers; l++) {
            weightRates[l - 1] = rates == null ? settings.learningRate() : rates.lambdaW(l) / architecture.width(l - 1);
            biasRates[l - 1] = rates == null ? settings.learningRate() : rates.lambdaB(l);
        }
        this.weightRates32 = Float32Conversion.rounded(weightRates);
        this.biasRates32 = Float32Conversion.rounded(biasRates);
        this.architecture = architecture;
    }

    /** The rate of the weights of {@code layer} (1-based). */
    public double weightRate(int layer) {
        return weightRates[layer - 1];
    }

    /** The rate of the biases of {@code layer} (1-based). */
    public double biasRate(int layer) {
        return biasRates[layer - 1];
    }

    /** Steps taken so far. */
    public long steps() {
        return steps;
    }

    @Override
    public void beginEpoch(int epoch) {
        // Adam has no schedule.
    }

    @Override
    public void step(Parameters parameters, Parameters gradients) {
        if (firstMoment == null) {
            firstMoment = new Parameters(architecture);
            secondMoment = new Parameters(architecture);
        }
        steps++;
        OptimizerSteps.adam(parameters, gradients, firstMoment, secondMoment, weightRates, biasRates,
                settings.beta1(), settings.beta2(), settings.epsilon(),
                1 - Math.pow(settings.beta1(), steps), 1 - Math.pow(settings.beta2(), steps));
    }

    @Override
    public void step(FloatParameters parameters, FloatParameters gradients) {
        if (firstMoment32 == null) {
            firstMoment32 = new FloatParameters(architecture);
            secondMoment32 = new FloatParameters(architecture);
        }
        steps++;
        FloatOptimizerSteps.adam(parameters, gradients, firstMoment32, secondMoment32, weightRates32, biasRates32,
                (float) settings.beta1(), (float) settings.beta2(), (float) settings.epsilon(),
                (float) (1 - Math.pow(settings.beta1(), steps)), (float) (1 - Math.pow(settings.beta2(), steps)));
    }

    /** t, m and v; float32 moments widened (exactly), so that {@link #restore} rounds them back unchanged. */
    @Override
    public OptimizerState state() {
        if (firstMoment32 != null) {
            return new OptimizerState(steps, Float32Conversion.widened(firstMoment32),
                    Float32Conversion.widened(secondMoment32));
        }
        return new OptimizerState(steps, firstMoment, secondMoment);
    }

    @Override
    public void restore(OptimizerState state, Precision precision) {
        steps = state.steps();
        if (state.firstMoment() == null) {
            return;
        }
        if (precision == Precision.FLOAT32) {
            firstMoment32 = Float32Conversion.rounded(state.firstMoment());
            secondMoment32 = Float32Conversion.rounded(state.secondMoment());
        } else {
            firstMoment = state.firstMoment();
            secondMoment = state.secondMoment();
        }
    }
}
