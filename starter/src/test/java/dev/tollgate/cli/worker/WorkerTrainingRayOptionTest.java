package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import dev.tollgate.cli.TollgateCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code tollgate worker --training-ray [--ray-address URL]} turns on tollgate.training.ray.*, and
 * nothing else.
 */
class WorkerTrainingRayOptionTest {

  private static WorkerCommand parsed(String... args) {
    CommandLine cli = TollgateCli.commandLine();
    cli.parseArgs(args);
    return cli.getSubcommands().get("worker").getCommand();
  }

  @Test
  void theOptionsTurnOnlyRayOnAtTheGivenAddress() {
    assertThat(parsed("worker", "--training-ray", "--ray-address", "http://head:8265").appArgs())
        .contains(
            "--tollgate.training.ray.enabled=true",
            "--tollgate.training.ray.address=http://head:8265")
        .doesNotContain(
            "--tollgate.training.commands-enabled=true",
            "--tollgate.training.containers.enabled=true");
    assertThat(parsed("worker").appArgs()).noneMatch(a -> a.startsWith("--tollgate.training.ray."));
  }

  @Test
  void helpSaysWhatTheyDoAndTheirDefaults() {
    assertThat(CliRun.of("worker", "--help").out().replaceAll("\\s+", " "))
        .contains("--training-ray", "$TOLLGATE_TRAINING_RAY", "off by default")
        .contains("--ray-address=URL", "$TOLLGATE_RAY_ADDRESS", "127.0.0.1:8265");
  }
}
