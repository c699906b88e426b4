package dev.tollgate.pipeline;

/** Workflow IDs, one place: {@code pipeline/<model>/<run-id>}, {@code guardian/<model>}. */
public final class WorkflowIds {
  public static final String PIPELINE_PREFIX = "pipeline/";
  public static final String GUARDIAN_PREFIX = "guardian/";
  public static final String ROLLBACK_PREFIX = "rollback/";

  private WorkflowIds() {}

  public static String pipeline(String model, String runId) {
    return PIPELINE_PREFIX + model + "/" + runId;
  }

  /** The one guardian of a model: {@code guardian/<model>}. */
  public static String guardian(String model) {
    return GUARDIAN_PREFIX + model;
  }

  /** The rollback of a model, one at a time: {@code rollback/<model>}. */
  public static String rollback(String model) {
    return ROLLBACK_PREFIX + model;
  }

  /** Accepts what people type for a run: the full ID, or {@code <model>/<run-id>}. */
  public static String normalize(String run) {
    if (run.startsWith(PIPELINE_PREFIX)) return run;
    if (run.chars().filter(c -> c == '/').count() == 1) return PIPELINE_PREFIX + run;
    throw new IllegalArgumentException(
        "a run is named pipeline/<model>/<run-id> or <model>/<run-id>, got '" + run + "'");
  }
}
