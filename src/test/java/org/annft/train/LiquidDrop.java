package org.annft.train;

import org.annft.nn.SeedStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * Synthetic nuclear binding energies from the semi-empirical mass formula without pairing,
 * {@code B = aV A - aS A^(2/3) - aC Z(Z-1)/A^(1/3) - aA (N-Z)^2/A} (MeV), at random (Z, N) near the
 * valley of stability; inputs MinMax-scaled to [0, 1] over the fixed box Z in [8, 100],
 * N in [8, 160].
 */
final class LiquidDrop {

    private LiquidDrop() {
    }

    static double bindingEnergy(double z, double n) {
        double a = z + n;
        return 15.8 * a - 18.3 * Math.pow(a, 2.0 / 3) - 0.714 * z * (z - 1) / Math.cbrt(a) - 23.2 * (n - z) * (n - z) / a;
    }

    /** {@code count} nuclides with Z uniform in [8, 100) and N/Z uniform in [1, 1.6). */
    static Samples samples(int count, long seed) {
        UniformRandomProvider random = SeedStreams.stream(seed, 0);
        DMatrixRMaj inputs = new DMatrixRMaj(count, 2);
        DMatrixRMaj targets = new DMatrixRMaj(count, 1);
        for (int i = 0; i < count; i++) {
            double z = Math.floor(8 + 92 * random.nextDouble());
            double n = Math.floor(z * (1 + 0.6 * random.nextDouble()));
            inputs.set(i, 0, (z - 8) / 92);
            inputs.set(i, 1, (n - 8) / 152);
            targets.set(i, 0, bindingEnergy(z, n));
        }
        return new Samples(inputs, targets);
    }
}
