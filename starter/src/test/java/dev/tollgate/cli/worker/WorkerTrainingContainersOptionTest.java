package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import dev.tollgate.cli.TollgateCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tollgate worker --training-containers} turns on tollgate.training.containers.enabled. */
class WorkerTrainingContainersOptionTest {

  private static WorkerCommand parsed(String... args) {
    CommandLine cli = TollgateCli.commandLine();
    cli.parseArgs(args);
    return cli.getSubcommands().get("worker").getCommand();
  }

  @Test
  void theOptionTurnsOnlyContainersOn() {
    assertThat(parsed("worker", "--training-containers").appArgs())
        .contains("--tollgate.training.containers.enabled=true")
        .doesNotContain("--tollgate.training.commands-enabled=true");
  }

  @Test
  void helpSaysWhatItDoesAndItsDefault() {
    assertThat(CliRun.of("worker", "--help").out().replaceAll("\\s+", " "))
        .contains("--training-containers", "$TOLLGATE_TRAINING_CONTAINERS", "off by default")
        .contains("no network");
  }
}
