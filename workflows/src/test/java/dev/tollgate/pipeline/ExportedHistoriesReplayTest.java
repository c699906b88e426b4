package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.guardian.GuardianWorkflowImpl;
import dev.tollgate.rollback.RollbackWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every history {@code tollgate export-histories} wrote into src/test/resources/histories/exported/
 * (runs of a real server, not of the test's stubs) replays on today's code: pipelines, guardians
 * and rollbacks alike, each picked by its workflow type.
 */
class ExportedHistoriesReplayTest {

  static Stream<Path> exported() throws IOException, URISyntaxException {
    Path dir =
        Path.of(ExportedHistoriesReplayTest.class.getResource("/histories/exported").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("exported")
  void replays(Path history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history.toFile(),
        PipelineWorkflowImpl.class,
        GuardianWorkflowImpl.class,
        RollbackWorkflowImpl.class);
  }

  @Test
  void thereAreExportedHistoriesToReplay() throws Exception {
    List<Path> files = exported().toList();
    assertThat(files).as("histories/exported/ holds the exports of real runs").isNotEmpty();
  }
}
