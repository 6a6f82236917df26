package org.annft.predict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.annft.data.TrainingRegion;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the networks of a result directory were trained on, from its table {@code dataset}: the
 * training region (for the distance of any nuclide from it) and the split of each nuclide of the
 * data set.
 */
record TrainingSet(TrainingRegion region, Map<Long, String> splits) {

    /** The directory's training set; empty when it has no table {@code dataset}. */
    static Optional<TrainingSet> read(SparkSession spark, String dir) {
        return EnsemblePredictions.read(spark, dir, "dataset").map(d -> {
            List<int[]> trained = new ArrayList<>();
            Map<Long, String> splits = new HashMap<>();
            for (Row r : d.select("z", "n", "split").collectAsList()) {
                int z = r.getInt(0);
                int n = r.getInt(1);
                splits.put(key(z, n), r.getString(2));
                if (r.getString(2).equals(org.annft.data.Split.TRAIN.configName())) {
                    trained.add(new int[] {z, n});
                }
            }
            return new TrainingSet(new TrainingRegion(trained), splits);
        });
    }

    /** The split of (z, n) in the data set, null outside it. */
    String split(int z, int n) {
        return splits.get(key(z, n));
    }

    private static long key(int z, int n) {
        return ((long) z << 32) | n;
    }
}
