package dev.tollgate.benchmarks;

import io.temporal.activity.ActivityInterface;
import java.util.Map;

/**
 * The five stages as a plain SDK user would write them: one activity each, small payloads. The
 * method names differ from Tollgate's so both can share one test server without type clashes.
 */
@ActivityInterface
public interface BareStages {
  Map<String, Double> bareTrain(String model);

  boolean bareValidate(String model, Map<String, Double> metrics);

  String bareDeploy(String model, int version);

  void bareNotify(String model, String message);

  /** Answering at once. */
  final class Instant implements BareStages {
    @Override
    public Map<String, Double> bareTrain(String model) {
      return InstantStages.METRICS;
    }

    @Override
    public boolean bareValidate(String model, Map<String, Double> metrics) {
      ValidatedRuns.validated();
      return metrics.get("rmse") <= 75;
    }

    @Override
    public String bareDeploy(String model, int version) {
      return "/serving/" + model;
    }

    @Override
    public void bareNotify(String model, String message) {}
  }
}
