package org.annft.ensemble;

/** Two-pass moments of a sample with delta-method standard errors, the tests' independent reference. */
record SampleMoments(int count, double mean, double m2, double m4, double m2Se, double kurtosisExcess,
                     double kurtosisExcessSe) {

    static SampleMoments of(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double c2 = 0, c4 = 0, c6 = 0, c8 = 0;
        for (double v : x) {
            double d = v - mean;
            double d2 = d * d;
            c2 += d2;
            c4 += d2 * d2;
            c6 += d2 * d2 * d2;
            c8 += d2 * d2 * d2 * d2;
        }
        c2 /= n;
        c4 /= n;
        c6 /= n;
        c8 /= n;
        double kurtosisVariance = ((c8 - c4 * c4) / Math.pow(c2, 4) - 4 * c4 * (c6 - c2 * c4) / Math.pow(c2, 5)
                + 4 * c4 * c4 * (c4 - c2 * c2) / Math.pow(c2, 6)) / n;
        return new SampleMoments(n, mean, c2, c4, Math.sqrt((c4 - c2 * c2) / n), c4 / (c2 * c2) - 3,
                Math.sqrt(Math.max(kurtosisVariance, 0)));
    }
}
