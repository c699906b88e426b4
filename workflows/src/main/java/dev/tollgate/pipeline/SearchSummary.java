package dev.tollgate.pipeline;

import dev.tollgate.spec.ParamValue;
import dev.tollgate.stages.TrialResult;
import java.util.List;
import java.util.Map;

/**
 * Every trial of a hyperparameter search and which one won.
 *
 * @param bestIndex index of the best trial; {@code null} when every trial failed
 */
public record SearchSummary(String metric, List<TrialResult> trials, Integer bestIndex) {

  public SearchSummary {
    trials = List.copyOf(trials);
  }

  /** The trial whose {@link TrialResult#index()} is {@code bestIndex}, wherever it is listed. */
  public TrialResult best() {
    return bestIndex == null
        ? null
        : trials.stream().filter(t -> t.index() == bestIndex).findFirst().orElse(null);
  }

  public Map<String, ParamValue> bestParams() {
    return best() == null ? Map.of() : best().params();
  }

  public long failedCount() {
    return trials.stream().filter(t -> !t.succeeded()).count();
  }
}
