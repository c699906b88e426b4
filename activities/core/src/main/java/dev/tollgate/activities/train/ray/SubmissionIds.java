package dev.tollgate.activities.train.ray;

import dev.tollgate.activities.artifacts.Digests;
import java.nio.charset.StandardCharsets;

/**
 * A Ray job's submission id: {@code tollgate-<model>-<runId>-<attempt>}, of {@code [A-Za-z0-9_-]}
 * only (anything else becomes {@code _}) and at most {@value #MAX} characters (a longer one keeps
 * its start and end and a hash of the whole in the middle, so two long ids stay apart). The attempt
 * is the one that submitted: a retried attempt that follows its predecessor's job keeps that id.
 */
public final class SubmissionIds {
  public static final int MAX = 100;

  private SubmissionIds() {}

  public static String of(String model, String runId, int attempt) {
    String raw = "tollgate-" + model + "-" + runId + "-" + attempt;
    String clean = raw.replaceAll("[^A-Za-z0-9_-]", "_");
    if (clean.length() <= MAX) return clean;
    String hash = Digests.sha256(raw.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    String tail = "-" + attempt;
    int head = MAX - hash.length() - 2 - tail.length();
    return clean.substring(0, head) + "-" + hash + "-" + tail.substring(1);
  }
}
