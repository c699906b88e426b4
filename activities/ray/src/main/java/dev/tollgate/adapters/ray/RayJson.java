package dev.tollgate.adapters.ray;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.activities.outbound.ErrorText;
import dev.tollgate.activities.train.ray.RayJobs.Job;
import dev.tollgate.activities.train.ray.RayJobs.Node;
import dev.tollgate.activities.train.ray.RayJobs.Status;
import dev.tollgate.activities.train.ray.RayJobs.Submission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Jobs API's JSON, both ways, in the shapes Ray 2.60 sends (docs/wip/i26-ray-facts.md). A body
 * that is not the expected shape is empty here and the caller says so; nothing of it is quoted.
 */
final class RayJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RayJson() {}

  static Optional<JsonNode> read(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** {@code POST /api/jobs/}'s body: only what is set, so Ray's own defaults apply to the rest. */
  static byte[] submission(Submission s) {
    ObjectNode body = JSON.createObjectNode();
    body.put("entrypoint", s.entrypoint());
    body.put("submission_id", s.submissionId());
    ObjectNode env = JSON.createObjectNode();
    if (s.workingDir() != null) env.put("working_dir", s.workingDir());
    if (!s.pip().isEmpty()) s.pip().forEach(env.putArray("pip")::add);
    if (!s.envVars().isEmpty()) s.envVars().forEach(env.putObject("env_vars")::put);
    if (!env.isEmpty()) body.set("runtime_env", env);
    if (s.numCpus() != null) body.put("entrypoint_num_cpus", s.numCpus());
    if (s.numGpus() != null) body.put("entrypoint_num_gpus", s.numGpus());
    if (!s.resources().isEmpty())
      s.resources().forEach(body.putObject("entrypoint_resources")::put);
    if (!s.metadata().isEmpty()) s.metadata().forEach(body.putObject("metadata")::put);
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a Ray submission", e);
    }
  }

  /** {@code GET /api/jobs/{id}}; empty when there is no known {@code status}. */
  static Optional<Job> job(JsonNode node, String submissionId) {
    String status = text(node, "status");
    if (status == null) return Optional.empty();
    Status parsed;
    try {
      parsed = Status.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
    JsonNode exit = node.path("driver_exit_code");
    return Optional.of(
        new Job(
            Optional.ofNullable(text(node, "submission_id")).orElse(submissionId),
            parsed,
            text(node, "message"),
            text(node, "error_type"),
            exit.isIntegralNumber() ? exit.intValue() : null));
  }

  /** {@code GET /api/v0/nodes}: {@code data.result.result[]}; empty when not that shape. */
  static Optional<List<Node>> nodes(JsonNode node) {
    JsonNode list = node.path("data").path("result").path("result");
    if (!list.isArray()) return Optional.empty();
    List<Node> nodes = new ArrayList<>();
    for (JsonNode n : list) {
      Map<String, Double> resources = new LinkedHashMap<>();
      n.path("resources_total")
          .properties()
          .forEach(
              e -> {
                if (e.getValue().isNumber()) resources.put(e.getKey(), e.getValue().doubleValue());
              });
      nodes.add(
          new Node(text(n, "node_id"), "ALIVE".equals(text(n, "state")), Map.copyOf(resources)));
    }
    return Optional.of(List.copyOf(nodes));
  }

  /** The state API's {@code msg} when it says {@code result: false}, sanitised. */
  static String failureMessage(JsonNode node) {
    return ErrorText.excerpt(RayReason.of(node.path("msg").asText("")), RayReason.LIMIT);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asText();
  }
}
