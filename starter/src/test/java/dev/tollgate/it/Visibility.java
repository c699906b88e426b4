package dev.tollgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the server itself says about executions, through the Temporal CLI (not Tollgate's). */
final class Visibility {
  private static final Pattern TOTAL = Pattern.compile("Total: (\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Visibility() {}

  /** How many executions match a visibility query, e.g. {@code WorkflowId = 'pipeline/m/r'}. */
  static long count(TemporalDevServer server, String namespace, String query) {
    ProcResult result = server.temporal("workflow", "count", "-n", namespace, "--query", query);
    Matcher total = TOTAL.matcher(result.out());
    if (result.exitCode() != 0 || !total.find()) {
      throw new AssertionError("temporal workflow count failed: " + result);
    }
    return Long.parseLong(total.group(1));
  }

  static long count(TemporalDevServer server, String query) {
    return count(server, SharedStack.NAMESPACE, query);
  }

  /** {@code temporal workflow describe -w ID -o json}: execution info, search attributes, memo. */
  static JsonNode describe(TemporalDevServer server, String namespace, String workflowId) {
    ProcResult result =
        server.temporal("workflow", "describe", "-n", namespace, "-w", workflowId, "-o", "json");
    if (result.exitCode() != 0) throw new AssertionError("temporal workflow describe: " + result);
    try {
      return JSON.readTree(result.out());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + result, e);
    }
  }

  /**
   * The search attributes of a described execution, decoded: {@code describe -o json} prints them
   * as payloads whose data is base64 of JSON (e.g. {@code "it-ui"} or {@code 1}).
   */
  static Map<String, JsonNode> searchAttributes(JsonNode described) {
    Map<String, JsonNode> decoded = new TreeMap<>();
    JsonNode fields =
        described.path("workflowExecutionInfo").path("searchAttributes").path("indexedFields");
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode data = field.getValue().path("data");
      try {
        decoded.put(
            field.getKey(),
            data.isTextual()
                ? JSON.readTree(
                    new String(Base64.getDecoder().decode(data.asText()), StandardCharsets.UTF_8))
                : field.getValue());
      } catch (IOException | IllegalArgumentException e) {
        decoded.put(field.getKey(), field.getValue());
      }
    }
    return decoded;
  }

  /** The execution's memo field {@code name} (the CLI prints memo values decoded). */
  static String memo(JsonNode described, String name) {
    return described.path("workflowExecutionInfo").path("memo").path("fields").path(name).asText();
  }

  static String runId(JsonNode described) {
    return described.path("workflowExecutionInfo").path("execution").path("runId").asText();
  }

  /** The pending activity of {@code type} (e.g. "Train") of a described execution, or missing. */
  static JsonNode pendingActivity(JsonNode described, String type) {
    for (JsonNode activity : described.path("pendingActivities")) {
      if (type.equals(activity.path("activityType").path("name").asText())) return activity;
    }
    return JSON.missingNode();
  }
}
