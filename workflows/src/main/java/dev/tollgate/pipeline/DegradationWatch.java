package dev.tollgate.pipeline;

import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.MetricDirection;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.LiveScore;
import dev.tollgate.stages.LiveScoreRequest;
import dev.tollgate.stages.ModelVersion;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * After a deploy, for {@code rollback.watch}: every {@code check_every} the deployed version scores
 * the newly labelled data, and the watch ends early when its metric is worse than at validation by
 * more than {@code on_degradation} (relative). Regression is judged by rmse, classification by
 * accuracy. Specs with a watch did not exist before it, so older histories replay unchanged.
 */
final class DegradationWatch {
  /** How the watch ended; {@code reason} says why it degraded, else {@code null}. */
  record Result(boolean degraded, String reason, int checks, String last) {
    String describe() {
      return degraded
          ? "degraded: " + reason
          : "held for " + Figures.count(checks, "check") + " (" + last + ")";
    }
  }

  private final DeployActivities deploy;

  /** A cancel ends the watch (between or during its checks); the deployed version stays. */
  private final RunCancellation cancellation;

  DegradationWatch(DeployActivities deploy, RunCancellation cancellation) {
    this.deploy = deploy;
    this.cancellation = cancellation;
  }

  static String metric(Task task) {
    return task == Task.CLASSIFICATION ? "accuracy" : "rmse";
  }

  Result run(PipelineSpec spec, ModelVersion deployed, Map<String, Double> validated) {
    DeploySpec.Watch w = spec.deploy().watch();
    String metric = metric(spec.task());
    Double base = validated.get(metric);
    double bound = spec.deploy().rollbackOnDegradation();
    var data = w.data() == null ? spec.data() : spec.data().withTrain(w.data());
    int checks = 0;
    String last = "no check";
    for (Duration waited = Duration.ZERO;
        waited.plus(w.every()).compareTo(w.window()) <= 0;
        waited = waited.plus(w.every())) {
      LiveScore live =
          cancellation.interruptible(
              () -> {
                Workflow.sleep(w.every());
                return deploy.scoreLive(new LiveScoreRequest(deployed, spec.task(), data, metric));
              });
      checks++;
      last = String.format(Locale.ROOT, "%s %.4g on %d rows", metric, live.value(), live.rows());
      if (base != null && worse(metric, live.value(), base, bound)) {
        String why =
            String.format(
                Locale.ROOT,
                "%s %.4g on %d newly labelled rows vs %.4g at validation, more than %.0f%% worse",
                metric,
                live.value(),
                live.rows(),
                base,
                100 * bound);
        return new Result(true, why, checks, last);
      }
    }
    return new Result(false, null, checks, last);
  }

  private static boolean worse(String metric, double live, double base, double bound) {
    if (Double.isNaN(live)) return false;
    return MetricDirection.higherIsBetter(metric)
        ? live < base * (1 - bound)
        : live > base * (1 + bound);
  }
}
