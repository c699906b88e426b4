package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.guardian.GuardianWorkflowImpl;
import dev.tollgate.pipeline.PipelineWorkflowImpl;
import dev.tollgate.rollback.RollbackWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate export-histories} against the real dev server: a finished run's history is
 * written once, in the JSON the replay tests read, and replays on today's workflow code.
 */
@ExtendWith(SharedStack.class)
class ExportHistoriesIT {
  @TempDir Path exported;
  private SharedStack stack;
  private Cli cli;
  private Runs runs;

  @BeforeEach
  void connect() {
    stack = SharedStack.get();
    cli = stack.cli();
    runs = new Runs(cli, () -> stack.worker().tail() + "\nServer log: " + stack.server().log());
  }

  @Test
  void exportsAFinishedRunThatReplays() throws Exception {
    Path spec = stack.spec(ItSpecs.Spec.quick("it-export"));
    assertThat(cli.run("run", "--spec", spec.toString(), "--run-id", "r1").exitCode()).isZero();
    runs.awaitStage("it-export/r1", "AWAITING_APPROVAL", Duration.ofMinutes(3));
    assertThat(cli.approve("it-export/r1", "alice").exitCode()).isZero();
    runs.awaitFinished("it-export/r1", Duration.ofMinutes(2));

    ProcResult first =
        Await.until(
            "the finished run to be visible to the export",
            Duration.ofSeconds(30),
            () -> cli.run("export-histories", "--to", exported.toString(), "--model", "it-export"),
            r -> r.exitCode() == 0 && r.out().contains("1 of 1"),
            () -> "");
    assertThat(first.out()).contains("pipeline_it-export_r1_");
    List<Path> files = jsonFiles();
    assertThat(files).hasSize(1);
    WorkflowReplayer.replayWorkflowExecution(
        files.getFirst().toFile(),
        PipelineWorkflowImpl.class,
        GuardianWorkflowImpl.class,
        RollbackWorkflowImpl.class);

    // Kept for adding to workflows/src/test/resources/histories/exported/ (docs/testing.md).
    Path keep = Files.createDirectories(Path.of("target", "exported-histories"));
    Files.copy(
        files.getFirst(),
        keep.resolve(files.getFirst().getFileName()),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    ProcResult again =
        cli.run("export-histories", "--to", exported.toString(), "--model", "it-export");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("0 of 1 completed run(s)", "(1 already there)");
    assertThat(jsonFiles()).isEqualTo(files);

    ProcResult bad =
        cli.run("export-histories", "--to", exported.toString(), "--model", "Bad Name");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.output()).contains("--model: not a model name").doesNotContain("Exception");
  }

  private List<Path> jsonFiles() throws IOException {
    try (Stream<Path> s = Files.list(exported)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
