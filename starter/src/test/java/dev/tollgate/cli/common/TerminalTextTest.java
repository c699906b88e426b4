package dev.tollgate.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Text from a run reaches the terminal without control characters, on stdout (status, runs, a
 * followed run) and stderr (a failure's message) alike, through every command's writers.
 */
class TerminalTextTest {
  /** Prints what a run could carry: a cause quoting a file with escape sequences in it. */
  @Command(name = "echo")
  static final class Echo extends CliCommand {
    @Override
    protected int execute() {
      out().println("  cause     Train: load.csv row 2: '\u001b[2J\u001b]0;owned\u0007abc\u202e'");
      out().println("\tsecond line");
      throw new CliFailure(ExitCodes.NOT_DONE, "run failed: \u009b31mred\u001b[0m");
    }
  }

  @Test
  void controlCharactersNeverReachTheTerminal() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Echo());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute()).isEqualTo(ExitCodes.NOT_DONE);

    String nl = System.lineSeparator();
    assertThat(out.toString())
        .isEqualTo(
            "  cause     Train: load.csv row 2: '[2J]0;ownedabc'" + nl + "\tsecond line" + nl);
    assertThat(err.toString()).isEqualTo("tollgate: run failed: 31mred[0m" + nl);
  }
}
