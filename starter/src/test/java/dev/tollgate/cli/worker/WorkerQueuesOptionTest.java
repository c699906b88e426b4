package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.cli.CliRun;
import dev.tollgate.cli.TollgateCli;
import dev.tollgate.cli.common.CliFailure;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tollgate worker --queues} sets tollgate.worker.queues, checked and folded. */
class WorkerQueuesOptionTest {

  private static WorkerCommand parsed(String... args) {
    CommandLine cli = TollgateCli.commandLine();
    cli.parseArgs(args);
    return cli.getSubcommands().get("worker").getCommand();
  }

  @Test
  void theOptionSetsTheQueuesFoldedAndItsAbsenceLeavesThemToTheEnvironment() {
    assertThat(parsed("worker", "--queues", "GPU,Pipeline").appArgs())
        .contains("--tollgate.worker.queues=pipeline,gpu");
    assertThat(parsed("worker", "--queues", "gpu", "--queues", "big-mem").appArgs())
        .contains("--tollgate.worker.queues=big-mem,gpu");
    assertThat(parsed("worker").appArgs()).noneMatch(a -> a.contains("tollgate.worker.queues"));
  }

  @Test
  void aBadNameIsAUsageErrorNamingTheRule() {
    assertThatThrownBy(() -> parsed("worker", "--queues", "gpu,a/b").appArgs())
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("--queues: queue name 'a/b'")
        .hasMessageContaining("letters, digits");
  }

  @Test
  void helpSaysWhatEachNameDoesAndTheDefault() {
    assertThat(CliRun.of("worker", "--help").out().replaceAll("\\s+", " "))
        .contains("--queues", "$TOLLGATE_WORKER_QUEUES, else pipeline", "training-only worker");
  }
}
