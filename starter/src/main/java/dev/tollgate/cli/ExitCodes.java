package dev.tollgate.cli;

/** The exit codes of every command, in one place; scripts and CI jobs rely on them. */
final class ExitCodes {
  /** Done; for a followed run: it was deployed. */
  static final int OK = 0;

  /** The run ended without a deployment, or the server refused the request. */
  static final int NOT_DONE = 1;

  /** The command line or the spec is wrong (picocli's own code for usage errors). */
  static final int USAGE = 2;

  /** The Temporal server cannot be reached. */
  static final int UNREACHABLE = 3;

  private ExitCodes() {}
}
