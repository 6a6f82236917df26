package org.annft.predict;

import java.util.ArrayList;
import java.util.List;
import org.annft.data.InputFeatures;
import org.annft.data.MinMaxScaler;
import org.annft.data.Target;
import org.annft.linalg.FloatGemm;
import org.annft.linalg.Gemm;
import org.annft.nn.Mlp;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.Parameters;
import org.annft.theory.Activations;
import org.annft.train.Precision;
import org.annft.train.Samples;
import org.annft.train.Trainer;
import org.ejml.data.DMatrixRMaj;

/**
 * A trained network as table {@code models} saves it: the parameters of every layer and what maps a
 * nuclide to the network's inputs (the input features and the MinMax range of Z and N fitted on the
 * training data). With its run's activation, shape, target, target scale and precision it predicts
 * any nuclide bit for bit as the run itself predicted its data set, in total binding energy whatever
 * its target.
 *
 * @param activation  the hidden layers' activation
 * @param inputs   {@code data.inputs}: zn or zn-pairing
 * @param inputMin MinMax minima of the scaled inputs (Z, N)
 * @param inputMax MinMax maxima of the scaled inputs
 * @param weights  {@code W^(l)}, row-major {@code n_l x n_{l-1}}, for l = 1 .. l_out
 * @param biases   {@code b^(l)}, for l = 1 .. l_out
 * @param target      what the network learned: B, or B/A (its output times A is B)
 * @param targetScale the output times this is the target in MeV
 * @param precision   the arithmetic of the network's predictions
 */
public record TrainedModel(String activation, String inputs, double[] inputMin, double[] inputMax,
                           List<double[]> weights, List<double[]> biases, Target target, double targetScale,
                           Precision precision) implements java.io.Serializable {

    public TrainedModel {
        Activations.parse(activation);
        InputFeatures.parse(inputs);
        if (!(targetScale > 0) || precision == null || target == null) {
            throw new IllegalArgumentException("a model needs a target, a positive target scale and a precision");
        }
        MinMaxScaler.of(inputMin, inputMax);
        if (weights.size() != biases.size() || weights.isEmpty()) {
            throw new IllegalArgumentException("a model needs weights and biases of every layer, got " + weights.size()
                    + " and " + biases.size());
        }
        weights = weights.stream().map(double[]::clone).toList();
        biases = biases.stream().map(double[]::clone).toList();
    }

    /** The model of a trained network, the data set's inputs and scaler, and how it was trained. */
    public static TrainedModel of(Mlp network, InputFeatures inputs, MinMaxScaler scaler, Target target, double targetScale,
                           Precision precision) {
        double[] min = new double[InputFeatures.SCALED_COLUMNS];
        double[] max = new double[InputFeatures.SCALED_COLUMNS];
        for (int j = 0; j < min.length; j++) {
            min[j] = scaler.min(j);
            max[j] = scaler.max(j);
        }
        List<double[]> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        Parameters p = network.parameters();
        for (int l = 1; l <= network.architecture().outputLayer(); l++) {
            w.add(p.weights(l).data.clone());
            b.add(p.biases(l).data.clone());
        }
        return new TrainedModel(network.activation().name(), inputs.configName(), min, max, w, b, target, targetScale,
                precision);
    }

    /** Layers l_out. */
    public int layers() {
        return weights.size();
    }

    /**
     * The network with these parameters: input width from the inputs, L = l_out - 1 hidden layers of
     * the width of the first layer's biases, one output.
     *
     * @throws IllegalArgumentException if the layers' sizes do not chain
     */
    public Mlp network() {
        int n0 = InputFeatures.parse(inputs).width();
        int width = layers() > 1 ? biases.get(0).length : 1;
        MlpArchitecture architecture = new MlpArchitecture(n0, width, layers() - 1, biases.get(layers() - 1).length);
        Mlp network = new Mlp(architecture, Activations.parse(activation));
        for (int l = 1; l <= layers(); l++) {
            DMatrixRMaj w = network.parameters().weights(l);
            DMatrixRMaj b = network.parameters().biases(l);
            if (weights.get(l - 1).length != w.getNumElements() || biases.get(l - 1).length != b.getNumElements()) {
                throw new IllegalArgumentException("layer " + l + " of the model does not fit " + architecture);
            }
            System.arraycopy(weights.get(l - 1), 0, w.data, 0, w.data.length);
            System.arraycopy(biases.get(l - 1), 0, b.data, 0, b.data.length);
        }
        return network;
    }

    /** The MinMax range of Z and N fitted on the training data. */
    public MinMaxScaler scaler() {
        return MinMaxScaler.of(inputMin, inputMax);
    }

    /** Whether (Z, N) lies outside the Z or N range of the training data. */
    public boolean extrapolates(int z, int n) {
        MinMaxScaler scaler = scaler();
        return scaler.outside(0, z) || scaler.outside(1, n);
    }

    /**
     * Total binding energies in MeV of the nuclides {@code zn[i] = {Z, N}}, as the run's trainer
     * predicted its data set (the same precision, target, target scale and products).
     */
    public double[] predictMev(int[][] zn, Gemm gemm) {
        Mlp network = network();
        int width = network.architecture().inputWidth();
        InputFeatures features = InputFeatures.parse(inputs);
        MinMaxScaler scaler = scaler();
        DMatrixRMaj x = new DMatrixRMaj(zn.length, width);
        double[] reportScales = new double[zn.length];
        for (int i = 0; i < zn.length; i++) {
            System.arraycopy(features.scaledInputs(zn[i][0], zn[i][1], scaler), 0, x.data, i * width, width);
            reportScales[i] = target.nucleonsPerTarget(zn[i][0], zn[i][1]);
        }
        Samples samples = new Samples(x, new DMatrixRMaj(zn.length, 1), reportScales);
        return new Trainer(gemm, FloatGemm.blas(), precision).predictMev(network, samples, targetScale);
    }
}
