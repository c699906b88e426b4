package dev.tollgate.activities.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tollgate.activities.TestData;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.spec.Task;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCanceledException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A cancelled run's training stops (issue 22, item 2): once a heartbeat learns that the train
 * activity was cancelled, every trainer that grows trees stops after its next tree with the
 * cancellation, instead of fitting thousands of trees for a run that no longer wants them.
 */
class CancelledTrainingTest {
  private static final int TREES = 3000;

  /** A context whose heartbeats answer "cancelled" once {@code cancelled} is set. */
  private static ActivityExecutionContext cancellable(AtomicBoolean cancelled) {
    return (ActivityExecutionContext)
        Proxy.newProxyInstance(
            ActivityExecutionContext.class.getClassLoader(),
            new Class<?>[] {ActivityExecutionContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("heartbeat")) {
                if (cancelled.get()) throw new ActivityCanceledException();
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "REGRESSION, gradient_boosting",
    "REGRESSION, smile_gradient_boosting",
    "REGRESSION, random_forest",
    "ANOMALY, isolation_forest"
  })
  void aCancelHeardByAHeartbeatStopsTheTrainingAfterTheNextTree(Task task, String algorithm) {
    Dataset data =
        task == Task.ANOMALY ? Synthetic.outliers(2000, 50, 3) : Synthetic.regression(2000, 1);
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicInteger built = new AtomicInteger();
    HyperParams params =
        HyperParams.resolve(task, TestData.training(algorithm, Map.of("trees", TREES)));
    Throwable thrown;
    try (Heartbeats beats = Heartbeats.start(cancellable(cancelled), Duration.ofMillis(10))) {
      beats.phase("training", data.rows());
      TreeProgress progress =
          new TreeProgress() {
            @Override
            public void built(int done, int total) {
              beats.built(done, total);
              built.accumulateAndGet(done, Math::max);
              if (done >= 3) cancelled.set(true); // the run is cancelled while it trains
            }

            @Override
            public void checkStopped() {
              beats.checkStopped();
            }
          };
      thrown =
          catchThrowable(
              () ->
                  Trainers.forAlgorithm(task, algorithm)
                      .fit(
                          new TrainingSet(data, Synthetic.range(0, data.rows())),
                          params,
                          42,
                          progress));
    }
    assertThat(causes(thrown)).as(String.valueOf(thrown)).isTrue();
    assertThat(built.get()).as("trees built before it stopped").isLessThan(TREES / 2);
  }

  /** The cancellation itself, or (from a parallel stream's pool thread) wrapped in another. */
  private static boolean causes(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ActivityCanceledException) return true;
    }
    return false;
  }
}
