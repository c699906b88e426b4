package dev.tollgate.cli.common;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowExecutionMetadata;
import java.util.List;

/**
 * Runs a visibility query, and says plainly when the server cannot answer one: the embedded test
 * server (tollgate worker / demo) has no visibility store.
 */
public final class Visibility {
  private Visibility() {}

  public static List<WorkflowExecutionMetadata> list(
      TemporalConnection temporal, String query, int limit) {
    try {
      return temporal.client().listExecutions(query).limit(limit).toList();
    } catch (RuntimeException e) {
      if (unsupported(e)) {
        throw new CliFailure(
            ExitCodes.NOT_DONE,
            "listing runs needs a real Temporal server with visibility queries; the one at "
                + temporal.options().address
                + " cannot answer them (the embedded test server of `tollgate worker` and `demo`"
                + " has none).\n  Use `tollgate status <model>/<run-id>` for one run, or run a"
                + " real server: `temporal server start-dev` (see README).",
            e);
      }
      throw e;
    }
  }

  /** True when the server answered UNIMPLEMENTED: the embedded test server lacks the API. */
  public static boolean unsupported(Throwable e) {
    for (Throwable c = e; c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return true;
      }
    }
    return false;
  }
}
