package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

class HelpTest {
  @Test
  void topLevelHelpListsEveryCommand() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("demo", "worker", "run", "status", "approve", "reject");
  }

  @Test
  void everyCommandOptionAndParameterIsDescribed() {
    CommandLine cli = new CommandLine(new TollgateCli());
    for (CommandLine sub : cli.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      assertThat(spec.usageMessage().description()).as(spec.name()).isNotEmpty();
      for (ArgSpec arg : spec.args()) {
        assertThat(String.join(" ", arg.description()))
            .as(spec.name() + " " + arg.paramLabel())
            .isNotBlank();
      }
      assertThat(CliRun.of(spec.name(), "--help").exitCode()).as(spec.name()).isZero();
    }
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    CliRun run = CliRun.of("reject", "energy-load/r1", "--by", "alice");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--reason");
  }

  @Test
  void aMalformedRunNameIsAUsageError() {
    CliRun run = CliRun.of("status", "just-a-name", "--address", "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("<model>/<run-id>");
  }
}
