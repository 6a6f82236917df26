package org.annft.spark;

import org.annft.stats.OrderedSample;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * A Spark SQL aggregate that gathers a group's non-null values into an {@link OrderedSample}
 * (order-independent, so the same bits whatever the partitioning) and reports something of it.
 *
 * @param <R> what the aggregate reports ({@link #finish})
 */
abstract class OrderedSampleAggregate<R> extends Aggregator<Double, OrderedSample, R> {

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
    public Encoder<OrderedSample> bufferEncoder() {
        return Encoders.javaSerialization(OrderedSample.class);
    }
}
