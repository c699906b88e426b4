package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancellation, the timeout, a worker shutdown and a clean exit all leave nothing of the command's
 * session running, counted in /proc, even children that ignore SIGTERM or daemonise.
 */
class CommandRunnerStopTest {
  @TempDir Path dir;
  RunnerFixture f;

  /**
   * Writes the session id, then starts two children that ignore SIGTERM (one daemonised: its parent
   * exits, so it is no one's descendant) and hangs.
   */
  private static final String STUBBORN =
      """
      trap '' TERM
      sleep 1000 &
      c1=$!
      (sleep 1000 & echo $! > "$TOLLGATE_OUTPUT_DIR/daemon") &
      while [ ! -s "$TOLLGATE_OUTPUT_DIR/daemon" ]; do sleep 0.05; done
      echo "$$ $c1 $(cat "$TOLLGATE_OUTPUT_DIR/daemon")" > "%s"
      while true; do sleep 1; done""";

  @BeforeEach
  void setUp() throws Exception {
    f = new RunnerFixture(dir);
  }

  private List<Long> pids(Path file) throws Exception {
    return Arrays.stream(RunnerFixture.await(file).trim().split(" ")).map(Long::parseLong).toList();
  }

  private void assertGroupGone(List<Long> pids) {
    RunnerFixture.assertNoneAlive(pids);
    assertThat(ProcStat.inSessionOrGroup(pids.get(0))).as("the session's processes").isEmpty();
  }

  @Test
  void cancellationEndsTheWholeGroupWithSigkillAfterTheGrace() throws Exception {
    Path pidFile = dir.resolve("pids");
    Path script = f.script("train.sh", STUBBORN.formatted(pidFile));
    CommandRunner runner = f.runner(Duration.ofMillis(500));
    CompletableFuture<CommandOutcome> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return f.run(runner, f.request(List.of(script.toString()), Duration.ofMinutes(5)));
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    List<Long> pids = pids(pidFile);
    assertThat(ProcStat.inSessionOrGroup(pids.get(0))).hasSizeGreaterThanOrEqualTo(3);
    f.stop.set("cancelled");
    CommandOutcome outcome = run.get(30, TimeUnit.SECONDS);
    assertThat(outcome)
        .isEqualTo(
            new CommandOutcome.Stopped(
                outcome.runFolder(),
                "cancelled",
                ((CommandOutcome.Stopped) outcome).processesStopped()));
    assertThat(((CommandOutcome.Stopped) outcome).processesStopped()).isGreaterThanOrEqualTo(3);
    assertGroupGone(pids);
    assertThat(outcome.runFolder().resolve("session")).doesNotExist();
  }

  @Test
  void aChildThatStartedItsOwnSessionIsEndedWithTheRest() throws Exception {
    Path pidFile = dir.resolve("pids");
    Path inner = dir.resolve("inner");
    Path script =
        f.script(
            "train.sh",
            """
            setsid sh -c 'trap "" TERM; echo $$ > "%s"; sleep 1000' &
            while [ ! -s "%s" ]; do sleep 0.05; done
            echo "$$ $(cat "%s")" > "%s"
            while true; do sleep 1; done"""
                .formatted(inner, inner, inner, pidFile));
    CommandOutcome outcome =
        f.run(
            f.runner(Duration.ofMillis(300)),
            f.request(List.of(script.toString()), Duration.ofSeconds(2)));
    assertThat(outcome).isInstanceOf(CommandOutcome.Stopped.class);
    List<Long> pids = pids(pidFile);
    RunnerFixture.assertNoneAlive(pids);
    assertThat(ProcStat.inSessionOrGroup(pids.get(1))).as("the child's own session").isEmpty();
  }

  @Test
  void aCommandThatHangsIsStoppedAtItsTimeout() throws Exception {
    Path pidFile = dir.resolve("pids");
    Path script = f.script("train.sh", STUBBORN.formatted(pidFile));
    long start = System.nanoTime();
    CommandOutcome outcome =
        f.run(
            f.runner(Duration.ofMillis(300)),
            f.request(List.of(script.toString()), Duration.ofSeconds(2)));
    assertThat(outcome).isInstanceOf(CommandOutcome.Stopped.class);
    assertThat(((CommandOutcome.Stopped) outcome).reason()).isEqualTo("timed out after 2s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertGroupGone(pids(pidFile));
  }

  @Test
  void aWorkerShutdownStopsARunningCommand() throws Exception {
    Path pidFile = dir.resolve("pids");
    Path script = f.script("train.sh", STUBBORN.formatted(pidFile));
    CommandRunner runner = f.runner(Duration.ofMillis(300));
    CompletableFuture<CommandOutcome> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return f.run(runner, f.request(List.of(script.toString()), Duration.ofMinutes(5)));
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    List<Long> pids = pids(pidFile);
    runner.shutdown("the worker is stopping");
    CommandOutcome outcome = run.get(30, TimeUnit.SECONDS);
    assertThat(((CommandOutcome.Stopped) outcome).reason()).isEqualTo("the worker is stopping");
    assertGroupGone(pids);
  }

  @Test
  void childrenLeftBehindByASuccessfulCommandAreStoppedToo() throws Exception {
    Path pidFile = dir.resolve("pids");
    Path script =
        f.script(
            "train.sh",
            """
            sleep 1000 &
            echo "$$ $!" > "%s"
            echo m > "$TOLLGATE_MODEL_DIR/model.bin"
            """
                .formatted(pidFile));
    CommandOutcome outcome =
        f.run(
            f.runner(Duration.ofMillis(300)),
            f.request(List.of(script.toString()), Duration.ofSeconds(30)));
    assertThat(outcome).isInstanceOf(CommandOutcome.Succeeded.class);
    assertGroupGone(pids(pidFile));
  }
}
