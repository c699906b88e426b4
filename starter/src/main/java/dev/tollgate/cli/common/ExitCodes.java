package dev.tollgate.cli.common;

/** The exit codes of every command, in one place; scripts and CI jobs rely on them. */
public final class ExitCodes {
  /** Done; for a followed run: it was deployed. */
  public static final int OK = 0;

  /** The run ended without a deployment, or the server refused the request. */
  public static final int NOT_DONE = 1;

  /** The command line or the spec is wrong (picocli's own code for usage errors). */
  public static final int USAGE = 2;

  /** The Temporal server cannot be reached. */
  public static final int UNREACHABLE = 3;

  private ExitCodes() {}
}
