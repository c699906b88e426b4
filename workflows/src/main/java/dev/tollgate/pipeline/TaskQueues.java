package dev.tollgate.pipeline;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Task queues. Training has its own so it can be served by large-memory or GPU workers; one worker
 * process serves both by default.
 *
 * <p>People name queues with short names ({@code tollgate worker --queues pipeline,gpu}, a spec's
 * {@code training.task_queue: gpu}); this maps them onto Temporal's: {@code pipeline} is {@link
 * #PIPELINE} (with {@link #TRAINING}, the default training queue), {@code training} is {@link
 * #TRAINING}, any other name {@code N} the training queue {@code tollgate-training-N}. Names are
 * folded to lower case: Temporal's queue names are case-sensitive, and a spec saying {@code GPU} to
 * workers polling {@code gpu} would otherwise wait for a worker that never comes.
 */
public final class TaskQueues {
  public static final String PIPELINE = "tollgate-pipeline";
  public static final String TRAINING = "tollgate-training";

  /** The short name of the pipeline queue (workflows and every stage, default training too). */
  public static final String PIPELINE_NAME = "pipeline";

  /** The short name of the default training queue. */
  public static final String TRAINING_NAME = "training";

  /** What a short queue name may hold. */
  public static final String NAME_RULE =
      "a letter or digit, then up to 99 letters, digits, '.', '_' or '-'";

  /** The rule {@code training.task_queue} is read with too (TrainingCommandKeys). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private static final String TRAINING_PREFIX = TRAINING + "-";

  private TaskQueues() {}

  /**
   * A short queue name checked and folded to lower case.
   *
   * @throws IllegalArgumentException naming the rule, when the name breaks it
   */
  public static String normalize(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "queue name " + shown(name) + " is not " + NAME_RULE + " (e.g. pipeline, gpu)");
    }
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * The Temporal task queue a run's training goes to: {@link #TRAINING} for no name, {@code
   * training} or {@code pipeline}; {@code tollgate-training-<name>} for any other.
   */
  public static String training(String name) {
    if (name == null || name.isBlank()) return TRAINING;
    String n = normalize(name);
    return isDefaultTraining(n) ? TRAINING : TRAINING_PREFIX + n;
  }

  /** Whether a (normalized) short name routes training to the pipeline workers' own queue. */
  public static boolean isDefaultTraining(String normalized) {
    return normalized.equals(TRAINING_NAME) || normalized.equals(PIPELINE_NAME);
  }

  /** The short name back from a training queue, for messages: "gpu" for tollgate-training-gpu. */
  public static String shortName(String taskQueue) {
    if (taskQueue.startsWith(TRAINING_PREFIX)) return taskQueue.substring(TRAINING_PREFIX.length());
    return taskQueue.equals(TRAINING) ? TRAINING_NAME : taskQueue;
  }

  private static String shown(String name) {
    if (name == null) return "(none)";
    String cut = name.length() > 40 ? name.substring(0, 40) + "…" : name;
    return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
