package dev.tollgate.activities.registry;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.tracking.RunTracker;
import dev.tollgate.stages.AliasRequest;
import dev.tollgate.stages.ArchiveRequest;
import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.PromoteRequest;
import dev.tollgate.stages.RegisterRequest;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.RegistryStage;
import dev.tollgate.stages.RollbackPlan;
import dev.tollgate.stages.RollbackRequest;
import dev.tollgate.stages.StageRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry stage over {@link JdbcRegistry}. Every call is idempotent, because Temporal may
 * deliver an activity more than once: a run registers one version however often it asks, and a move
 * already made by the same run changes nothing and writes no second audit row.
 */
public final class RegistryActivitiesImpl implements RegistryActivities {
  /** The alias that follows Production. */
  public static final String CHAMPION = "champion";

  private static final Logger log = LoggerFactory.getLogger(RegistryActivitiesImpl.class);

  private final JdbcRegistry registry;
  private final ChampionTracking tracking;

  public RegistryActivitiesImpl(JdbcRegistry registry) {
    this(registry, null);
  }

  /**
   * @param tracker moves MLflow's {@code champion} alias with Production, for models whose spec has
   *     {@code tracking.mlflow}; {@code null}: not tracked
   */
  public RegistryActivitiesImpl(JdbcRegistry registry, RunTracker tracker) {
    this.registry = registry;
    this.tracking = new ChampionTracking(registry, tracker);
  }

  @Override
  public ModelVersion registerCandidate(RegisterRequest request) {
    ModelVersion v = registry.register(request);
    log.info("registered model={} version={} run={}", v.model(), v.version(), v.runId());
    return v;
  }

  @Override
  public ModelVersion currentProduction(String model) {
    return registry.production(model).orElse(null);
  }

  @Override
  public void promote(PromoteRequest r) {
    boolean moved =
        registry.move(
            new JdbcRegistry.Move(
                r.model(),
                r.version(),
                RegistryStage.PRODUCTION,
                CHAMPION,
                r.runId(),
                r.approvedBy(),
                "approved by " + r.approvedBy(),
                "replaced by v" + r.version()));
    if (moved)
      log.info("promoted model={} version={} by={}", r.model(), r.version(), r.approvedBy());
    // Also on a retry that finds the move made: the alias may be what the first attempt missed.
    tracking.moved(r.model(), r.version());
  }

  /** The alias that follows Staging. */
  public static final String CHALLENGER = "challenger";

  @Override
  public void stageVersion(StageRequest r) {
    registry.move(
        new JdbcRegistry.Move(
            r.model(),
            r.version(),
            RegistryStage.STAGING,
            CHALLENGER,
            r.runId(),
            "pipeline",
            "passed its smoke test in " + r.environment(),
            "replaced in " + r.environment() + " by v" + r.version()));
  }

  @Override
  public void archive(ArchiveRequest r) {
    registry.move(
        new JdbcRegistry.Move(
            r.model(),
            r.version(),
            RegistryStage.ARCHIVED,
            null,
            r.runId(),
            r.by(),
            r.reason(),
            null));
    log.info("archived model={} version={} reason={}", r.model(), r.version(), r.reason());
  }

  @Override
  public RollbackPlan planRollback(RollbackRequest r) {
    try (Connection c = registry.database().connection()) {
      return plan(c, r);
    } catch (SQLException e) {
      throw JdbcRegistry.unavailable(e);
    }
  }

  @Override
  public void restoreProduction(RollbackRequest r) {
    registry.inModel(
        r.model(),
        c -> {
          // A retried rollback: this run already moved Production; planning again would pick the
          // version it just left.
          if (RegistryReads.movedBy(c, r.model(), r.runId(), RegistryStage.PRODUCTION))
            return false;
          RollbackPlan plan = plan(c, r);
          return JdbcRegistry.move(
              c,
              new JdbcRegistry.Move(
                  r.model(),
                  plan.target().version(),
                  RegistryStage.PRODUCTION,
                  CHAMPION,
                  r.runId(),
                  r.by(),
                  "rolled back to by " + r.by() + ": " + r.reason(),
                  "rolled back: " + r.reason()));
        });
    log.info("rolled back model={} to={} by={}", r.model(), r.toVersion(), r.by());
    tracking.movedToProduction(r.model());
  }

  @Override
  public void setAlias(AliasRequest r) {
    if (r.alias().equals(CHAMPION)) {
      throw Failures.invalidData(
          "champion follows Production: promote or roll back to move it, not alias");
    }
    if (!dev.tollgate.spec.PipelineSpec.MODEL_NAME.matcher(r.alias()).matches()) {
      throw Failures.invalidData(
          "alias '" + r.alias() + "': expected lower-case letters, digits, '.', '_' or '-'");
    }
    registry.alias(r.model(), r.alias(), r.version(), r.by());
    log.info("alias model={} {} -> v{} by={}", r.model(), r.alias(), r.version(), r.by());
  }

  @Override
  public ModelRecord describeModel(String model) {
    try (Connection c = registry.database().connection()) {
      List<String> models = RegistryReads.models(c);
      if (!models.contains(model)) {
        throw Failures.invalidData(
            "no model " + model + " in the registry (models: " + models + ")");
      }
      return RegistryReads.describe(c, model, true);
    } catch (SQLException e) {
      throw JdbcRegistry.unavailable(e);
    }
  }

  @Override
  public List<ModelRecord> listModels() {
    try (Connection c = registry.database().connection()) {
      List<ModelRecord> out = new ArrayList<>();
      for (String model : RegistryReads.models(c)) out.add(RegistryReads.describe(c, model, false));
      return out;
    } catch (SQLException e) {
      throw JdbcRegistry.unavailable(e);
    }
  }

  /** The current Production version and the target, or a refusal naming why. */
  private static RollbackPlan plan(Connection c, RollbackRequest r) throws SQLException {
    String model = r.model();
    ModelVersion current =
        RegistryReads.inStage(c, model, RegistryStage.PRODUCTION)
            .orElseThrow(
                () -> Failures.invalidData(model + " has no Production version to roll back"));
    Integer to = r.toVersion();
    if (to == null) {
      to =
          RegistryReads.previousProduction(c, model, current.version())
              .orElseThrow(
                  () ->
                      Failures.invalidData(
                          model
                              + " v"
                              + current.version()
                              + " is the only version that was ever in Production: nothing to roll back to"));
    }
    int target = to;
    var found = RegistryReads.version(c, model, target);
    if (found.isEmpty()) {
      throw Failures.invalidData(
          "--to "
              + target
              + ": "
              + model
              + " has no version "
              + target
              + " (registered: "
              + RegistryReads.versions(c, model)
              + ")");
    }
    var version = found.get();
    if (target == current.version()) {
      throw Failures.invalidData(
          "--to " + target + ": " + model + " v" + target + " is in Production already");
    }
    if (!RegistryReads.everServed(c, model, target)) {
      throw Failures.invalidData(
          "--to "
              + target
              + ": "
              + model
              + " v"
              + target
              + " never passed validation and a smoke test (it was never in Production or Staging"
              + (version.stageReason() == null ? "" : "; " + version.stageReason())
              + "): refused");
    }
    return new RollbackPlan(
        current,
        RegistryReads.toModelVersion(model, version),
        RegistryReads.specJson(c, model, target));
  }
}
