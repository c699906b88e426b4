package dev.tollgate.cli.check;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tollgate check}: every check of a spec that needs no server, for pre-commit hooks and pull
 * requests. One line per good spec, one per problem of a bad one ({@code file: key: problem}).
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Check specs and their data offline, as a pre-commit hook.",
      "What `tollgate run` would refuse, and what the run would fail on that this machine can"
          + " see.",
      "For each spec: the spec itself (every key, as `run` parses it, with the deploy target's"
          + " settings); the training command (the program in its working folder or on the PATH,"
          + " the requirements file, python3 for a venv, an imported model file); the data (the"
          + " first --rows rows of data.train read as the train stage reads them: the columns are"
          + " in the header, the values of each type, data.missing applied).",
      "Prints `OK FILE (what was read)` for a good spec and `FILE: KEY: PROBLEM` for each problem of a bad one.",
      "",
      "Examples (a pre-commit hook, a pull request job without the data):",
      "  tollgate check --spec specs/churn.yaml specs/energy.yaml",
      "  tollgate check --no-data --spec examples/*/*.yaml"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Every spec is OK.", "2:A spec has a problem, or a bad command line."})
public final class CheckCommand extends CliCommand {
  static final int DEFAULT_ROWS = 1000;

  @Option(
      names = "--spec",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "Pipeline specs (YAML) to check; several after one --spec.")
  List<Path> specFiles;

  @Option(
      names = "--rows",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_ROWS,
      description =
          "Data rows to read from the head of each data file (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(
      names = "--no-data",
      description =
          "Do not read the data nor look for an imported model file: for a checkout without"
              + " them (generated files kept out of git, as the examples' are). The spec and the"
              + " training command are still checked.")
  boolean noData;

  @Override
  protected int execute() {
    if (rows < 1) {
      command.commandLine().getErr().println("tollgate: --rows must be at least 1, got " + rows);
      return ExitCodes.USAGE;
    }
    PrintWriter out = out();
    SpecCheck check = new SpecCheck(noData ? 0 : rows, System.getenv("PATH"));
    boolean allOk = true;
    for (Path file : specFiles) {
      CheckReport report = check.check(file);
      if (report.ok()) {
        List<String> notes = report.notes();
        out.println("OK " + file + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
      } else {
        allOk = false;
        for (CheckReport.Problem p : report.problems()) {
          out.println(file + ": " + p.key() + ": " + p.message());
        }
      }
    }
    out.flush();
    return allOk ? ExitCodes.OK : ExitCodes.USAGE;
  }
}
