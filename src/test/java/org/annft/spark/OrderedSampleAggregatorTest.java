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

    /**
     * The quartiles aggregate: linear interpolation between order statistics (numpy's default), by hand
     * on 1, 2, 3, 4 (1.75, 2.5, 3.25) and on 10 (all 10), whatever the partitioning; nulls skipped.
     */
    @Test
    void quartilesAreTheOneQuantileDefinition() {
        SparkSession spark = TestSpark.session();
        QuartilesAggregator.register(spark);
        List<Row> rows = new ArrayList<>();
        for (double x : new double[] {4, 1, 3, 2}) {
            rows.add(RowFactory.create(0, x));
        }
        rows.add(RowFactory.create(0, null));
        rows.add(RowFactory.create(1, 10.0));
        Dataset<Row> data = spark.createDataFrame(rows, new StructType().add("g", DataTypes.IntegerType)
                .add("x", DataTypes.DoubleType, true));
        for (int partitions : new int[] {1, 3}) {
            data.repartition(partitions).createOrReplaceTempView("quartile_samples");
            List<Row> out = spark.sql("SELECT g, q._1, q._2, q._3 FROM (SELECT g, " + QuartilesAggregator.NAME
                    + "(x) AS q FROM quartile_samples GROUP BY g) ORDER BY g").collectAsList();
            assertEquals(List.of(0, 1.75, 2.5, 3.25), List.of(out.get(0).getInt(0), out.get(0).getDouble(1),
                    out.get(0).getDouble(2), out.get(0).getDouble(3)));
            assertEquals(List.of(10.0, 10.0, 10.0), List.of(out.get(1).getDouble(1), out.get(1).getDouble(2),
                    out.get(1).getDouble(3)));
        }
    }
}
