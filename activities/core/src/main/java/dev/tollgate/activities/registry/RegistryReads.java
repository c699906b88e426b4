package dev.tollgate.activities.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tollgate.activities.files.Json;
import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.RegistryStage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The registry's queries, on a connection the caller holds (inside a write, or a plain read). */
final class RegistryReads {
  private static final String VERSION_COLUMNS =
      "version, stage, stage_reason, run_id, artifact_uri, model_digest, data_sha256, spec_digest,"
          + " metrics, registered_at, lineage";

  private RegistryReads() {}

  static Optional<ModelVersion> byRun(Connection c, String model, String runId)
      throws SQLException {
    return one(
            c,
            "SELECT " + VERSION_COLUMNS + " FROM model_version WHERE model = ? AND run_id = ?",
            model,
            runId)
        .map(v -> toModelVersion(model, v));
  }

  static Optional<ModelVersion> inStage(Connection c, String model, RegistryStage stage)
      throws SQLException {
    return one(
            c,
            "SELECT " + VERSION_COLUMNS + " FROM model_version WHERE model = ? AND stage = ?",
            model,
            stage.name())
        .map(v -> toModelVersion(model, v));
  }

  static Optional<ModelRecord.Version> version(Connection c, String model, int version)
      throws SQLException {
    return one(
        c,
        "SELECT " + VERSION_COLUMNS + " FROM model_version WHERE model = ? AND version = ?",
        model,
        version);
  }

  static Optional<RegistryStage> stageOf(Connection c, String model, int version)
      throws SQLException {
    return version(c, model, version).map(ModelRecord.Version::stage);
  }

  static int nextVersion(Connection c, String model) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT MAX(version) FROM model_version WHERE model = ?")) {
      s.setString(1, model);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1) + 1;
      }
    }
  }

  /** Whether {@code runId} already moved {@code version} to {@code to}: a retry. */
  static boolean moved(Connection c, String model, int version, String runId, RegistryStage to)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT 1 FROM stage_transition WHERE model = ? AND version = ? AND run_id = ? AND to_stage = ?")) {
      s.setString(1, model);
      s.setInt(2, version);
      s.setString(3, runId);
      s.setString(4, to.name());
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  /** The spec JSON a version was registered with, or {@code null}. */
  static String specJson(Connection c, String model, int version) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT spec_json FROM model_version WHERE model = ? AND version = ?")) {
      s.setString(1, model);
      s.setInt(2, version);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  /** Whether {@code runId} moved any version of the model to {@code to}. */
  static boolean movedBy(Connection c, String model, String runId, RegistryStage to)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT 1 FROM stage_transition WHERE model = ? AND run_id = ? AND to_stage = ?")) {
      s.setString(1, model);
      s.setString(2, runId);
      s.setString(3, to.name());
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  /** Whether the version was ever Production or Staging: it passed validation and a smoke test. */
  static boolean everServed(Connection c, String model, int version) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT 1 FROM stage_transition WHERE model = ? AND version = ? AND to_stage IN ('PRODUCTION', 'STAGING')")) {
      s.setString(1, model);
      s.setInt(2, version);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  /** The version Production held before the current one, or empty. */
  static Optional<Integer> previousProduction(Connection c, String model, int current)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT version FROM stage_transition WHERE model = ? AND to_stage = 'PRODUCTION'"
                + " AND version <> ? ORDER BY id DESC")) {
      s.setString(1, model);
      s.setInt(2, current);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getInt(1)) : Optional.empty();
      }
    }
  }

  static List<Integer> versions(Connection c, String model) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT version FROM model_version WHERE model = ? ORDER BY version")) {
      s.setString(1, model);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) out.add(r.getInt(1));
      }
    }
    return out;
  }

  static List<String> models(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT name FROM registered_model ORDER BY name");
        ResultSet r = s.executeQuery()) {
      while (r.next()) out.add(r.getString(1));
    }
    return out;
  }

  /** Versions, aliases and (with {@code audit}) the trail of one model. */
  static ModelRecord describe(Connection c, String model, boolean audit) throws SQLException {
    List<ModelRecord.Version> versions = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + VERSION_COLUMNS + " FROM model_version WHERE model = ? ORDER BY version")) {
      s.setString(1, model);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) versions.add(toVersion(r));
      }
    }
    Map<String, Integer> aliases = new TreeMap<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT alias, version FROM model_alias WHERE model = ?")) {
      s.setString(1, model);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) aliases.put(r.getString(1), r.getInt(2));
      }
    }
    List<ModelRecord.Transition> trail = new ArrayList<>();
    if (audit) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT version, from_stage, to_stage, actor, reason, run_id, at FROM stage_transition"
                  + " WHERE model = ? ORDER BY id")) {
        s.setString(1, model);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            trail.add(
                new ModelRecord.Transition(
                    r.getInt(1),
                    RegistryStage.valueOf(r.getString(2)),
                    RegistryStage.valueOf(r.getString(3)),
                    r.getString(4),
                    r.getString(5),
                    r.getString(6),
                    r.getTimestamp(7).toInstant().toString()));
          }
        }
      }
    }
    return new ModelRecord(model, versions, aliases, trail);
  }

  private static Optional<ModelRecord.Version> one(
      Connection c, String sql, String model, Object key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, model);
      s.setObject(2, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(toVersion(r)) : Optional.empty();
      }
    }
  }

  private static ModelRecord.Version toVersion(ResultSet r) throws SQLException {
    return new ModelRecord.Version(
        r.getInt("version"),
        RegistryStage.valueOf(r.getString("stage")),
        r.getString("stage_reason"),
        r.getString("run_id"),
        r.getString("artifact_uri"),
        r.getString("model_digest"),
        r.getString("data_sha256"),
        r.getString("spec_digest"),
        metrics(r.getString("metrics")),
        r.getTimestamp("registered_at").toInstant().toString(),
        lineage(r.getString("lineage")));
  }

  static ModelVersion toModelVersion(String model, ModelRecord.Version v) {
    return new ModelVersion(
        model, v.version(), v.runId(), v.artifactUri(), v.modelDigest(), v.metrics());
  }

  static String metricsJson(Map<String, Double> metrics) {
    try {
      return Json.mapper().writeValueAsString(new TreeMap<>(metrics));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("metrics are plain numbers", e);
    }
  }

  private static Map<String, Double> metrics(String json) {
    try {
      return new LinkedHashMap<>(
          Json.mapper().readValue(json, new TypeReference<Map<String, Double>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("registry row holds bad metrics JSON: " + json, e);
    }
  }

  /** A command's lineage as JSON, {@code null} for a catalogue model (nothing to show). */
  static String lineageJson(Map<String, String> lineage) {
    if (lineage == null || lineage.isEmpty()) return null;
    try {
      return Json.mapper().writeValueAsString(new TreeMap<>(lineage));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("lineage is plain text", e);
    }
  }

  private static Map<String, String> lineage(String json) {
    if (json == null) return Map.of();
    try {
      return new LinkedHashMap<>(
          Json.mapper().readValue(json, new TypeReference<Map<String, String>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("registry row holds bad lineage JSON", e);
    }
  }
}
