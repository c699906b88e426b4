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
    assertThat(run.out())
        .contains("demo", "worker", "run", "status", "approve", "reject", "schedule");
  }

  @Test
  void everyCommandOptionAndParameterIsDescribed() {
    check(TollgateCli.commandLine(), new java.util.ArrayList<>());
  }

  /** Every subcommand, nested ones too ({@code schedule enable}), has a described --help. */
  private static void check(CommandLine cli, java.util.List<String> path) {
    for (CommandLine sub : cli.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      java.util.List<String> here = new java.util.ArrayList<>(path);
      here.add(spec.name());
      String name = String.join(" ", here);
      assertThat(spec.usageMessage().description()).as(name).isNotEmpty();
      for (ArgSpec arg : spec.args()) {
        assertThat(String.join(" ", arg.description()))
            .as(name + " " + arg.paramLabel())
            .isNotBlank();
      }
      java.util.List<String> args = new java.util.ArrayList<>(here);
      args.add("--help");
      assertThat(CliRun.of(args.toArray(String[]::new)).exitCode()).as(name).isZero();
      check(sub, here);
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
