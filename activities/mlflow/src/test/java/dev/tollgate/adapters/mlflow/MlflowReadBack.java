package dev.tollgate.adapters.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tests read back from the real server, through MLflow's REST API: the run a Tollgate run
 * logged, its artifacts, the model versions of {@code demo-model} and its {@code champion} alias.
 */
final class MlflowReadBack {
  private final MlflowServer mlflow;

  MlflowReadBack(MlflowServer mlflow) {
    this.mlflow = mlflow;
  }

  String experimentId(String name) throws Exception {
    return mlflow
        .get("experiments/get-by-name", Map.of("experiment_name", name))
        .path("experiment")
        .path("experiment_id")
        .asText();
  }

  /** The one run of the experiment tagged with the Tollgate run id (asserted to be one). */
  JsonNode onlyRun(String experiment, String runId) throws Exception {
    JsonNode runs =
        mlflow
            .post(
                "runs/search",
                Map.of(
                    "experiment_ids",
                    List.of(experiment),
                    "filter",
                    "tags.`tollgate.run_id` = '" + runId + "'"))
            .path("runs");
    assertThat(runs).as("MLflow runs tagged " + runId).hasSize(1);
    return runs.get(0);
  }

  static Map<String, String> pairs(JsonNode list) {
    Map<String, String> out = new HashMap<>();
    list.forEach(p -> out.put(p.path("key").asText(), p.path("value").asText()));
    return out;
  }

  static Map<String, Double> metrics(JsonNode run) {
    Map<String, Double> out = new HashMap<>();
    run.path("data")
        .path("metrics")
        .forEach(m -> out.put(m.path("key").asText(), m.path("value").asDouble()));
    return out;
  }

  List<String> artifactPaths(String runId, String path) throws Exception {
    List<String> out = new ArrayList<>();
    mlflow
        .get("artifacts/list", Map.of("run_id", runId, "path", path))
        .path("files")
        .forEach(f -> out.add(f.path("path").asText()));
    return out;
  }

  JsonNode modelVersion(int tollgateVersion) throws Exception {
    JsonNode found =
        mlflow
            .get(
                "model-versions/search",
                Map.of(
                    "filter",
                    "name = 'demo-model' and tags.`tollgate.version` = '" + tollgateVersion + "'"))
            .path("model_versions");
    assertThat(found).as("MLflow versions of Tollgate v" + tollgateVersion).hasSize(1);
    return found.get(0);
  }

  JsonNode versions() throws Exception {
    return mlflow
        .get("model-versions/search", Map.of("filter", "name = 'demo-model'"))
        .path("model_versions");
  }

  String champion() throws Exception {
    return mlflow
        .get("registered-models/alias", Map.of("name", "demo-model", "alias", "champion"))
        .path("model_version")
        .path("version")
        .asText();
  }
}
