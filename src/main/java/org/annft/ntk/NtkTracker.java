package org.annft.ntk;

import java.util.ArrayList;
import java.util.List;
import org.annft.linalg.Gemm;
import org.annft.nn.Mlp;
import org.annft.theory.LearningRates;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The empirical NTK of a network in training, on a fixed set of k reference inputs: each
 * {@link #snapshot} computes the k x k kernel {@code H} ({@link EmpiricalNtk}) and reports, against
 * the first snapshot's {@code H_0},
 * <ul>
 * <li>the relative Frobenius change {@code ||H - H_0||_F / ||H_0||_F},
 * <li>the largest eigenvalue and its relative change {@code (lambda_max - lambda_max,0) / lambda_max,0},
 * <li>the kernel-target alignment {@code A = y^T H y / (||H||_F ||y||^2)} with the centred targets y
 * (Cristianini et al. 2002: 1 when H is proportional to y y^T).
 * </ul>
 * Not thread-safe: one per training.
 */
public final class NtkTracker {

    /**
     * One snapshot.
     *
     * @param epoch              epochs trained before it (0: the initial network)
     * @param frobeniusNorm      ||H||_F
     * @param frobeniusChange    ||H - H_0||_F / ||H_0||_F
     * @param largestEigenvalue  lambda_max(H)
     * @param eigenvalueChange   (lambda_max - lambda_max,0) / lambda_max,0
     * @param alignment          y^T H y / (||H||_F ||y||^2)
     */
    public record Snapshot(int epoch, double frobeniusNorm, double frobeniusChange, double largestEigenvalue,
                           double eigenvalueChange, double alignment) {
    }

    private final DMatrixRMaj inputs;
    private final double[] centredTargets;
    private final LearningRates rates;
    private final Gemm gemm;
    private final int every;
    private DMatrixRMaj initial;
    private double initialNorm;
    private double initialEigenvalue;
    private final List<Snapshot> snapshots = new ArrayList<>();

    /**
     * @param inputs  k x n0 reference inputs, as the network takes them
     * @param targets the k targets, as the network is trained on them (centred here)
     * @param rates   the learning-rate tensor of the NTK
     * @param every   snapshot every this-many epochs besides the first and the last; 0 for those two only
     * @throws IllegalArgumentException if targets and inputs differ in count, or every is negative
     */
    public NtkTracker(DMatrixRMaj inputs, double[] targets, LearningRates rates, Gemm gemm, int every) {
        if (targets.length != inputs.numRows || inputs.numRows == 0) {
            throw new IllegalArgumentException("NTK reference: " + inputs.numRows + " inputs and " + targets.length
                    + " targets");
        }
        if (every < 0) {
            throw new IllegalArgumentException("NTK stride must be >= 0, got " + every);
        }
        this.inputs = inputs;
        double mean = 0;
        for (double y : targets) {
            mean += y / targets.length;
        }
        this.centredTargets = new double[targets.length];
        for (int i = 0; i < targets.length; i++) {
            centredTargets[i] = targets[i] - mean;
        }
        this.rates = rates;
        this.gemm = gemm;
        this.every = every;
    }

    /** Number of reference inputs k. */
    public int references() {
        return inputs.numRows;
    }

    /** Snapshot stride in epochs; 0 for the first and last only. */
    public int every() {
        return every;
    }

    /** Records the NTK of {@code network} after {@code epoch} epochs; the first call fixes {@code H_0}. */
    public Snapshot snapshot(int epoch, Mlp network) {
        DMatrixRMaj h = EmpiricalNtk.compute(network, rates, inputs, gemm);
        double norm = frobenius(h);
        double eigenvalue = largestEigenvalue(h);
        if (initial == null) {
            initial = h.copy();
            initialNorm = norm;
            initialEigenvalue = eigenvalue;
        }
        double change = 0;
        for (int i = 0; i < h.getNumElements(); i++) {
            double d = h.data[i] - initial.data[i];
            change += d * d;
        }
        double yHy = 0;
        double yy = 0;
        int k = h.numRows;
        for (int a = 0; a < k; a++) {
            yy += centredTargets[a] * centredTargets[a];
            for (int b = 0; b < k; b++) {
                yHy += centredTargets[a] * h.get(a, b) * centredTargets[b];
            }
        }
        Snapshot s = new Snapshot(epoch, norm, Math.sqrt(change) / initialNorm, eigenvalue,
                (eigenvalue - initialEigenvalue) / initialEigenvalue, yHy / (norm * yy));
        snapshots.add(s);
        return s;
    }

    /**
     * Continues a tracking whose snapshots were {@code recorded} (a resumed training): they replace
     * those taken so far, after the first snapshot has fixed {@code H_0} again on the initial network.
     */
    public void resume(List<Snapshot> recorded) {
        if (initial == null) {
            throw new IllegalStateException("H_0 comes first: snapshot the initial network before resuming");
        }
        snapshots.clear();
        snapshots.addAll(recorded);
    }

    /** The snapshots so far, in order. */
    public List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    private static double frobenius(DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s += m.data[i] * m.data[i];
        }
        return Math.sqrt(s);
    }

    /** The largest eigenvalue of a symmetric matrix (EJML's symmetric QR algorithm); NaN if it is not finite. */
    static double largestEigenvalue(DMatrixRMaj symmetric) {
        for (double x : symmetric.data) {
            if (!Double.isFinite(x)) {
                return Double.NaN;
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows, false, true);
        if (!eig.decompose(symmetric.copy())) {
            return Double.NaN;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            max = Math.max(max, eig.getEigenvalue(i).getReal());
        }
        return max;
    }
}
