package org.annft.spark;

import org.annft.stats.OrderedSample;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import scala.Tuple3;

/**
 * {@link OrderedSample} as a Spark SQL aggregate: {@code ordered_sample(x)} over a group gives the
 * struct {@code (count, mean, std)} of its non-null values, the same bits whatever the partitioning.
 */
public final class OrderedSampleAggregator extends Aggregator<Double, OrderedSample, Tuple3<Long, Double, Double>> {

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
    public OrderedSample zero() {
        return new OrderedSample();
    }

    @Override
    public OrderedSample reduce(OrderedSample sample, Double x) {
        return x == null ? sample : sample.add(x);
    }

    @Override
    public OrderedSample merge(OrderedSample a, OrderedSample b) {
        return a.merge(b);
    }

    @Override
    public Tuple3<Long, Double, Double> finish(OrderedSample sample) {
        OrderedSample.Summary s = sample.summary();
        return new Tuple3<>(s.count(), s.mean(), s.std());
    }

    @Override
    public Encoder<OrderedSample> bufferEncoder() {
        return Encoders.javaSerialization(OrderedSample.class);
    }

    @Override
    public Encoder<Tuple3<Long, Double, Double>> outputEncoder() {
        return Encoders.tuple(Encoders.LONG(), Encoders.DOUBLE(), Encoders.DOUBLE());
    }
}
