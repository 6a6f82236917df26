package org.annft.bench;

import org.annft.linalg.Gemm;
import org.annft.nn.MlpArchitecture;
import org.annft.nn.SeedStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * The matrix products of the benchmark, without the rest of the training: one epoch's products
 * (per batch, each layer's forward, backpropagation and fused SGD update {@code W -= eta Delta^T A}
 * into the weights, as the trainer does) on random matrices. Its float32 twin {@code FloatGemmWorkload} is generated from this
 * class at build time.
 */
final class GemmWorkload {

    private GemmWorkload() {
    }

    /** The products of one epoch over {@code samples} rows in batches of {@code batchSize}. */
    static Runnable epochProducts(MlpArchitecture architecture, int samples, int batchSize, Gemm gemm) {
        UniformRandomProvider random = SeedStreams.stream(3, 0);
        int layers = architecture.outputLayer();
        DMatrixRMaj[] a = new DMatrixRMaj[layers + 1];
        DMatrixRMaj[] delta = new DMatrixRMaj[layers + 1];
        DMatrixRMaj[] w = new DMatrixRMaj[layers + 1];
        for (int l = 0; l <= layers; l++) {
            a[l] = randomMatrix(batchSize, architecture.width(l), random);
            delta[l] = randomMatrix(batchSize, architecture.width(l), random);
            if (l > 0) {
                w[l] = randomMatrix(architecture.width(l), architecture.width(l - 1), random);
            }
        }
        return () -> {
            for (int start = 0; start < samples; start += batchSize) {
                int rows = Math.min(batchSize, samples - start);
                for (int l = 0; l <= layers; l++) {
                    a[l].reshape(rows, architecture.width(l), false);
                    delta[l].reshape(rows, architecture.width(l), false);
                }
                for (int l = 1; l <= layers; l++) {
                    gemm.multiply(false, true, 1.0, a[l - 1], w[l], 0.0, a[l]);
                }
                for (int l = layers; l >= 1; l--) {
                    if (l > 1) {
                        gemm.multiply(false, false, 1.0, delta[l], w[l], 0.0, delta[l - 1]);
                    }
                    // A rate small enough to leave the weights where they are.
                    gemm.multiply(true, false, -1e-30, delta[l], a[l - 1], 1.0, w[l]);
                }
            }
        };
    }

    /** Uniform values in [0, 1), drawn as floats so that both precisions multiply the same numbers. */
    private static DMatrixRMaj randomMatrix(int rows, int cols, UniformRandomProvider random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextFloat();
        }
        return m;
    }
}
