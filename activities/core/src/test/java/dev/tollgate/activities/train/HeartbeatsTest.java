package dev.tollgate.activities.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tollgate.stages.TrainProgress;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityWorkerShutdownException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The helper thread keeps heartbeating while the activity thread is blocked, and stops on close.
 * (Through TestActivityEnvironment heartbeats are throttled, so a fast training shows only the
 * first one; this checks the timing directly.)
 */
class HeartbeatsTest {

  private record Beat(TrainProgress progress, String thread) {}

  private static ActivityExecutionContext recording(List<Beat> beats) {
    return (ActivityExecutionContext)
        Proxy.newProxyInstance(
            ActivityExecutionContext.class.getClassLoader(),
            new Class<?>[] {ActivityExecutionContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("heartbeat")) {
                beats.add(new Beat((TrainProgress) args[0], Thread.currentThread().getName()));
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void beatsFromTheHelperThreadWhileTheActivityThreadIsBusy() throws InterruptedException {
    List<Beat> beats = new CopyOnWriteArrayList<>();
    try (Heartbeats heartbeats = Heartbeats.start(recording(beats), Duration.ofMillis(40))) {
      heartbeats.phase("training", 1600);
      assertThat(beats).hasSize(1);
      assertThat(beats.get(0).thread()).isEqualTo(Thread.currentThread().getName());
      Thread.sleep(300); // "fit" blocks the activity thread
    }
    int afterClose = beats.size();
    assertThat(afterClose).isGreaterThanOrEqualTo(4);
    assertThat(beats.subList(1, afterClose))
        .allSatisfy(
            beat -> {
              assertThat(beat.thread()).isEqualTo("tollgate-heartbeat");
              assertThat(beat.progress().phase()).isEqualTo("training");
              assertThat(beat.progress().rows()).isEqualTo(1600);
            });
    assertThat(beats.get(afterClose - 1).progress().elapsedMillis()).isGreaterThanOrEqualTo(100);
    Thread.sleep(150);
    assertThat(beats).hasSize(afterClose); // stopped
  }

  @Test
  void carriesTreesBuiltToTheNextBeat() throws InterruptedException {
    List<Beat> beats = new CopyOnWriteArrayList<>();
    try (Heartbeats heartbeats = Heartbeats.start(recording(beats), Duration.ofMillis(30))) {
      heartbeats.phase("training", 800);
      heartbeats.built(37, 200);
      // Wait for a timer beat after built(), however late a loaded machine schedules it.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (beats.get(beats.size() - 1).progress().done() != 37 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }
    TrainProgress last = beats.get(beats.size() - 1).progress();
    assertThat(last.phase()).isEqualTo("training");
    assertThat(last.done()).isEqualTo(37);
    assertThat(last.total()).isEqualTo(200);
    assertThat(last.fraction()).isEqualTo(0.185);
  }

  /**
   * A worker stopping (SIGINT) is not a cancelled run: the training is not failed for it, so the
   * SDK logs no "Activity failure" trace on the way out (SignalStopIT).
   */
  @Test
  void aStoppingWorkerDoesNotFailTheTraining() throws InterruptedException {
    ActivityExecutionContext stopping =
        (ActivityExecutionContext)
            Proxy.newProxyInstance(
                ActivityExecutionContext.class.getClassLoader(),
                new Class<?>[] {ActivityExecutionContext.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("heartbeat"))
                    throw new ActivityWorkerShutdownException();
                  throw new UnsupportedOperationException(method.getName());
                });
    try (Heartbeats heartbeats = Heartbeats.start(stopping, Duration.ofMillis(20))) {
      heartbeats.phase("training", 100);
      Thread.sleep(100); // the timer's beats fail too
      heartbeats.built(5, 200);
      assertThatCode(heartbeats::checkStopped).doesNotThrowAnyException();
      assertThatCode(() -> heartbeats.phase("scoring", 100)).doesNotThrowAnyException();
    }
  }
}
