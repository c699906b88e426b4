package dev.tollgate.activities.outbound;

import java.io.IOException;

/**
 * Sends one {@link HttpCall} and reads its answer within the call's bounds. {@link OutboundHttp} is
 * the one for URLs from a spec (checked against the worker's allow-list); {@link JdkHttp} for the
 * addresses an operator configured.
 */
@FunctionalInterface
public interface HttpExchange {
  /**
   * @throws IOException when there is no answer (unreachable, timed out, cut off)
   * @throws OutboundRefused when the URL may not be reached at all
   */
  HttpAnswer send(HttpCall call) throws IOException;
}
