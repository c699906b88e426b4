package dev.tollgate.it;

import java.util.List;

/** How a finished command went: its exit code and what it printed. */
record ProcResult(List<String> command, int exitCode, String out, String err) {

  /** Stdout and stderr together, for assertions that do not care which stream. */
  String output() {
    return out + err;
  }

  @Override
  public String toString() {
    return String.join(" ", command)
        + "\n  exit code "
        + exitCode
        + "\n  --- stdout ---\n"
        + out.strip()
        + "\n  --- stderr ---\n"
        + err.strip();
  }
}
