package dev.tollgate.cli.run;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Show;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.Version;
import dev.tollgate.cli.common.Visibility;
import dev.tollgate.pipeline.ApprovalWait;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.Stage;
import io.temporal.client.WorkflowExecutionMetadata;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tollgate pending}: runs waiting for approval, who is asked, since when, until when. */
@Command(
    name = "pending",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "List the runs waiting for approval, and whom they wait for.",
      "For each: who is asked, since when and until when.",
      "Needs a real Temporal server (the embedded test server has no visibility queries)."
    })
public final class PendingCommand extends CliCommand {

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ModelFilter model = new ModelFilter();

  @Override
  protected int execute() {
    PrintWriter out = out();
    String query = RunQuery.of(model.name(), Stage.AWAITING_APPROVAL, null, true);
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      List<WorkflowExecutionMetadata> runs = Visibility.list(temporal, query, 200);
      if (runs.isEmpty()) out.println("No run is waiting for approval.");
      long now = System.currentTimeMillis();
      for (WorkflowExecutionMetadata run : runs) {
        String id = run.getExecution().getWorkflowId();
        PipelineStatus status =
            temporal.client().newWorkflowStub(PipelineWorkflow.class, id).status();
        ApprovalWait wait = status == null ? null : status.approval();
        if (wait == null) continue; // decided between the listing and the query
        out.println(id + "  " + status.model() + " v" + status.modelVersion());
        out.println(
            "  asked of "
                + Show.either(wait.askedOf())
                + ", "
                + wait.decisions().size()
                + " of "
                + wait.needed()
                + " approval(s) so far");
        out.println(
            "  waiting since "
                + Show.time(wait.sinceMillis())
                + " "
                + Show.relative(wait.sinceMillis(), now));
        out.println(
            "  deadline "
                + Show.time(wait.deadlineMillis())
                + " "
                + Show.relative(wait.deadlineMillis(), now));
        out.println("  approve: tollgate approve " + id + " --by NAME" + connection.flagsForCopy());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
