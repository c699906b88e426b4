package dev.tollgate.cli.run;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Show;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.Version;
import dev.tollgate.cli.git.CommitReader;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.CommitLineage;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tollgate run}: checks a spec, starts its pipeline and (with --wait) follows it. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Start a pipeline run for a spec on a Temporal server.",
      "Workers polling that server do the work.",
      "The spec is checked first: a spec with an error is refused (exit code 2) and nothing"
          + " starts."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Started (with --wait: deployed).",
      "1:Not deployed (with --wait), or the run id is taken.",
      "2:Bad command line or spec.",
      "3:Temporal server unreachable."
    })
public final class RunCommand extends CliCommand {

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(
      names = "--spec",
      required = true,
      paramLabel = "FILE",
      description = "Pipeline spec (YAML), e.g. examples/energy/energy-load.yaml.")
  Path specFile;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description =
          "Name of this run, unique per model: letters, digits, '.', '_', '-' (default: a"
              + " timestamp with a random suffix).")
  String runId;

  @Option(
      names = "--wait",
      description =
          "Follow the run until it ends, printing each stage; at the approval gate, print who"
              + " must approve and the command to do it. Exit code 0 only if deployed.")
  boolean waitForEnd;

  @Option(
      names = "--git",
      description =
          "Record the commit the spec's folder is at (repository URL without credentials,"
              + " branch or tag, SHA, author name, whether the work tree was clean) in the"
              + " run, the registry's lineage, validation.json, the events and Slack; find the"
              + " run later with `tollgate runs --commit SHA`. A spec outside a git repository"
              + " is refused (exit code 2). Needs the git command.")
  boolean git;

  @Option(
      names = "--summary-md",
      paramLabel = "FILE",
      description =
          "With --wait: when the run ends, append its summary in markdown to FILE (outcome, model"
              + " version, metrics against Production, failed checks, reports). In GitHub"
              + " Actions: --summary-md \"$GITHUB_STEP_SUMMARY\".")
  Path summaryMarkdown;

  @Override
  protected int execute() {
    PrintWriter out = out();
    if (summaryMarkdown != null && !waitForEnd) {
      throw new CliFailure(
          ExitCodes.USAGE, "--summary-md needs --wait: the summary is written when the run ends");
    }
    PipelineSpec spec = SpecParser.parse(specFile);
    warnIfDataMissing(spec);
    String id = runId != null ? runId : PipelineStarter.newRunId();
    CommitLineage commit = git ? CommitReader.forSpec(specFile) : null;
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      try {
        PipelineStarter.StartedRun run =
            PipelineStarter.start(
                temporal.client(),
                spec,
                id,
                System.getProperty("user.name", "cli"),
                "tollgate run --spec " + specFile,
                commit);
        out.println("Started " + run.workflowId());
        if (commit != null)
          out.println("  at commit " + commit.label() + " of " + commit.repository());
        if (!waitForEnd) {
          printNextSteps(out, spec, run.shortName());
          return ExitCodes.OK;
        }
        StageFollower follower = new StageFollower(out, Duration.ofMillis(250), temporal.client());
        PipelineResult result =
            follower.follow(
                run.workflow(),
                status -> {
                  ValidationSummary.print(out, spec, status);
                  printGate(out, status, run.shortName());
                });
        if (summaryMarkdown != null) {
          SummaryFile.append(summaryMarkdown, result, command.commandLine().getErr());
        }
        return ResultPrinter.print(out, result);
      } catch (RuntimeException e) {
        throw TemporalConnection.isUnreachable(e)
            ? TemporalConnection.unreachable(connection, e)
            : e;
      }
    }
  }

  /** The worker reads the data, maybe on another machine: a missing local file is only a note. */
  private void warnIfDataMissing(PipelineSpec spec) {
    URI uri = URI.create(spec.data().train());
    if (!"file".equals(uri.getScheme())) return;
    Path data = Path.of(uri);
    String problem =
        Files.isDirectory(data)
            ? " is a directory on this machine; data.train must name a CSV file where the worker"
                + " runs."
            : Files.exists(data)
                ? null
                : " does not exist on this machine; the worker must find it where it runs.";
    if (problem != null) {
      PrintWriter err = command.commandLine().getErr();
      err.println("note: " + data + problem);
      err.flush();
    }
  }

  private void printNextSteps(PrintWriter out, PipelineSpec spec, String run) {
    String flags = connection.flagsForCopy();
    String approver = spec.approval().approvers().get(0);
    out.println("Next steps:");
    out.println("  tollgate status " + run + flags);
    out.println("      where the run is; repeat until it waits for approval");
    out.println("  tollgate approve " + run + " --by " + approver + flags);
    out.println(
        "      approve it (approvers: " + String.join(", ", spec.approval().approvers()) + ")");
    out.println("  tollgate reject " + run + " --by " + approver + " --reason \"...\"" + flags);
    out.flush();
  }

  private void printGate(PrintWriter out, PipelineStatus status, String run) {
    var wait = status.approval();
    String flags = connection.flagsForCopy();
    out.println();
    out.println(
        "Waiting for approval by "
            + Show.either(wait.askedOf())
            + " ("
            + wait.needed()
            + " needed) until "
            + Show.time(wait.deadlineMillis())
            + ". To decide, run:");
    out.println("  tollgate approve " + run + " --by " + wait.askedOf().get(0) + flags);
    out.println(
        "  tollgate reject "
            + run
            + " --by "
            + wait.askedOf().get(0)
            + " --reason \"...\""
            + flags);
    out.println();
    out.flush();
  }
}
