package dev.tollgate.cli.run;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.Version;
import dev.tollgate.cli.common.Visibility;
import dev.tollgate.pipeline.WorkflowIds;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tollgate export-histories}: writes the histories of finished runs into a folder, in the
 * JSON that {@code WorkflowReplayer} reads, so every release is replayed against the decisions of
 * real past runs (workflows/src/test/resources/histories/exported/ is replayed by the build).
 */
@Command(
    name = "export-histories",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Export completed runs' histories for the replay tests.",
      "Writes the event histories of completed pipelines, guardians and rollbacks into a folder,"
          + " one JSON file per run. A file that already exists is left as it is, so re-running"
          + " only adds new runs. Needs a real Temporal server (visibility).",
      "",
      "Example: tollgate export-histories --to workflows/src/test/resources/histories/exported"
    })
public final class ExportHistoriesCommand extends CliCommand {
  /** The workflow types whose code the replay tests hold. */
  static final List<String> TYPES =
      List.of("PipelineWorkflow", "GuardianWorkflow", "RollbackWorkflow");

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR",
      description = "The folder to write into (created when missing).")
  Path to;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description = "Only this model's pipelines, guardian and rollbacks.")
  String model;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N runs, newest first (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  protected int execute() {
    if (limit < 1)
      throw new CliFailure(ExitCodes.USAGE, "--limit must be at least 1, got " + limit);
    PrintWriter out = out();
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      List<WorkflowExecutionMetadata> runs = Visibility.list(temporal, query(), limit);
      int written = 0;
      for (WorkflowExecutionMetadata run : runs) {
        Path file =
            to.resolve(fileName(run.getExecution().getWorkflowId(), run.getExecution().getRunId()));
        if (Files.exists(file)) continue;
        WorkflowExecutionHistory history =
            temporal
                .client()
                .fetchHistory(run.getExecution().getWorkflowId(), run.getExecution().getRunId());
        write(file, history.toJson(true));
        out.println("wrote " + file);
        written++;
      }
      out.printf(
          Locale.ROOT,
          "%d of %d completed run(s) exported to %s (%d already there)%n",
          written,
          runs.size(),
          to,
          runs.size() - written);
      out.flush();
      return ExitCodes.OK;
    }
  }

  String query() {
    String types = String.join(", ", TYPES.stream().map(t -> "'" + t + "'").toList());
    String q = "ExecutionStatus = 'Completed' AND WorkflowType IN (" + types + ")";
    if (model != null) {
      if (!dev.tollgate.spec.PipelineSpec.MODEL_NAME.matcher(model).matches()) {
        throw new CliFailure(ExitCodes.USAGE, "--model: not a model name: '" + model + "'");
      }
      q +=
          " AND (WorkflowId STARTS_WITH '"
              + WorkflowIds.pipeline(model, "")
              + "' OR WorkflowId = '"
              + WorkflowIds.guardian(model)
              + "' OR WorkflowId = '"
              + WorkflowIds.rollback(model)
              + "')";
    }
    return q;
  }

  /** A file name from the IDs: slashes and other separators become '_'. */
  static String fileName(String workflowId, String runId) {
    return (workflowId + "_" + runId).replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
  }

  /** Through a temporary file and a move, so an interrupted export leaves no half-written file. */
  private static void write(Path file, String json) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".export-", ".tmp");
      Files.writeString(tmp, json);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
