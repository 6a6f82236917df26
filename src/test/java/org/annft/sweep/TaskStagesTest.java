package org.annft.sweep;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.annft.config.BadInputException;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** What a cluster application needs for tasks of several cores, checked before any run trains. */
class TaskStagesTest {

    @Test
    void dynamicAllocationOrSmallExecutorsAreRefusedByName() {
        BadInputException dynamic = assertThrows(BadInputException.class, () -> TaskStages.checkCluster(
                new SparkConf(false).set("spark.dynamicAllocation.enabled", "true"), 2));
        assertTrue(dynamic.getMessage().contains("spark.dynamicAllocation.enabled=false"), dynamic.getMessage());
        BadInputException small = assertThrows(BadInputException.class, () -> TaskStages.checkCluster(
                new SparkConf(false).set("spark.executor.cores", "2"), 4));
        assertTrue(small.getMessage().contains("spark.executor.cores is 2"), small.getMessage());
        assertDoesNotThrow(() -> TaskStages.checkCluster(new SparkConf(false).set("spark.executor.cores", "4"), 4));
        assertDoesNotThrow(() -> TaskStages.checkCluster(new SparkConf(false), 8));
    }
}
