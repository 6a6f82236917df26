package org.annft.spark;

import org.annft.stats.OrderedSample;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import scala.Tuple3;

/**
 * {@link OrderedSample} as a Spark SQL aggregate: {@code ordered_sample(x)} over a group gives the
 * struct {@code (count, mean, std)} of its non-null values, the same bits whatever the partitioning.
 */
public final class OrderedSampleAggregator extends OrderedSampleAggregate<Tuple3<Long, Double, Double>> {

    /** The SQL name under which {@link #register} makes it known. */
    public static final String NAME = "ordered_sample";

    /** Registers the aggregate with the session under {@link #NAME}, once. */
    public static void register(org.apache.spark.sql.SparkSession spark) {
        if (spark.catalog().functionExists(NAME)) {
            return;
        }
        UserDefinedFunction f = functions.udaf(new OrderedSampleAggregator(), Encoders.DOUBLE());
        spark.udf().register(NAME, f);
    }

    @Override
    public Tuple3<Long, Double, Double> finish(OrderedSample sample) {
        OrderedSample.Summary s = sample.summary();
        return new Tuple3<>(s.count(), s.mean(), s.std());
    }

    @Override
    public Encoder<Tuple3<Long, Double, Double>> outputEncoder() {
        return Encoders.tuple(Encoders.LONG(), Encoders.DOUBLE(), Encoders.DOUBLE());
    }
}
