package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's summary (the first line of its description, which picocli shows in its group's
 * command list) is one whole sentence that fits on one line of {@code --help}: {@code tollgate
 * --help} used to cut {@code export-histories} at "… into a" (issue 22, item 10).
 */
class HelpSummaryTest {

  @Test
  void everySummaryIsOneWholeSentence() {
    List<String> broken = new ArrayList<>();
    forEachCommand(
        TollgateCli.commandLine(),
        "tollgate",
        (name, cli) -> {
          // picocli's rule for the command list: the header's first line, else the description's
          var usage = cli.getCommandSpec().usageMessage();
          String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
          String summary = lines.length == 0 ? "" : lines[0].strip();
          if (!summary.endsWith(".")) broken.add(name + ": '" + summary + "'");
        });
    assertThat(broken).as("summaries that do not end a sentence").isEmpty();
  }

  @Test
  void everyCommandListFitsOneLineAnEntry() {
    forEachCommand(
        TollgateCli.commandLine(),
        "tollgate",
        (name, cli) -> {
          if (cli.getSubcommands().isEmpty()) return;
          List<String> args = new ArrayList<>(List.of(name.split(" ")));
          args.removeFirst();
          args.add("--help");
          CliRun help = CliRun.of(args.toArray(String[]::new));
          assertThat(help.exitCode()).as(name).isZero();
          List<String> entries = commandList(help.out());
          assertThat(entries)
              .as(name + " --help lists each command on one line:\n" + help.out())
              .hasSameSizeAs(cli.getSubcommands().keySet())
              .allSatisfy(line -> assertThat(line).matches("  \\S+ +\\S.*\\."));
        });
  }

  /** The lines after "Commands:" up to the next blank line (or the footer). */
  private static List<String> commandList(String help) {
    List<String> lines = help.lines().toList();
    int start = lines.indexOf("Commands:");
    assertThat(start).as("a Commands: section in\n" + help).isNotNegative();
    List<String> entries = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.isBlank() || !line.startsWith(" ")) break;
      entries.add(line);
    }
    return entries;
  }

  private interface Visitor {
    void visit(String name, CommandLine cli);
  }

  private static void forEachCommand(CommandLine cli, String name, Visitor visitor) {
    visitor.visit(name, cli);
    cli.getSubcommands()
        .forEach(
            (sub, subCli) -> {
              // picocli's help command is shared by every group; once is enough
              if (!sub.equals("help") || name.equals("tollgate")) {
                forEachCommand(subCli, name + " " + sub, visitor);
              }
            });
  }
}
