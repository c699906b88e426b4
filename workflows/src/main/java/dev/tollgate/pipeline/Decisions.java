package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.List;

/** The decisions of a run in one line, for notifications: who, what, when, how and why. */
final class Decisions {
  private Decisions() {}

  /** "alice approved via update at 2026-12-02T10:00:00Z: lgtm; bob approved via slack at ...". */
  static String describe(List<DecisionRecord> decisions) {
    StringBuilder s = new StringBuilder();
    for (DecisionRecord d : decisions) {
      if (!s.isEmpty()) s.append("; ");
      s.append(d.by())
          .append(d.approve() ? " approved" : " rejected")
          .append(" via ")
          .append(d.via())
          .append(" at ")
          // workflow time, recorded with the decision: the same on every replay
          .append(Instant.ofEpochMilli(d.atMillis()));
      if (d.comment() != null && !d.comment().isBlank()) s.append(": ").append(d.comment());
    }
    return s.toString();
  }
}
