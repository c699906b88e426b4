package dev.tollgate.spec;

import java.time.Duration;
import java.util.Set;

/** Reads {@code pull_request}, strictly: {@code pull_request: {max_rows: 5000, timeout: 30m}}. */
final class PullRequestKeys {
  private PullRequestKeys() {}

  /** {@code null} when the spec has no such section (every row, one hour). */
  static PullRequestSpec read(YamlSection s, DataSpec data) {
    if (s == null) return null;
    s.rejectUnknownKeys(Set.of("max_rows", "timeout"));
    Integer maxRows = s.integer("max_rows", false);
    if (maxRows != null && maxRows < 1) {
      throw s.error("max_rows", "expected a whole number of rows, at least 1, got " + maxRows);
    }
    if (maxRows != null && maxRows < data.minRows()) {
      // every check run would fail data.min_rows: refused now, not on the pull request
      throw s.error(
          "max_rows",
          "is below data.min_rows ("
              + data.minRows()
              + "): every check run would have too few rows, got "
              + maxRows);
    }
    Duration timeout = s.duration("timeout", false);
    return new PullRequestSpec(maxRows == null ? null : maxRows.longValue(), timeout);
  }
}
