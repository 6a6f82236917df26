package org.annft.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.annft.stats.OrderedSample;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The ordered-sample aggregate in Spark SQL gives the accumulator's summary, whatever the partitioning. */
class OrderedSampleAggregatorTest {

    @Test
    void sqlAggregateEqualsTheAccumulatorForEveryPartitioning() {
        SparkSession spark = TestSpark.session();
        OrderedSampleAggregator.register(spark);
        Random random = new Random(9);
        List<Row> rows = new ArrayList<>();
        OrderedSample[] expected = {new OrderedSample(), new OrderedSample()};
        for (int i = 0; i < 2000; i++) {
            int group = i % 3 == 0 ? 0 : 1;
            double x = 100 + Math.exp(3 * random.nextGaussian());
            rows.add(RowFactory.create(group, x));
            expected[group].add(x);
        }
        rows.add(RowFactory.create(1, null));
        rows.add(RowFactory.create(2, null));
        Dataset<Row> data = spark.createDataFrame(rows, new StructType().add("g", DataTypes.IntegerType)
                .add("x", DataTypes.DoubleType, true));
        for (int partitions : new int[] {1, 3, 17}) {
            data.repartition(partitions).createOrReplaceTempView("samples");
            List<Row> out = spark.sql("SELECT g, s._1 AS n, s._2 AS mean, s._3 AS std FROM (SELECT g, "
                    + OrderedSampleAggregator.NAME + "(x) AS s FROM samples GROUP BY g) ORDER BY g").collectAsList();
            for (int g = 0; g < 2; g++) {
                OrderedSample.Summary e = expected[g].summary();
                assertEquals(e.count(), out.get(g).getLong(1), "partitions " + partitions);
                assertEquals(e.mean(), out.get(g).getDouble(2), 0.0, "partitions " + partitions);
                assertEquals(e.std(), out.get(g).getDouble(3), 0.0, "partitions " + partitions);
            }
            assertEquals(0L, out.get(2).getLong(1));
            assertNull(out.get(2).get(2), "a group of NULLs has no mean");
        }
    }
}
