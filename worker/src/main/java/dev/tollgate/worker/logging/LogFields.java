package dev.tollgate.worker.logging;

import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.MDC;

/**
 * The MDC fields Tollgate adds to Temporal's own ({@code WorkflowId}, {@code RunId}, {@code
 * ActivityType}, ...): the model a line is about and the pipeline stage an activity belongs to.
 * Pure functions of the workflow id, the activity type and the arguments, so the workflow side can
 * use them too (no I/O, nothing that differs on replay).
 */
public final class LogFields {
  public static final String MODEL = "model";
  public static final String STAGE = "stage";

  /**
   * Activity type (the method name, capitalised, as Temporal names it) to pipeline stage. The
   * registry's bookkeeping is filed under the stage that calls it; what is not here is logged under
   * its type in lower case ({@code Archive} → {@code archive}).
   */
  private static final Map<String, String> STAGES =
      Map.ofEntries(
          Map.entry("Trial", "search"),
          Map.entry("Train", "train"),
          Map.entry("RegisterCandidate", "train"),
          Map.entry("RegisterCandidateAndReadProduction", "train"),
          Map.entry("Validate", "validate"),
          Map.entry("CurrentProduction", "validate"),
          Map.entry("Deploy", "deploy"),
          Map.entry("DeployCanary", "deploy"),
          Map.entry("SmokeTest", "deploy"),
          Map.entry("DeployAndSmokeTest", "deploy"),
          Map.entry("StageVersion", "deploy"),
          Map.entry("Promote", "deploy"),
          Map.entry("ScoreLive", "watch"),
          Map.entry("Rollback", "rollback"),
          Map.entry("PlanRollback", "rollback"),
          Map.entry("RestoreProduction", "rollback"),
          Map.entry("Publish", "notify"),
          Map.entry("Inspect", "drift-check"));

  /** Ids that carry the model: {@code pipeline/<model>/<run>}, {@code guardian/<model>}, ... */
  private static final String[] MODEL_PREFIXES = {"pipeline/", "guardian/", "rollback/"};

  private LogFields() {}

  public static String stageOf(String activityType) {
    String stage = STAGES.get(activityType);
    return stage != null ? stage : activityType.toLowerCase(Locale.ROOT);
  }

  /**
   * The model of a workflow id, else of the arguments: {@code registry/<uuid>} ids (the CLI's
   * {@code models} commands) name no model, but their requests do, as a record component {@code
   * model} or as a lone string argument. {@code null} when neither says.
   */
  public static String modelOf(String workflowId, Object[] arguments) {
    String fromId = modelOf(workflowId);
    if (fromId != null) return fromId;
    if (arguments == null || arguments.length == 0) return null;
    if (arguments.length == 1 && arguments[0] instanceof String s) return s;
    return arguments[0] == null ? null : modelComponent(arguments[0]);
  }

  /** The activity types mapped to a stage (a test checks they still exist). */
  static Set<String> mappedActivityTypes() {
    return STAGES.keySet();
  }

  static String modelOf(String workflowId) {
    if (workflowId == null) return null;
    for (String prefix : MODEL_PREFIXES) {
      if (workflowId.startsWith(prefix)) {
        int end = workflowId.indexOf('/', prefix.length());
        String model = workflowId.substring(prefix.length(), end < 0 ? workflowId.length() : end);
        return model.isEmpty() ? null : model;
      }
    }
    return null;
  }

  private static String modelComponent(Object argument) {
    RecordComponent[] components = argument.getClass().getRecordComponents();
    if (components == null) return null;
    for (RecordComponent c : components) {
      if (c.getName().equals(MODEL) && c.getType() == String.class) {
        try {
          return (String) c.getAccessor().invoke(argument);
        } catch (ReflectiveOperationException | RuntimeException e) {
          return null; // a record we cannot read: the line goes without a model, not the stage
        }
      }
    }
    return null;
  }

  /**
   * Puts {@code key} for a block and puts back what was there before: callback and activity threads
   * are pooled, and a signal handler may run on a thread that already has a model.
   */
  public static Scope put(String key, String value) {
    String previous = MDC.get(key);
    if (value == null) MDC.remove(key);
    else MDC.put(key, value);
    return () -> {
      if (previous == null) MDC.remove(key);
      else MDC.put(key, previous);
    };
  }

  /** An MDC change undone on close; closing throws nothing. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
