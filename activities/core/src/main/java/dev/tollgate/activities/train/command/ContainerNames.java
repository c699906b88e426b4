package dev.tollgate.activities.train.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training container's name and labels. The name is deterministic from the run and the attempt,
 * so a leftover of the same attempt is found by it and two attempts never clash; the labels let a
 * restarted worker find every container it started ({@link #WORKER}: its runs folder) and a person
 * find a run's ({@code docker ps -a --filter label=dev.tollgate.run=<run id>}).
 */
public final class ContainerNames {
  /** The worker's label: the absolute runs folder of its home, one per worker home. */
  public static final String WORKER = "dev.tollgate.worker";

  public static final String RUN = "dev.tollgate.run";
  public static final String MODEL = "dev.tollgate.model";
  public static final String ATTEMPT = "dev.tollgate.attempt";
  private static final int MAX_NAME = 128;

  private ContainerNames() {}

  /** {@code tollgate-train-<model>-<run>-<attempt>}, in the characters a container name allows. */
  public static String name(String model, String runId, int attempt) {
    String base = "tollgate-train-" + clean(model) + "-" + clean(runId);
    String suffix = "-" + attempt;
    if (base.length() + suffix.length() > MAX_NAME) {
      base = base.substring(0, MAX_NAME - suffix.length());
    }
    return base + suffix;
  }

  static Map<String, String> labels(String worker, String model, String runId, int attempt) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(WORKER, worker);
    labels.put(RUN, runId);
    labels.put(MODEL, model);
    labels.put(ATTEMPT, Integer.toString(attempt));
    return labels;
  }

  private static String clean(String text) {
    return text.replaceAll("[^A-Za-z0-9_.-]", "-");
  }
}
