package dev.tollgate.cli.common;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;

/**
 * Asks the server for the namespace once, right after connecting: a misspelt --namespace is then
 * said as such, instead of surfacing later as "no run …" or a gRPC status with a Java class name.
 */
final class NamespaceCheck {
  private static final long DEADLINE_SECONDS = 5;

  private NamespaceCheck() {}

  static void require(WorkflowServiceStubs stubs, ConnectionOptions options) {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
          .describeNamespace(
              DescribeNamespaceRequest.newBuilder().setNamespace(options.namespace).build());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNIMPLEMENTED) return; // a server that cannot say: carry on
      if (code == Status.Code.NOT_FOUND) throw missing(options, e);
      throw KnownFailures.explain(e, options).<RuntimeException>map(f -> f).orElse(e);
    }
  }

  static CliFailure missing(ConnectionOptions options, Throwable cause) {
    return new CliFailure(
        ExitCodes.NOT_DONE,
        "the Temporal server at "
            + options.address
            + " has no namespace '"
            + options.namespace
            + "'. Check --namespace (or TEMPORAL_NAMESPACE); on a dev server create it with"
            + " `temporal operator namespace create "
            + options.namespace
            + "`.",
        cause);
  }
}
