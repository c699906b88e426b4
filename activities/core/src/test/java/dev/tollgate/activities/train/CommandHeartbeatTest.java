package dev.tollgate.activities.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.train.command.CommandOutcome;
import dev.tollgate.activities.train.command.CommandRequest;
import dev.tollgate.activities.train.command.CommandRunner;
import dev.tollgate.activities.train.command.LogSink;
import dev.tollgate.activities.train.command.RunnerSettings;
import dev.tollgate.stages.TrainProgress;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCanceledException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancellation that reaches the activity through its heartbeat stops the command and ends the
 * activity with that cancellation; progress lines reach the heartbeat.
 */
class CommandHeartbeatTest {
  @TempDir Path dir;

  @Test
  void aCancelledHeartbeatStopsTheCommandAndIsRethrown() throws Exception {
    List<TrainProgress> beats = new CopyOnWriteArrayList<>();
    AtomicBoolean cancelled = new AtomicBoolean();
    ActivityExecutionContext context =
        (ActivityExecutionContext)
            Proxy.newProxyInstance(
                ActivityExecutionContext.class.getClassLoader(),
                new Class<?>[] {ActivityExecutionContext.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("heartbeat")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  TrainProgress p = (TrainProgress) args[0];
                  beats.add(p);
                  if (p.done() == 500) cancelled.set(true); // the user cancels after the line
                  if (cancelled.get()) throw new ActivityCanceledException();
                  return null;
                });
    Path script = dir.resolve("train.sh");
    Files.writeString(
        script, "#!/bin/sh\necho 'tollgate:progress 0.5 half'\nwhile true; do sleep 1; done\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Path csv = Files.writeString(dir.resolve("rows.csv"), "x\n1\n");
    CommandRunner runner =
        new CommandRunner(
            new RunnerSettings(
                dir.resolve("runs"),
                Duration.ofMillis(200),
                Duration.ofMillis(50),
                1 << 20,
                Set.of()));

    CommandOutcome outcome;
    CommandHeartbeat listener;
    try (Heartbeats heartbeats = Heartbeats.start(context, Duration.ofMillis(20))) {
      heartbeats.phase("training", 1);
      listener = new CommandHeartbeat(heartbeats);
      outcome =
          runner.run(
              new CommandRequest(
                  List.of(script.toString()),
                  dir,
                  csv,
                  Map.of(),
                  Map.of(),
                  Duration.ofMinutes(1),
                  null),
              listener,
              LogSink.DISCARD);
    }

    assertThat(outcome).isInstanceOf(CommandOutcome.Stopped.class);
    assertThat(((CommandOutcome.Stopped) outcome).reason()).contains("cancelled");
    assertThat(beats)
        .anySatisfy(
            b -> {
              assertThat(b.fraction()).isEqualTo(0.5);
              assertThat(b.text()).isEqualTo("half");
            });
    assertThatThrownBy(listener::rethrowIfStopped).isInstanceOf(ActivityCanceledException.class);
    assertThat(runner.running()).isZero();
  }

  @Test
  void aProgressLinesTextGoesOntoTheHeartbeatAndMarksItAsACommands() throws Exception {
    List<TrainProgress> beats = new CopyOnWriteArrayList<>();
    ActivityExecutionContext context =
        (ActivityExecutionContext)
            Proxy.newProxyInstance(
                ActivityExecutionContext.class.getClassLoader(),
                new Class<?>[] {ActivityExecutionContext.class},
                (proxy, method, args) -> {
                  beats.add((TrainProgress) args[0]);
                  return null;
                });
    try (Heartbeats heartbeats = Heartbeats.start(context, Duration.ofMillis(10))) {
      heartbeats.phase("training", 800);
      CommandHeartbeat listener = new CommandHeartbeat(heartbeats);
      listener.progress(0.42, "epoch 3/10");
      awaitBeat(beats, b -> "epoch 3/10".equals(b.text()));
      listener.progress(0.9, ""); // a line without words is still a command's progress
      awaitBeat(beats, b -> b.done() == 900);
      heartbeats.phase("scoring", 200); // the next phase has no command text
    }

    TrainProgress epoch = beats.stream().filter(b -> b.text() != null).findFirst().orElseThrow();
    assertThat(epoch.phase()).isEqualTo("training");
    assertThat(epoch.rows()).isEqualTo(800);
    assertThat(epoch.fraction()).isEqualTo(0.42);
    assertThat(epoch.byCommand()).isTrue();
    TrainProgress bare = beats.stream().filter(b -> b.done() == 900).findFirst().orElseThrow();
    assertThat(bare.text()).isEmpty();
    assertThat(bare.byCommand()).isTrue();
    assertThat(beats)
        .filteredOn(b -> b.phase().equals("scoring"))
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.text()).isNull());
  }

  private static void awaitBeat(List<TrainProgress> beats, Predicate<TrainProgress> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (beats.stream().noneMatch(wanted)) {
      if (System.nanoTime() > deadline) throw new AssertionError("no such heartbeat: " + beats);
      Thread.sleep(5);
    }
  }
}
