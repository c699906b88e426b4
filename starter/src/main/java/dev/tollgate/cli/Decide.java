package dev.tollgate.cli;

import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.worker.approvals.MtlsDecisionClient;
import java.io.PrintWriter;

/**
 * The body of {@code approve} and {@code reject}: connect, send the decision, say what happened.
 */
final class Decide {
  private Decide() {}

  static int send(
      PrintWriter out, ConnectionOptions connection, String run, DecisionRequest decision) {
    String workflowId = RunName.workflowId(run);
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      try {
        DecisionRecord recorded = DecisionSender.send(temporal.client(), workflowId, decision);
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

  /** Through a worker's approval endpoint: the name comes from the client certificate. */
  static int sendVouched(
      PrintWriter out, VouchedOptions vouched, String run, boolean approve, String comment) {
    String workflowId = RunName.workflowId(run);
    MtlsDecisionClient.Answer answer =
        vouched.call(
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
