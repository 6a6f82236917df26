package org.annft.spark;

import org.annft.stats.OrderedSample;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import scala.Tuple3;

/**
 * The quartiles of {@link OrderedSample#quantile} (linear interpolation between order statistics)
 * as a Spark SQL aggregate: {@code ordered_quartiles(x)} over a group gives the struct
 * {@code (q25, q50, q75)} of its non-null values. One quantile definition serves the tables and the
 * report; Spark SQL's {@code percentile} is not used.
 */
public final class QuartilesAggregator extends OrderedSampleAggregate<Tuple3<Double, Double, Double>> {

    /** The SQL name under which {@link #register} makes it known. */
    public static final String NAME = "ordered_quartiles";

    /** Registers the aggregate with the session under {@link #NAME}, once. */
    public static void register(org.apache.spark.sql.SparkSession spark) {
        if (spark.catalog().functionExists(NAME)) {
            return;
        }
        UserDefinedFunction f = functions.udaf(new QuartilesAggregator(), Encoders.DOUBLE());
        spark.udf().register(NAME, f);
    }

    @Override
    public Tuple3<Double, Double, Double> finish(OrderedSample sample) {
        return new Tuple3<>(sample.quantile(0.25), sample.quantile(0.5), sample.quantile(0.75));
    }

    @Override
    public Encoder<Tuple3<Double, Double, Double>> outputEncoder() {
        return Encoders.tuple(Encoders.DOUBLE(), Encoders.DOUBLE(), Encoders.DOUBLE());
    }
}
