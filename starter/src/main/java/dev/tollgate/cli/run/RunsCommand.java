package dev.tollgate.cli.run;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.Columns;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Show;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.Version;
import dev.tollgate.cli.common.Visibility;
import dev.tollgate.pipeline.SearchAttributes;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Trigger;
import dev.tollgate.stages.Outcome;
import io.temporal.client.WorkflowExecutionMetadata;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tollgate runs}: pipeline runs, newest first, filtered by model, stage or outcome. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "List pipeline runs, newest first (a real server only).",
      "Read from the server's visibility store: needs a real Temporal server (the embedded test server has no visibility queries)."
    })
public final class RunsCommand extends CliCommand {

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ModelFilter model = new ModelFilter();

  @Option(
      names = "--stage",
      paramLabel = "STAGE",
      description = "Only runs in this stage: ${COMPLETION-CANDIDATES}.")
  Stage stage;

  @Option(
      names = "--outcome",
      paramLabel = "OUTCOME",
      description = "Only runs that ended so: ${COMPLETION-CANDIDATES}.")
  Outcome outcome;

  @Option(
      names = "--trigger",
      paramLabel = "TRIGGER",
      converter = TriggerConverter.class,
      description = "Only runs started so: schedule, drift, volume or manual.")
  Trigger trigger;

  @Option(
      names = "--commit",
      paramLabel = "SHA",
      description =
          "Only runs started from this commit (`run --git`): the full SHA or its first 7 or"
              + " more hex digits, any case.")
  String commit;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "At most N runs (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  protected int execute() {
    PrintWriter out = out();
    String query = RunQuery.of(model.name(), stage, outcome, trigger, commit, false);
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      List<WorkflowExecutionMetadata> runs = Visibility.list(temporal, query, limit);
      if (runs.isEmpty()) {
        out.println("No runs match: " + query);
        out.flush();
        return ExitCodes.OK;
      }
      Columns table = new Columns("RUN", "STAGE", "OUTCOME", "TRIGGER", "STARTED", "SUMMARY");
      for (WorkflowExecutionMetadata run : runs) table.add(cells(run));
      table.print(out);
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** The row of one run: id, stage, outcome, trigger, start (local time) and summary. */
  static String[] cells(WorkflowExecutionMetadata run) {
    var attributes = run.getTypedSearchAttributes();
    return new String[] {
      run.getExecution().getWorkflowId(),
      orDash(attributes.get(SearchAttributes.STAGE)),
      orDash(attributes.get(SearchAttributes.OUTCOME)),
      orDash(attributes.get(SearchAttributes.TRIGGER)),
      Show.time(run.getStartTime().toEpochMilli()).replace(" UTC", ""),
      summary(run)
    };
  }

  /**
   * A finished run's headline (its memo); a running one's model, version and stage, from its
   * attributes: since marker fewer-round-trips a run writes its memo only at its start and end.
   */
  static String summary(WorkflowExecutionMetadata run) {
    var attributes = run.getTypedSearchAttributes();
    Object memo = run.getMemo(SearchAttributes.SUMMARY_MEMO, String.class);
    String stage = attributes.get(SearchAttributes.STAGE);
    if (attributes.get(SearchAttributes.OUTCOME) != null || stage == null) return orDash(memo);
    Long version = attributes.get(SearchAttributes.MODEL_VERSION);
    return Stage.runningSummary(orDash(attributes.get(SearchAttributes.MODEL)), version, stage);
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
