package dev.tollgate.pipeline;

import dev.tollgate.spec.MetricDirection;
import dev.tollgate.spec.ParamValue;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SearchPlan;
import dev.tollgate.spec.SearchSpec;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrialResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the spec's search trials as activities, at most {@code parallelism} at once, and picks the
 * best by the search metric. Workflow-side and deterministic: the plan comes from the spec and the
 * seed, in-flight trials are tracked in insertion order, and waiting is {@link Workflow#await}.
 */
final class HyperparameterSearch {
  private final TrainActivities train;

  HyperparameterSearch(TrainActivities train) {
    this.train = train;
  }

  SearchSummary run(PipelineSpec spec, String runId) {
    SearchSpec search = spec.training().search();
    List<Map<String, ParamValue>> plan = SearchPlan.trials(spec.task(), spec.training());
    List<TrialResult> results = new ArrayList<>();
    Map<Integer, Promise<TrialResult>> inFlight = new LinkedHashMap<>();
    int next = 0;
    while (next < plan.size() || !inFlight.isEmpty()) {
      while (next < plan.size() && inFlight.size() < search.parallelism()) {
        TrainRequest request =
            new TrainRequest(
                spec.model(),
                runId,
                spec.task(),
                spec.data(),
                spec.training().withParams(plan.get(next)));
        inFlight.put(next++, Async.function(train::trial, request));
      }
      Workflow.await(() -> inFlight.values().stream().anyMatch(Promise::isCompleted));
      for (Iterator<Map.Entry<Integer, Promise<TrialResult>>> it = inFlight.entrySet().iterator();
          it.hasNext(); ) {
        Map.Entry<Integer, Promise<TrialResult>> e = it.next();
        if (!e.getValue().isCompleted()) continue;
        results.add(outcome(e.getKey(), plan.get(e.getKey()), e.getValue(), search.metric()));
        it.remove();
      }
    }
    results.sort(java.util.Comparator.comparingInt(TrialResult::index));
    return new SearchSummary(search.metric(), results, best(results, search.metric()));
  }

  /** "best rmse 24.1 of 12 trials (1 failed)", for the stage line. */
  static String describe(SearchSummary s) {
    if (s.best() == null) return "all " + s.trials().size() + " trials failed";
    String failed = s.failedCount() == 0 ? "" : " (" + s.failedCount() + " failed)";
    return "best "
        + s.metric()
        + " "
        + Figures.number(s.best().metrics().get(s.metric()))
        + " of "
        + Figures.count(s.trials().size(), "trial")
        + failed;
  }

  private static TrialResult outcome(
      int index, Map<String, ParamValue> params, Promise<TrialResult> p, String metric) {
    RuntimeException failure = p.getFailure();
    if (failure != null) {
      String why =
          failure instanceof ActivityFailure af ? Failures.describe(af) : failure.getMessage();
      return TrialResult.failed(index, params, why);
    }
    TrialResult r = p.get();
    Double value = r.metrics().get(metric);
    if (value == null || value.isNaN()) {
      return TrialResult.failed(index, params, "the trial produced no " + metric);
    }
    return new TrialResult(index, r.params(), r.metrics(), null, r.millis());
  }

  private static Integer best(List<TrialResult> results, String metric) {
    Integer best = null;
    Double bestValue = null;
    for (TrialResult r : results) {
      if (!r.succeeded()) continue;
      double value = r.metrics().get(metric);
      if (MetricDirection.better(metric, value, bestValue)) {
        best = r.index();
        bestValue = value;
      }
    }
    return best;
  }
}
