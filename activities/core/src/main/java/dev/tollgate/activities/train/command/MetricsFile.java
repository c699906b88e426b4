package dev.tollgate.activities.train.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the command's optional {@code metrics.json}: one flat JSON object of finite numbers, such
 * as {@code {"auc": 0.91, "log_loss": 0.31}}. Anything else is refused with what was wrong and
 * where, without echoing the file's values.
 */
final class MetricsFile {
  static final int MAX_BYTES = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private MetricsFile() {}

  /** Thrown with a message ready for the run's failure. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  /** The metrics, in the file's order; empty when there is no file. */
  static Map<String, Double> read(Path file) throws Invalid {
    Map<String, Double> metrics = new LinkedHashMap<>();
    if (!Files.exists(file)) return metrics;
    JsonNode root;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new Invalid("TOLLGATE_OUTPUT_DIR/metrics.json is larger than 1 MB");
      }
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new Invalid("TOLLGATE_OUTPUT_DIR/metrics.json is not JSON (" + where(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw new Invalid(
          "TOLLGATE_OUTPUT_DIR/metrics.json must be one flat JSON object of numbers such as"
              + " {\"auc\": 0.91}, got "
              + (root == null
                  ? "nothing"
                  : root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
        throw new Invalid(
            "TOLLGATE_OUTPUT_DIR/metrics.json: '"
                + e.getKey()
                + "' must be a finite number, got a "
                + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + " (the file must be flat: {\"name\": number, ...})");
      }
      metrics.put(e.getKey(), v.asDouble());
    }
    return metrics;
  }

  private static String where(IOException e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
        && j.getLocation() != null) {
      return "line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
    }
    return "unreadable";
  }
}
