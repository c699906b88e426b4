package dev.tollgate.activities.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.train.ray.RayJobMemory;
import dev.tollgate.stages.TrainProgress;
import io.temporal.activity.ActivityExecutionContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The train attempt's memory of its Ray job is its heartbeat details: the previous attempt's are
 * read before this attempt's first heartbeat hides them, and the job this attempt follows rides on
 * every heartbeat from the moment it is known, progress and phases included.
 */
class RayJobMemoryTest {

  private static ActivityExecutionContext context(
      TrainProgress previous, List<TrainProgress> beats) {
    return (ActivityExecutionContext)
        Proxy.newProxyInstance(
            ActivityExecutionContext.class.getClassLoader(),
            new Class<?>[] {ActivityExecutionContext.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getHeartbeatDetails" -> {
                  // as Temporal: the previous attempt's only until this attempt heartbeats
                  return beats.isEmpty()
                      ? Optional.ofNullable(previous)
                      : Optional.of(beats.getLast());
                }
                case "heartbeat" -> {
                  beats.add((TrainProgress) args[0]);
                  return null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
              }
            });
  }

  @Test
  void thePreviousAttemptsJobIsReadEvenAfterThisAttemptHeartbeats() {
    List<TrainProgress> beats = new CopyOnWriteArrayList<>();
    TrainProgress previous =
        new TrainProgress("training", 10, 1, 2, 900, "x").withRayJob("tollgate-m-r-1", "s1");
    try (Heartbeats heartbeats =
        Heartbeats.start(context(previous, beats), Duration.ofMinutes(1))) {
      heartbeats.phase("loading", 0);
      CommandHeartbeat memory = new CommandHeartbeat(heartbeats);

      assertThat(memory.previous()).contains(new RayJobMemory.Ref("tollgate-m-r-1", "s1"));
    }
  }

  @Test
  void aFirstAttemptHasNoPreviousJob() {
    List<TrainProgress> beats = new CopyOnWriteArrayList<>();
    try (Heartbeats heartbeats = Heartbeats.start(context(null, beats), Duration.ofMinutes(1))) {
      assertThat(new CommandHeartbeat(heartbeats).previous()).isEmpty();
      TrainProgress commandOnly = new TrainProgress("training", 1, 0, 0, 0, "x");
      try (Heartbeats again =
          Heartbeats.start(context(commandOnly, beats), Duration.ofMinutes(1))) {
        assertThat(new CommandHeartbeat(again).previous()).isEmpty();
      }
    }
  }

  @Test
  void theFollowedJobIsSentAtOnceAndOnEveryLaterHeartbeat() throws Exception {
    List<TrainProgress> beats = new CopyOnWriteArrayList<>();
    try (Heartbeats heartbeats = Heartbeats.start(context(null, beats), Duration.ofMillis(10))) {
      heartbeats.phase("training", 5);
      CommandHeartbeat memory = new CommandHeartbeat(heartbeats);
      memory.following(new RayJobMemory.Ref("tollgate-m-r-2", "s2"));
      int sent = beats.size();
      assertThat(beats.getLast().raySubmissionId()).isEqualTo("tollgate-m-r-2");
      memory.progress(0.5, "half");
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (beats.stream().noneMatch(b -> "half".equals(b.text()))
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      heartbeats.phase("scoring", 5);
      List<TrainProgress> after = List.copyOf(beats);
      assertThat(after.subList(sent - 1, after.size()))
          .allSatisfy(
              b -> {
                assertThat(b.raySubmissionId()).isEqualTo("tollgate-m-r-2");
                assertThat(b.raySession()).isEqualTo("s2");
              });
      assertThat(beats).anyMatch(b -> "half".equals(b.text()));
    }
  }
}
