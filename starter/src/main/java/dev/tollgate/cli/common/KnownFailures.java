package dev.tollgate.cli.common;

import dev.tollgate.codec.NoKeyringException;
import dev.tollgate.codec.UnknownKeyException;
import dev.tollgate.codec.UnreadablePayloadException;
import io.grpc.StatusRuntimeException;
import io.temporal.api.errordetails.v1.NamespaceNotFoundFailure;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.serviceclient.StatusUtils;
import java.util.Optional;

/**
 * The failures a person can cause — a missing or wrong codec key, a namespace that is not there,
 * credentials the server refuses, TLS that does not match, a server that is down, busy or slow —
 * each turned into one sentence saying what it means and what to do, instead of "unexpected error"
 * and a Java class name. Anything else is a bug and is reported as such by {@link CliCommand}.
 */
public final class KnownFailures {
  private KnownFailures() {}

  /**
   * True when {@code e} is data this command cannot decrypt: callers that take a failed query for
   * "not answering yet" must pass this one on instead.
   */
  public static boolean isUnreadablePayload(Throwable e) {
    return find(e, UnreadablePayloadException.class) != null;
  }

  /**
   * The sentence for {@code e}, or empty for a failure nobody can act on, and for a {@link
   * CliFailure}: a command that said what went wrong knows better than its cause's status code.
   *
   * @param options the connection, to name the server; null when the caller has none
   */
  static Optional<CliFailure> explain(Throwable e, ConnectionOptions options) {
    if (e instanceof CliFailure) return Optional.empty();
    String server =
        options == null ? "the Temporal server" : "the Temporal server at " + options.address;
    UnreadablePayloadException unreadable = find(e, UnreadablePayloadException.class);
    if (unreadable != null) return Optional.of(codecKey(unreadable, options, e));
    if (Tls.failed(e)) return Optional.of(Tls.failure(e, server));
    WorkflowNotFoundException gone = find(e, WorkflowNotFoundException.class);
    if (gone != null && options != null) {
      return Optional.of(
          new CliFailure(
              ExitCodes.NOT_DONE,
              "no workflow "
                  + gone.getExecution().getWorkflowId()
                  + " on "
                  + options.address
                  + " (namespace "
                  + options.namespace
                  + "), or it has ended.",
              e));
    }
    StatusRuntimeException status = find(e, StatusRuntimeException.class);
    if (status == null) return Optional.empty();
    String said =
        status.getStatus().getDescription() == null ? "" : status.getStatus().getDescription();
    return switch (status.getStatus().getCode()) {
      case UNAVAILABLE ->
          Optional.of(
              options == null
                  ? new CliFailure(ExitCodes.UNREACHABLE, server + " stopped answering: " + said, e)
                  : TemporalConnection.unreachable(options, e));
      case UNAUTHENTICATED ->
          Optional.of(
              new CliFailure(
                  ExitCodes.NOT_DONE,
                  server
                      + " did not accept this client's credentials ("
                      + said
                      + "). It needs an API key (TEMPORAL_API_KEY or --api-key-file FILE) or a"
                      + " client certificate (--tls-cert FILE --tls-key FILE) it trusts.",
                  e));
      case PERMISSION_DENIED ->
          Optional.of(
              new CliFailure(
                  ExitCodes.NOT_DONE,
                  server
                      + " refused: permission denied"
                      + (options == null ? "" : " in namespace " + options.namespace)
                      + " ("
                      + said
                      + "). The API key or certificate this command used lacks the role for it;"
                      + " ask the server's operator.",
                  e));
      case NOT_FOUND ->
          StatusUtils.getFailure(status, NamespaceNotFoundFailure.class) == null || options == null
              ? Optional.empty()
              : Optional.of(NamespaceCheck.missing(options, e));
      case DEADLINE_EXCEEDED ->
          Optional.of(
              new CliFailure(
                  ExitCodes.NOT_DONE,
                  server + " did not answer in time; it may be overloaded. Try again.",
                  e));
      case RESOURCE_EXHAUSTED ->
          Optional.of(
              new CliFailure(
                  ExitCodes.NOT_DONE,
                  server + " is limiting requests (" + said + "). Try again in a moment.",
                  e));
      default -> Optional.empty();
    };
  }

  private static CliFailure codecKey(
      UnreadablePayloadException e, ConnectionOptions options, Throwable thrown) {
    String source = options == null ? "TOLLGATE_CODEC_KEY" : options.codecKeySource();
    String head = "this run's data is encrypted with key id '" + e.keyId() + "'";
    String what =
        switch (e) {
          case NoKeyringException none ->
              head
                  + ", and this command has no codec key. Set TOLLGATE_CODEC_KEY to the worker's"
                  + " keys ('"
                  + e.keyId()
                  + ":BASE64', or file:/path to a file of them), or pass --codec-key-file FILE.";
          case UnknownKeyException unknown ->
              head
                  + ", which the keys of "
                  + source
                  + " do not include (they are "
                  + unknown.held()
                  + "). Add the worker's key '"
                  + e.keyId()
                  + "' to them.";
          default ->
              head
                  + ", and the key '"
                  + e.keyId()
                  + "' of "
                  + source
                  + " does not open it: it is not the worker's key of that id (or the data was"
                  + " altered). Use the worker's key.";
        };
    return new CliFailure(ExitCodes.USAGE, what, thrown);
  }

  static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (type.isInstance(c)) return type.cast(c);
      if (c == c.getCause()) break;
    }
    return null;
  }
}
