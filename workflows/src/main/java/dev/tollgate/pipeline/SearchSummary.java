package dev.tollgate.pipeline;

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

  public TrialResult best() {
    return bestIndex == null ? null : trials.get(bestIndex);
  }

  public Map<String, Double> bestParams() {
    return best() == null ? Map.of() : best().params();
  }

  public long failedCount() {
    return trials.stream().filter(t -> !t.succeeded()).count();
  }
}
