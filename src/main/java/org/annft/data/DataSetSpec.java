package org.annft.data;

/**
 * How a binding-energy data set is cut from the mass table.
 *
 * @param subset all nuclides or only the experimental ones
 * @param minZ keep nuclides with Z at least this (0 keeps all)
 * @param minN keep nuclides with N at least this
 * @param minA keep nuclides with A at least this
 * @param inputs (Z, N) or (Z, N, Z0, N0)
 * @param testFraction fraction of the selected nuclides held out as a test set, in [0, 1)
 * @param splitSeed seed of the train/test shuffle
 * @param edgeIsotopes the outermost isotopes of each element held out on either side ({@link EdgeHoldout}), 0 for none
 */
public record DataSetSpec(Subset subset, int minZ, int minN, int minA, InputFeatures inputs,
                          double testFraction, long splitSeed, int edgeIsotopes) implements java.io.Serializable {

    public DataSetSpec {
        if (subset == null || inputs == null) {
            throw new org.annft.config.BadInputException("data.subset and data.inputs must be set");
        }
        if (minZ < 0 || minN < 0 || minA < 0) {
            throw new org.annft.config.BadInputException("data.min-z, data.min-n and data.min-a must be >= 0, got "
                    + minZ + ", " + minN + ", " + minA);
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new org.annft.config.BadInputException("data.test-fraction must be in [0, 1), got " + testFraction);
        }
        if (edgeIsotopes < 0) {
            throw new org.annft.config.BadInputException("data.holdout.edge-isotopes must be >= 0, got " + edgeIsotopes);
        }
    }

    /** Every nuclide, inputs (Z, N), no test set. */
    public static DataSetSpec all() {
        return new DataSetSpec(Subset.ALL, 0, 0, 0, InputFeatures.ZN, 0.0, 0L, 0);
    }

    public boolean accepts(Nuclide nuclide) {
        return (subset == Subset.ALL || !nuclide.estimated())
                && nuclide.z() >= minZ && nuclide.n() >= minN && nuclide.a() >= minA;
    }
}
