package dev.tollgate.worker.slack;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A short reference for an unexpected failure: the Slack user is told the reference, the worker's
 * log has it beside the exception, so an operator can find one from the other while the user never
 * sees the exception's text (which can hold host names, ids or data).
 */
final class ErrorRef {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ErrorRef() {}

  static String next() {
    byte[] b = new byte[4];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
