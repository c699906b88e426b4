package dev.tollgate.adapters.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * MLflow's model registry: a registered model per Tollgate model, one model version per Tollgate
 * version (tagged {@value #VERSION_TAG}, found by that tag before one is created, so retries
 * register once), and aliases, not the deprecated stages.
 */
final class MlflowModels {
  /** The tag that ties an MLflow model version to the Tollgate registry version it mirrors. */
  static final String VERSION_TAG = "tollgate.version";

  /** The MLflow model version behind an alias, with the run that logged it. */
  record Aliased(String version, String runId, String tollgateVersion) {}

  private final MlflowClient client;

  MlflowModels(MlflowClient client) {
    this.client = client;
  }

  /** The MLflow version mirroring Tollgate's {@code version}, registered when missing. */
  String register(String name, int version, MlflowRuns.Run run, String tollgateRunId) {
    try {
      client.post("registered-models/create", Map.of("name", name));
    } catch (MlflowException e) {
      if (!e.is("RESOURCE_ALREADY_EXISTS")) throw e;
    }
    String existing = versionOf(name, version);
    if (existing != null) return existing;
    return client
        .post(
            "model-versions/create",
            Map.of(
                "name",
                name,
                "source",
                run.artifactUri() + "/model",
                "run_id",
                run.id(),
                "tags",
                List.of(
                    Map.of("key", VERSION_TAG, "value", Integer.toString(version)),
                    Map.of("key", MlflowRuns.RUN_TAG, "value", tollgateRunId)),
                "description",
                "Tollgate " + name + " v" + version + ", run " + tollgateRunId))
        .path("model_version")
        .path("version")
        .asText();
  }

  /** The MLflow version tagged with Tollgate's {@code version}, or {@code null}. */
  String versionOf(String name, int version) {
    JsonNode found =
        client
            .get(
                "model-versions/search",
                Map.of(
                    "filter",
                    "name = '"
                        + name.replace("'", "\\'")
                        + "' and tags.`"
                        + VERSION_TAG
                        + "` = '"
                        + version
                        + "'"))
            .path("model_versions");
    return found.size() == 0 ? null : found.get(0).path("version").asText();
  }

  void setAlias(String name, String alias, String mlflowVersion) {
    client.post(
        "registered-models/alias", Map.of("name", name, "alias", alias, "version", mlflowVersion));
  }

  /**
   * The version {@code alias} points at, or {@code null} when the alias or model does not exist.
   */
  Aliased alias(String name, String alias) {
    JsonNode v;
    try {
      v = client.get("registered-models/alias", Map.of("name", name, "alias", alias));
    } catch (MlflowException e) {
      // No registered model: RESOURCE_DOES_NOT_EXIST; a model without the alias (MLflow 3.17):
      // INVALID_PARAMETER_VALUE "Registered model alias champion not found."
      if (e.notFound() || (e.is("INVALID_PARAMETER_VALUE") && e.getMessage().contains("not found")))
        return null;
      throw e;
    }
    JsonNode mv = v.path("model_version");
    String tollgate = null;
    for (JsonNode tag : mv.path("tags")) {
      if (tag.path("key").asText().equals(VERSION_TAG)) tollgate = tag.path("value").asText();
    }
    return new Aliased(mv.path("version").asText(), mv.path("run_id").asText(null), tollgate);
  }
}
