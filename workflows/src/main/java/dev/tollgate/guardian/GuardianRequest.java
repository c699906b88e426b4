package dev.tollgate.guardian;

import dev.tollgate.spec.PipelineSpec;
import java.util.Objects;

/**
 * The one argument of {@link GuardianWorkflow#run}.
 *
 * @param spec the model's spec; must have a {@code schedule} section
 * @param carried what the previous run of this guardian handed over when it continued as new, or
 *     {@code null} for a new guardian
 * @param historyLimit continue as new once the history has this many events (and no run is in
 *     flight); 0 = {@link #DEFAULT_HISTORY_LIMIT}
 */
public record GuardianRequest(PipelineSpec spec, GuardianState carried, int historyLimit) {
  /** About two weeks of a nightly cron with checks every 6 h (docs/benchmarks.md). */
  public static final int DEFAULT_HISTORY_LIMIT = 1000;

  public GuardianRequest {
    Objects.requireNonNull(spec, "spec");
    if (spec.schedule() == null) {
      throw new IllegalArgumentException(
          spec.source() + ": has no schedule section; a guardian needs cron or drift checks");
    }
  }

  public static GuardianRequest start(PipelineSpec spec) {
    return new GuardianRequest(spec, null, 0);
  }

  public int limit() {
    return historyLimit <= 0 ? DEFAULT_HISTORY_LIMIT : historyLimit;
  }
}
