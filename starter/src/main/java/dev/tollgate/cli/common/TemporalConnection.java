package dev.tollgate.cli.common;

import dev.tollgate.codec.KeyringException;
import dev.tollgate.codec.TollgateDataConverter;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A client command's connection to Temporal (no Spring): checks the server answers before anything
 * is sent, and turns "cannot reach it" into one clear message with exit code 3.
 */
public final class TemporalConnection implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final ConnectionOptions options;
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;

  private TemporalConnection(
      ConnectionOptions options, WorkflowServiceStubs stubs, DataConverter converter) {
    this.options = options;
    this.stubs = stubs;
    this.client =
        WorkflowClient.newInstance(
            stubs,
            WorkflowClientOptions.newBuilder()
                .setNamespace(options.namespace)
                .setDataConverter(converter)
                .build());
  }

  public static TemporalConnection open(ConnectionOptions options) {
    DataConverter converter = converter(options);
    options.warnIfPlaintext();
    WorkflowServiceStubsOptions stubOptions =
        options
            .security
            .security()
            .applyTo(WorkflowServiceStubsOptions.newBuilder())
            .setTarget(options.address)
            .build();
    WorkflowServiceStubs stubs;
    try {
      stubs = WorkflowServiceStubs.newConnectedServiceStubs(stubOptions, CONNECT_TIMEOUT);
    } catch (RuntimeException e) {
      throw KnownFailures.explain(e, options).orElseGet(() -> unreachable(options, e));
    }
    try {
      NamespaceCheck.require(stubs, options);
    } catch (RuntimeException e) {
      stubs.shutdownNow();
      throw e;
    }
    return new TemporalConnection(options, stubs, converter);
  }

  /**
   * The worker's keyring (--codec-key-file, else TOLLGATE_CODEC_KEY): what it encrypts, the CLI
   * reads. A setting that cannot be used is a usage error, before anything is sent.
   */
  private static DataConverter converter(ConnectionOptions options) {
    try {
      return TollgateDataConverter.of(options.codecKey());
    } catch (KeyringException e) {
      throw new CliFailure(ExitCodes.USAGE, options.codecKeySource() + ": " + e.getMessage(), e);
    }
  }

  public WorkflowClient client() {
    return client;
  }

  /** The Schedules API client of the same connection and namespace. */
  public io.temporal.client.schedules.ScheduleClient schedules() {
    return io.temporal.client.schedules.ScheduleClient.newInstance(
        stubs,
        io.temporal.client.schedules.ScheduleClientOptions.newBuilder()
            .setNamespace(options.namespace)
            .setDataConverter(client.getOptions().getDataConverter()) // the schedule's run inputs
            .build());
  }

  public ConnectionOptions options() {
    return options;
  }

  /** True when the failure means the server went away (or never answered). */
  public static boolean isUnreachable(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.UNAVAILABLE) {
        return true;
      }
      if (c == c.getCause()) break;
    }
    return false;
  }

  public static CliFailure unreachable(ConnectionOptions options, Throwable cause) {
    return new CliFailure(
        ExitCodes.UNREACHABLE,
        "cannot reach a Temporal server at "
            + options.address
            + " (namespace "
            + options.namespace
            + "): "
            + rootMessage(cause)
            + "\n  Start one: `tollgate worker` (embedded server on port 7233), or"
            + " `temporal server start-dev`;\n  or point at yours with --address HOST:PORT"
            + " or TEMPORAL_ADDRESS."
            + tlsHint(options, cause),
        cause);
  }

  /**
   * Something listened and hung up: often a server that speaks TLS, reached without it (the
   * handshake never starts, so gRPC only sees the connection close).
   */
  private static String tlsHint(ConnectionOptions options, Throwable cause) {
    String root = rootMessage(cause).toLowerCase(java.util.Locale.ROOT);
    boolean hungUp = root.contains("network closed") || root.contains("connection reset");
    if (!hungUp || options.security.tlsConfigured()) return "";
    return "\n  Something answered there and closed the connection: if that server speaks TLS,"
        + " pass --tls-ca FILE (its CA), --tls-cert/--tls-key, or an API key.";
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  @Override
  public void close() {
    stubs.shutdown();
    stubs.awaitTermination(2, TimeUnit.SECONDS);
  }
}
