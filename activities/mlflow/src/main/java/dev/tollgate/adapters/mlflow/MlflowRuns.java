package dev.tollgate.adapters.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Experiments and runs: finds or creates the experiment, finds the run tagged with a Tollgate run
 * id before creating one (so a retried activity logs into the same run), logs params, metrics and
 * tags in batches, uploads artifacts and closes the run. Metrics are stamped with the run's start
 * time, so logging the same values again adds no second point.
 */
final class MlflowRuns {
  /** The tag that ties an MLflow run to the Tollgate run that logged it. */
  static final String RUN_TAG = "tollgate.run_id";

  /** The Tollgate model whose run it is. */
  static final String MODEL_TAG = "tollgate.model";

  private static final String PROXY_SCHEME = "mlflow-artifacts:/";
  private static final int PARAM_LIMIT = 6000;
  private static final int BATCH = 100;

  /** One MLflow run: its id, start time (ms) and artifact root. */
  record Run(String id, long startTime, String artifactUri) {}

  private final MlflowClient client;

  MlflowRuns(MlflowClient client) {
    this.client = client;
  }

  String experimentId(String name) {
    try {
      return byName(name);
    } catch (MlflowException e) {
      if (!e.notFound()) throw e;
    }
    try {
      return client.post("experiments/create", Map.of("name", name)).path("experiment_id").asText();
    } catch (MlflowException e) {
      if (!e.is("RESOURCE_ALREADY_EXISTS")) throw e;
      return byName(name); // created meanwhile by another run
    }
  }

  private String byName(String name) {
    return client
        .get("experiments/get-by-name", Map.of("experiment_name", name))
        .path("experiment")
        .path("experiment_id")
        .asText();
  }

  /**
   * The run of {@code model} tagged with {@code tollgateRunId} in the experiment, created when
   * there is none. Both tags, as run ids are unique per model only and models may share an
   * experiment.
   */
  Run findOrCreate(String experimentId, String model, String tollgateRunId, String runName) {
    JsonNode found =
        client.post(
            "runs/search",
            Map.of(
                "experiment_ids",
                List.of(experimentId),
                "filter",
                "tags.`"
                    + RUN_TAG
                    + "` = '"
                    + tollgateRunId
                    + "' and tags.`"
                    + MODEL_TAG
                    + "` = '"
                    + model
                    + "'",
                "max_results",
                1));
    JsonNode runs = found.path("runs");
    if (runs.size() > 0) return run(runs.get(0));
    JsonNode created =
        client.post(
            "runs/create",
            Map.of(
                "experiment_id",
                experimentId,
                "run_name",
                runName,
                "start_time",
                System.currentTimeMillis(),
                "tags",
                List.of(
                    Map.of("key", RUN_TAG, "value", tollgateRunId),
                    Map.of("key", MODEL_TAG, "value", model))));
    return run(created.path("run"));
  }

  private static Run run(JsonNode run) {
    JsonNode info = run.path("info");
    return new Run(
        info.path("run_id").asText(),
        info.path("start_time").asLong(),
        info.path("artifact_uri").asText());
  }

  void log(
      Run run, Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags) {
    List<Map<String, Object>> p = new ArrayList<>();
    params.forEach((k, v) -> p.add(Map.of("key", k, "value", clip(v))));
    List<Map<String, Object>> m = new ArrayList<>();
    metrics.forEach(
        (k, v) -> m.add(Map.of("key", k, "value", v, "timestamp", run.startTime(), "step", 0)));
    List<Map<String, Object>> t = new ArrayList<>();
    tags.forEach((k, v) -> t.add(Map.of("key", k, "value", clip(v))));
    for (int i = 0; i < Math.max(1, Math.max(p.size(), Math.max(m.size(), t.size()))); i += BATCH) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("run_id", run.id());
      body.put("params", slice(p, i));
      body.put("metrics", slice(m, i));
      body.put("tags", slice(t, i));
      client.post("runs/log-batch", body);
    }
  }

  /** Uploads {@code bytes} as {@code path} under the run's artifact root. */
  void upload(Run run, String path, byte[] bytes) {
    if (!run.artifactUri().startsWith(PROXY_SCHEME)) {
      throw new MlflowException(
          0,
          null,
          "the run's artifacts go to "
              + run.artifactUri()
              + ", which MLflow's REST API cannot write; start the server with --serve-artifacts");
    }
    client.put(run.artifactUri().substring(PROXY_SCHEME.length()) + "/" + path, bytes);
  }

  void finish(Run run) {
    client.post(
        "runs/update",
        Map.of("run_id", run.id(), "status", "FINISHED", "end_time", System.currentTimeMillis()));
  }

  /** A run's latest metrics by name. */
  Map<String, Double> metrics(String runId) {
    Map<String, Double> out = new LinkedHashMap<>();
    client
        .get("runs/get", Map.of("run_id", runId))
        .path("run")
        .path("data")
        .path("metrics")
        .forEach(m -> out.put(m.path("key").asText(), m.path("value").asDouble()));
    return out;
  }

  private static <T> List<T> slice(List<T> all, int from) {
    return from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + BATCH));
  }

  private static String clip(String v) {
    return v.length() <= PARAM_LIMIT ? v : v.substring(0, PARAM_LIMIT - 1) + "…";
  }
}
