package dev.tollgate.cli;

import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
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
}
