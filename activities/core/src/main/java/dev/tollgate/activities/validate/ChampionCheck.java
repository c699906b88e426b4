package dev.tollgate.activities.validate;

import dev.tollgate.activities.tracking.TrackingSession;
import dev.tollgate.spec.MetricDirection;
import dev.tollgate.spec.TrackingSpec;
import dev.tollgate.stages.CheckResult;
import java.util.List;
import java.util.Map;

/**
 * {@code tracking.mlflow.beat_champion}: the candidate against the metrics logged on the MLflow run
 * of the version holding MLflow's {@code champion} alias, by the rule of the baseline check (worse
 * by at most the relative tolerance). Those metrics come from the champion's own holdout, not this
 * one. When MLflow cannot be read, or no version holds the alias yet, the check is skipped:
 * tracking never blocks a run on its own.
 */
final class ChampionCheck {
  private ChampionCheck() {}

  static List<CheckResult> run(
      TrackingSpec.Champion gate, TrackingSession session, Map<String, Double> candidate) {
    String threshold = "≤ " + gate.tolerance() + " worse than MLflow's champion";
    return gate.metrics().stream()
        .map(metric -> check("champion." + metric, metric, threshold, gate, session, candidate))
        .toList();
  }

  private static CheckResult check(
      String name,
      String metric,
      String threshold,
      TrackingSpec.Champion gate,
      TrackingSession session,
      Map<String, Double> candidate) {
    if (session.championWarning() != null) {
      return Checks.skipped(name, threshold, session.championWarning() + "; check skipped");
    }
    TrackingSession.Champion champion = session.champion();
    if (champion == null) {
      return Checks.skipped(
          name, threshold, "no MLflow model version holds the champion alias yet");
    }
    Double b = champion.metrics().get(metric);
    if (b == null) {
      return Checks.skipped(name, threshold, champion.label() + " logged no " + metric);
    }
    Double c = candidate.get(metric);
    if (c == null || c.isNaN()) {
      return Checks.skipped(name, threshold, metric + " is undefined on this holdout");
    }
    double worse = Checks.worsening(MetricDirection.higherIsBetter(metric), c, b);
    return Checks.judged(
        name,
        worse,
        threshold,
        worse <= gate.tolerance(),
        metric
            + " "
            + Checks.fmt(c)
            + " vs "
            + Checks.fmt(b)
            + " logged for "
            + champion.label()
            + ": "
            + (worse > 0 ? Checks.fmt(100 * worse) + "% worse" : "not worse"));
  }
}
