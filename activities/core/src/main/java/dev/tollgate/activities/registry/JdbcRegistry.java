package dev.tollgate.activities.registry;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.RegisterRequest;
import dev.tollgate.stages.RegistryStage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The registry's writes, each one transaction holding the model's row lock ({@code SELECT ... FOR
 * UPDATE} on {@code registered_model}): two promotions of one model, from two workers, run one
 * after the other, never interleaved. Each move first looks for its own audit row (model, version,
 * run, to-stage): found, the move already happened (a retried activity) and nothing is written.
 */
public final class JdbcRegistry {
  /** A unit of work inside the model's transaction. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final RegistryDatabase db;

  public JdbcRegistry(RegistryDatabase db) {
    this.db = db;
  }

  public RegistryDatabase database() {
    return db;
  }

  /** The version {@code request.runId()} registered, registering it first if there is none. */
  public ModelVersion register(RegisterRequest r) {
    return inModel(
        r.model(),
        c -> {
          Optional<ModelVersion> existing = RegistryReads.byRun(c, r.model(), r.runId());
          if (existing.isPresent()) return existing.get();
          int version = RegistryReads.nextVersion(c, r.model());
          // a pull request's candidate says so ("pull_request"): `models show` tells it apart
          insertVersion(c, r, version, RegistryStage.NONE, r.reason(), Instant.now());
          return new ModelVersion(
              r.model(), version, r.runId(), r.artifactUri(), r.modelDigest(), r.metrics());
        });
  }

  /** One version row, as registered (or imported, with its own stage and time). */
  static void insertVersion(
      Connection c, RegisterRequest r, int version, RegistryStage stage, String reason, Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO model_version (model, version, run_id, stage, stage_reason, artifact_uri,"
                + " model_digest, data_sha256, spec_digest, metrics, registered_at, spec_json,"
                + " lineage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, r.model());
      s.setInt(2, version);
      s.setString(3, r.runId());
      s.setString(4, stage.name());
      s.setString(5, reason);
      s.setString(6, r.artifactUri());
      s.setString(7, r.modelDigest());
      s.setString(8, r.dataSha256());
      s.setString(9, r.specDigest());
      s.setString(10, RegistryReads.metricsJson(r.metrics()));
      s.setTimestamp(11, Timestamp.from(at));
      s.setString(12, r.specJson());
      s.setString(13, RegistryReads.lineageJson(r.lineage()));
      s.executeUpdate();
    }
  }

  public Optional<ModelVersion> production(String model) {
    try (Connection c = db.connection()) {
      return RegistryReads.inStage(c, model, RegistryStage.PRODUCTION);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /** One stage move: who asks, for which run, why; and why the version it replaces is archived. */
  public record Move(
      String model,
      int version,
      RegistryStage to,
      String alias,
      String runId,
      String actor,
      String reason,
      String replacedReason) {}

  /**
   * {@code m.version()} to {@code m.to()}: the version holding that stage now (Production, Staging)
   * is archived with {@code replacedReason}, and {@code alias} (may be {@code null}) moves to the
   * version. Returns false when this run had made the move already, or the version is there.
   */
  public boolean move(Move m) {
    return inModel(m.model(), c -> move(c, m));
  }

  static boolean move(Connection c, Move m) throws SQLException {
    String model = m.model();
    int version = m.version();
    if (RegistryReads.moved(c, model, version, m.runId(), m.to())) return false;
    RegistryStage from =
        RegistryReads.stageOf(c, model, version)
            .orElseThrow(() -> noSuchVersion(c, model, version));
    if (from == m.to()) return false;
    if (m.to() == RegistryStage.PRODUCTION || m.to() == RegistryStage.STAGING) {
      Optional<ModelVersion> holder = RegistryReads.inStage(c, model, m.to());
      if (holder.isPresent()) {
        setStage(
            c,
            model,
            holder.get().version(),
            m.to(),
            RegistryStage.ARCHIVED,
            m.runId(),
            m.actor(),
            m.replacedReason());
      }
    }
    setStage(c, model, version, from, m.to(), m.runId(), m.actor(), m.reason());
    if (m.alias() != null) setAlias(c, model, m.alias(), version, m.actor());
    return true;
  }

  /** Points {@code alias} at {@code version} (free names: {@code tollgate models alias}). */
  public void alias(String model, String alias, int version, String actor) {
    inModel(
        model,
        c -> {
          RegistryReads.stageOf(c, model, version)
              .orElseThrow(() -> noSuchVersion(c, model, version));
          setAlias(c, model, alias, version, actor);
          return null;
        });
  }

  private static void setStage(
      Connection c,
      String model,
      int version,
      RegistryStage from,
      RegistryStage to,
      String runId,
      String actor,
      String reason)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE model_version SET stage = ?, stage_reason = ? WHERE model = ? AND version = ?")) {
      s.setString(1, to.name());
      s.setString(2, reason);
      s.setString(3, model);
      s.setInt(4, version);
      s.executeUpdate();
    }
    audit(c, model, version, from, to, runId, actor, reason, Instant.now());
  }

  /** One audit row. */
  static void audit(
      Connection c,
      String model,
      int version,
      RegistryStage from,
      RegistryStage to,
      String runId,
      String actor,
      String reason,
      Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO stage_transition (model, version, from_stage, to_stage, actor, reason,"
                + " run_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, model);
      s.setInt(2, version);
      s.setString(3, from.name());
      s.setString(4, to.name());
      s.setString(5, actor);
      s.setString(6, reason);
      s.setString(7, runId);
      s.setTimestamp(8, Timestamp.from(at));
      s.executeUpdate();
    }
  }

  private static void setAlias(Connection c, String model, String alias, int version, String actor)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM model_alias WHERE model = ? AND alias = ?")) {
      s.setString(1, model);
      s.setString(2, alias);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO model_alias (model, alias, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, model);
      s.setString(2, alias);
      s.setInt(3, version);
      s.setTimestamp(4, Timestamp.from(Instant.now()));
      s.setString(5, actor);
      s.executeUpdate();
    }
  }

  private static RuntimeException noSuchVersion(Connection c, String model, int version) {
    try {
      return Failures.invalidData(
          model
              + " has no version "
              + version
              + " (registered: "
              + RegistryReads.versions(c, model)
              + ")");
    } catch (SQLException e) {
      return unavailable(e);
    }
  }

  /** Runs {@code work} in one transaction holding the model's row lock; commits, or rolls back. */
  <T> T inModel(String model, Work<T> work) {
    ensureModel(model);
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock =
            c.prepareStatement("SELECT name FROM registered_model WHERE name = ? FOR UPDATE")) {
          lock.setString(1, model);
          try (ResultSet ignored = lock.executeQuery()) {
            // the lock is held until commit
          }
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /** The model's lock row, made once; a concurrent maker's unique violation is that same row. */
  private void ensureModel(String model) {
    try (Connection c = db.connection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO registered_model (name, created_at) SELECT ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM registered_model WHERE name = ?)")) {
      s.setString(1, model);
      s.setTimestamp(2, Timestamp.from(Instant.now()));
      s.setString(3, model);
      s.executeUpdate();
    } catch (SQLException e) {
      if (!RegistryDatabase.isDuplicateKey(e)) throw unavailable(e);
    }
  }

  /** A database error: retryable (Temporal retries the activity), with the cause named. */
  static RuntimeException unavailable(SQLException e) {
    return new IllegalStateException("registry database: " + e.getMessage(), e);
  }
}
