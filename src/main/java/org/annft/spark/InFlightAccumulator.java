package org.annft.spark;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.AccumulatorV2;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What running tasks have added so far to one numeric accumulator, as the executors' heartbeats
 * report it ({@code spark.executor.heartbeatInterval}, 10 s by default): the driver's accumulator
 * holds only the updates of finished tasks, so a job of a few long tasks would otherwise show no
 * progress until the first one ends. The value of a task is its latest heartbeat's, dropped when the
 * task ends (a successful task's updates are then in the accumulator itself, a failed one's are
 * discarded, as Spark discards them).
 */
public final class InFlightAccumulator extends SparkListener {

    private final long id;
    private final Map<Long, Double> running = new ConcurrentHashMap<>();
    private final Set<Long> ended = ConcurrentHashMap.newKeySet();

    /** Follows {@code accumulator}, which must be registered with the job's context. */
    public InFlightAccumulator(AccumulatorV2<?, ?> accumulator) {
        this.id = accumulator.id();
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                : CollectionConverters.asJava(update.accumUpdates())) {
            long taskId = (Long) task._1();
            for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
                if (info.id() == id && info.update().isDefined() && info.update().get() instanceof Number value
                        && !ended.contains(taskId)) {
                    running.put(taskId, value.doubleValue());
                }
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        long taskId = end.taskInfo().taskId();
        // A heartbeat that was on its way when the task ended must not bring it back.
        ended.add(taskId);
        running.remove(taskId);
    }

    /** The sum over running tasks of what each has added so far. */
    public double value() {
        double sum = 0;
        for (double v : running.values()) {
            sum += v;
        }
        return sum;
    }
}
