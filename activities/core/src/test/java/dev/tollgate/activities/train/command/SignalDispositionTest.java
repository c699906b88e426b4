package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker started with SIGTERM ignored (nohup, some CI runners) must not pass that on: the command
 * gets default signal actions, so the grace period's SIGTERM ends it at once.
 */
class SignalDispositionTest {
  @TempDir Path dir;

  @Test
  void signalsIgnoredByTheWorkerAreResetForTheCommand() throws Exception {
    RunnerFixture f = new RunnerFixture(dir);
    LaunchTools real = LaunchTools.fromWorker();
    // Stands in for a worker whose SIGTERM, SIGINT and SIGHUP are ignored: exec keeps that.
    Path ignoring =
        f.script("ignoring-setsid", "trap '' TERM INT HUP\nexec " + real.setsid() + " \"$@\"");
    Path status = dir.resolve("status");
    Path script =
        f.script(
            "train.sh",
            "grep SigIgn /proc/self/status > \"" + status + "\"\nwhile true; do sleep 1; done");
    CommandRunner runner =
        f.runner(
            Duration.ofSeconds(20),
            new LaunchTools(ignoring, real.env()),
            RunnerFixture.workerEnv());
    long start = System.nanoTime();
    CommandOutcome outcome =
        f.run(runner, f.request(List.of(script.toString()), Duration.ofSeconds(2)));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(outcome).isInstanceOf(CommandOutcome.Stopped.class);
    long ignored =
        Long.parseLong(Files.readString(status).trim().substring("SigIgn:".length()).trim(), 16);
    for (int signal : new int[] {1, 2, 15}) { // SIGHUP, SIGINT, SIGTERM
      assertThat(ignored & (1L << (signal - 1))).as("signal " + signal + " ignored").isZero();
    }
    // SIGTERM worked: the 20 s grace (and SIGKILL after it) was not needed.
    assertThat(took).isLessThan(Duration.ofSeconds(12));
  }
}
