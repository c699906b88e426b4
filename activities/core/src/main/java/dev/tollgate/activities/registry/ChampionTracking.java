package dev.tollgate.activities.registry;

import dev.tollgate.activities.tracking.RunTracker;
import dev.tollgate.pipeline.SpecJson;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.TrackingSpec;
import java.sql.Connection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's side of the MLflow bridge: after Production moved (promotion, rollback), MLflow's
 * {@code champion} alias follows it. The MLflow server comes from the spec the registry keeps with
 * each version: the new champion's own, else the newest version's (a rollback to a version from
 * before tracking was set up). Never throws: MLflow out of reach is a warning, and the move in
 * Tollgate's registry stands.
 */
final class ChampionTracking {
  private static final Logger log = LoggerFactory.getLogger(ChampionTracking.class);

  private final JdbcRegistry registry;
  private final RunTracker tracker;

  /**
   * @param tracker {@code null}: nothing is tracked
   */
  ChampionTracking(JdbcRegistry registry, RunTracker tracker) {
    this.registry = registry;
    this.tracker = tracker;
  }

  /**
   * Points MLflow's champion at {@code version}, when a spec of the model names an MLflow server.
   */
  void moved(String model, int version) {
    if (tracker == null) return;
    TrackingSpec.Mlflow m;
    try {
      m = server(model, version);
    } catch (Exception e) {
      log.warn(
          "tracking model={}: the spec of v{} could not be read: {}", model, version, e.toString());
      return;
    }
    if (m == null) return;
    String warning = tracker.moveChampion(m, model, version);
    if (warning == null) {
      log.info("tracking model={} MLflow champion -> v{} at {}", model, version, m.uri());
    }
  }

  /** As {@link #moved}, for the version now in Production (after a rollback). */
  void movedToProduction(String model) {
    if (tracker == null) return;
    int version;
    try {
      var production = registry.production(model);
      if (production.isEmpty()) return;
      version = production.get().version();
    } catch (RuntimeException e) {
      log.warn("tracking model={}: Production could not be read: {}", model, e.toString());
      return;
    }
    moved(model, version);
  }

  private TrackingSpec.Mlflow server(String model, int version) throws Exception {
    try (Connection c = registry.database().connection()) {
      TrackingSpec.Mlflow own = mlflow(RegistryReads.specJson(c, model, version));
      if (own != null) return own;
      List<Integer> versions = RegistryReads.versions(c, model);
      return versions.isEmpty()
          ? null
          : mlflow(RegistryReads.specJson(c, model, versions.stream().max(Integer::compare).get()));
    }
  }

  private static TrackingSpec.Mlflow mlflow(String specJson) {
    if (specJson == null) return null;
    PipelineSpec spec = SpecJson.read(specJson);
    return spec.tracking() == null ? null : spec.tracking().mlflow();
  }
}
