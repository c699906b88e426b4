package dev.tollgate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps library logging (gRPC, Temporal) off the terminal of client commands: without a config,
 * logback prints everything at DEBUG. The worker app replaces this with its own logging setup.
 */
final class QuietLogging {
  private QuietLogging() {}

  static void apply() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.OFF);
    }
  }
}
