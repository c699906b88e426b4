package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker killed while its command ran left the command running; the next worker on the same home
 * ends it, and only it: a process of a finished run, or of no run, is left alone.
 */
class StaleRunsTest {
  @TempDir Path dir;

  private static Process sleeper(Path runDir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("sleep", "1000");
    pb.environment().put("TOLLGATE_RUN_DIR", runDir.toString());
    return pb.start();
  }

  @Test
  void killsTheProcessesOfRunsThatNeverFinished() throws Exception {
    Path root = dir.resolve("training-runs");
    RunFolder unfinished = RunFolder.create(root);
    Files.writeString(unfinished.sessionFile(), "session=1\n");
    RunFolder finished = RunFolder.create(root);
    Process orphan = sleeper(unfinished.root());
    Process other = sleeper(finished.root());
    try {
      List<Long> killed = StaleRuns.reap(root);

      assertThat(killed).containsExactly(orphan.pid());
      assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(other.isAlive()).isTrue();
      assertThat(unfinished.sessionFile()).doesNotExist();
      assertThat(StaleRuns.reap(root)).isEmpty();
    } finally {
      orphan.destroyForcibly();
      other.destroyForcibly();
    }
  }

  @Test
  void aHomeWithoutRunsIsNothingToDo() throws Exception {
    assertThat(StaleRuns.reap(dir.resolve("none"))).isEmpty();
  }
}
