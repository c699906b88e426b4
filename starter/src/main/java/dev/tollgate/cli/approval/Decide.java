package dev.tollgate.cli.approval;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.run.RunName;
import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.spec.Durations;
import dev.tollgate.worker.approvals.MtlsDecisionClient;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * The body of {@code approve} and {@code reject}: connect, send the decision, say what happened.
 */
final class Decide {
  /** How long the Update may take once a worker was found: it takes milliseconds. */
  static final Duration UPDATE_LIMIT = Duration.ofSeconds(30);

  private Decide() {}

  static int send(
      PrintWriter out,
      ConnectionOptions connection,
      WorkerWait workerWait,
      String run,
      DecisionRequest decision) {
    String workflowId = RunName.workflowId(run);
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      try {
        WorkerPresence.require(temporal.client(), workflowId, workerWait.orZero(), connection);
        DecisionRecord recorded = sendBounded(temporal, workflowId, decision, run, connection);
        out.println(workflowId + ": " + DecisionSender.describe(recorded));
        out.println("  follow it with: tollgate status " + run + connection.flagsForCopy());
        out.flush();
        return recorded.accepted() ? ExitCodes.OK : ExitCodes.NOT_DONE;
      } catch (RuntimeException e) {
        throw TemporalConnection.isUnreachable(e)
            ? TemporalConnection.unreachable(connection, e)
            : e;
      }
    }
  }

  /**
   * The Update, with a time limit: a worker answered a moment ago, so it takes the decision in
   * milliseconds; if it went away since, the SDK would re-send the Update until another comes.
   */
  private static DecisionRecord sendBounded(
      TemporalConnection temporal,
      String workflowId,
      DecisionRequest decision,
      String run,
      ConnectionOptions connection) {
    try {
      return BoundedCall.within(
          UPDATE_LIMIT, () -> DecisionSender.send(temporal.client(), workflowId, decision));
    } catch (BoundedCall.TimedOut e) {
      throw new CliFailure(
          ExitCodes.NOT_DONE,
          "the decision was sent to "
              + workflowId
              + ", but no worker took it within "
              + Durations.format(UPDATE_LIMIT)
              + " (the worker went away?). A worker that picks the run up may still record it:"
              + " check with `tollgate status "
              + run
              + connection.flagsForCopy()
              + "`.",
          e);
    }
  }

  /** Through a worker's approval endpoint: the name comes from the client certificate. */
  static int sendVouched(
      PrintWriter out, ActorOptions actor, String run, boolean approve, String comment) {
    String workflowId = RunName.workflowId(run);
    MtlsDecisionClient.Answer answer =
        actor.call(
            (via, identity, password) ->
                MtlsDecisionClient.send(via, identity, password, workflowId, approve, comment),
            ExitCodes.USAGE);
    if (answer.recorded() == null) {
      throw new CliFailure(ExitCodes.NOT_DONE, answer.error() + " (HTTP " + answer.status() + ")");
    }
    out.println(workflowId + ": " + DecisionSender.describe(answer.recorded()));
    out.flush();
    return answer.recorded().accepted() ? ExitCodes.OK : ExitCodes.NOT_DONE;
  }
}
