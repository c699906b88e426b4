package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import dev.tollgate.cli.TollgateCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tollgate worker --training-commands} turns on tollgate.training.commands-enabled. */
class WorkerTrainingCommandsOptionTest {

  private static WorkerCommand parsed(String... args) {
    CommandLine cli = TollgateCli.commandLine();
    cli.parseArgs(args);
    return cli.getSubcommands().get("worker").getCommand();
  }

  @Test
  void theOptionTurnsTheSettingOnAndItsAbsenceLeavesItToTheEnvironment() {
    assertThat(parsed("worker", "--training-commands").appArgs())
        .contains("--tollgate.training.commands-enabled=true");
    assertThat(parsed("worker").appArgs()).noneMatch(a -> a.contains("tollgate.training"));
  }

  @Test
  void helpSaysWhatItDoesAndItsDefault() {
    assertThat(CliRun.of("worker", "--help").out().replaceAll("\\s+", " "))
        .contains("--training-commands", "$TOLLGATE_TRAINING_COMMANDS", "off by default");
  }
}
