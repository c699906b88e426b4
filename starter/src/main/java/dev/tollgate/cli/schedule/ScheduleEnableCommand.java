package dev.tollgate.cli.schedule;

import dev.tollgate.cli.approval.ActionIdentity;
import dev.tollgate.cli.approval.ActorOptions;
import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Failures;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.Version;
import dev.tollgate.guardian.GuardianStatus;
import dev.tollgate.guardian.GuardianWorkflow;
import dev.tollgate.pipeline.SpecJson;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.worker.guardian.GuardianLauncher;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tollgate schedule enable --spec FILE}: starts (or updates) the model's guardian. */
@Command(
    name = "enable",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Start the model's guardian, or give a running one this spec.",
      "The guardian is the workflow guardian/<model> of the spec's model.",
      "The spec needs a schedule section: cron, drift_check_every or min_new_rows.",
      "A running guardian takes a new spec only when it is the one in the worker's specs folder"
          + " (TOLLGATE_GUARDIAN_SPECS), or sent with --via URL --identity FILE by someone the"
          + " worker's approval policy lets control the model's schedule; otherwise it refuses"
          + " (exit code 1) and keeps its spec."
    })
final class ScheduleEnableCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin SpecOption specOption = new SpecOption();

  @Mixin ActorOptions actor = new ActorOptions();

  @Override
  protected int execute() throws InterruptedException {
    PipelineSpec spec = SpecParser.parse(specOption.file());
    if (spec.schedule() == null) {
      throw new CliFailure(
          ExitCodes.USAGE,
          specOption.file()
              + ": schedule: missing; a guardian needs cron, drift_check_every or min_new_rows"
              + " (docs/triggers.md)");
    }
    PrintWriter out = out();
    String id = WorkflowIds.guardian(spec.model());
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      WorkflowClient client = temporal.client();
      GuardianLauncher.Enabled done = enable(client, spec);
      if (!done.started() && !done.answer().accepted()) {
        throw new CliFailure(
            ExitCodes.NOT_DONE,
            "refused by " + id + ", which keeps its spec: " + done.answer().note());
      }
      out.println(
          (done.started() ? "Enabled " : "Updated the spec of ")
              + id
              + " ("
              + specOption.file()
              + ")");
      GuardianStatus status = awaitStatus(client, id);
      if (status != null)
        new GuardianStatusPrinter(out, System.currentTimeMillis()).print(status, null);
      out.println(
          "Follow it: tollgate schedule status " + spec.model() + connection.flagsForCopy());
      out.flush();
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      if (TemporalConnection.isUnreachable(e)) throw TemporalConnection.unreachable(connection, e);
      throw e;
    }
  }

  /** Starts the guardian, or asks the running one to take the spec (sealed when --via). */
  private GuardianLauncher.Enabled enable(WorkflowClient client, PipelineSpec spec) {
    if (actor.used() || actor.by() != null) {
      ActionIdentity who =
          ActionIdentity.of(actor, PolicyAction.SPEC_CHANGE, spec.model(), SpecJson.digest(spec));
      return call(() -> GuardianLauncher.enable(client, spec, who.by(), who.voucher()));
    }
    return call(() -> GuardianLauncher.enable(client, spec, "cli", null));
  }

  private GuardianLauncher.Enabled call(
      java.util.function.Supplier<GuardianLauncher.Enabled> enable) {
    try {
      return Guardians.within(connection, enable);
    } catch (WorkflowUpdateException e) {
      throw new CliFailure(
          ExitCodes.NOT_DONE,
          "refused: " + Failures.describe(e.getCause() == null ? e : e.getCause()),
          e);
    }
  }

  /**
   * The guardian's first status, once a worker ran its first task; {@code null} after a few seconds
   * without one (no worker polling yet), so enabling never hangs on a query.
   */
  private static GuardianStatus awaitStatus(WorkflowClient client, String id)
      throws InterruptedException {
    GuardianWorkflow guardian = client.newWorkflowStub(GuardianWorkflow.class, id);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(8);
    while (System.nanoTime() < deadline) {
      var query = java.util.concurrent.CompletableFuture.supplyAsync(guardian::status);
      try {
        GuardianStatus s = query.get(2, java.util.concurrent.TimeUnit.SECONDS);
        if (s != null) return s;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        query.cancel(true); // no worker has run its first task yet
      }
      Thread.sleep(250);
    }
    return null;
  }
}
