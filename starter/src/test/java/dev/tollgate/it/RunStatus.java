package dev.tollgate.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code tollgate status} printed, by label: {@code stage}, {@code outcome}, {@code waiting} …
 * (one " label value" line each).
 */
record RunStatus(ProcResult result, Map<String, String> lines) {

  static RunStatus of(ProcResult result) {
    Map<String, String> lines = new LinkedHashMap<>();
    for (String line : result.out().lines().toList()) {
      if (!line.startsWith("  ") || line.startsWith("   ")) continue;
      String[] parts = line.strip().split("\\s+", 2);
      if (parts.length == 2) lines.putIfAbsent(parts[0], parts[1]);
    }
    return new RunStatus(result, Map.copyOf(lines));
  }

  /** TRAINING, AWAITING_APPROVAL …, or "finished"; empty when the command failed. */
  String stage() {
    return lines.getOrDefault("stage", "");
  }

  /** The outcome line, e.g. "DEPLOYED it-deploy v1 (rmse 26.1, r2 0.95)"; empty while running. */
  String outcome() {
    return lines.getOrDefault("outcome", "");
  }

  boolean finished() {
    return result.exitCode() == 0 && "finished".equals(stage());
  }

  @Override
  public String toString() {
    return result.toString();
  }
}
