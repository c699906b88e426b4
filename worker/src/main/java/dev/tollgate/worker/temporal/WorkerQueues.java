package dev.tollgate.worker.temporal;

import dev.tollgate.pipeline.TaskQueues;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The queues one worker process polls, from {@code tollgate worker --queues pipeline,gpu} ({@code
 * tollgate.worker.queues}). {@code pipeline}: the workflows and every stage, on {@link
 * TaskQueues#PIPELINE} and the default training queue (what every worker did before queues could be
 * chosen); any other name: a training queue, on which this worker runs only the train and trial
 * activities. A worker with training queues only runs no workflow (a Python or GPU machine).
 *
 * @param pipeline whether the pipeline queue is polled
 * @param training the training queues' short names, normalized and sorted (without {@code
 *     pipeline}; {@code training} is the default training queue)
 */
public record WorkerQueues(boolean pipeline, List<String> training) {

  public WorkerQueues {
    training = List.copyOf(training);
    if (!pipeline && training.isEmpty()) {
      throw new IllegalArgumentException("a worker must poll at least one queue");
    }
  }

  /** Today's worker: the pipeline queue, with the default training queue. */
  public static WorkerQueues defaults() {
    return new WorkerQueues(true, List.of());
  }

  /**
   * Reads names as {@code --queues} and the setting give them: comma-separated, any case, blanks
   * ignored.
   *
   * @throws IllegalArgumentException naming the bad entry and what is allowed
   */
  public static WorkerQueues parse(List<String> names) {
    boolean pipeline = false;
    TreeSet<String> training = new TreeSet<>();
    for (String entry : names == null ? List.<String>of() : names) {
      for (String part : entry.split(",", -1)) {
        String name = part.strip();
        if (name.isEmpty()) continue;
        String n = TaskQueues.normalize(name);
        if (n.equals(TaskQueues.PIPELINE_NAME)) pipeline = true;
        else training.add(n);
      }
    }
    if (!pipeline && training.isEmpty()) {
      throw new IllegalArgumentException(
          "no queue named: give pipeline (workflows and every stage), training queues (e.g. gpu),"
              + " or both (pipeline,gpu)");
    }
    return new WorkerQueues(pipeline, new ArrayList<>(training));
  }

  /**
   * The Temporal task queues on which this worker runs the training activities, each once: the
   * default training queue with {@code pipeline}, and one per training name.
   */
  public List<String> trainingTaskQueues() {
    TreeSet<String> queues = new TreeSet<>();
    if (pipeline) queues.add(TaskQueues.TRAINING);
    training.forEach(n -> queues.add(TaskQueues.training(n)));
    return List.copyOf(queues);
  }

  /** Whether this worker polls training queues only: it runs no workflow. */
  public boolean trainingOnly() {
    return !pipeline;
  }

  /** The short names, normalized, {@code pipeline} first: what {@code --queues} gave. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    if (pipeline) names.add(TaskQueues.PIPELINE_NAME);
    names.addAll(training);
    return names;
  }

  /** For the start line: "pipeline (tollgate-pipeline), gpu (tollgate-training-gpu)". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (pipeline) parts.add(TaskQueues.PIPELINE_NAME + " (" + TaskQueues.PIPELINE + ")");
    for (String queue : trainingTaskQueues()) {
      parts.add(TaskQueues.shortName(queue) + " (" + queue + ")");
    }
    return String.join(", ", parts);
  }
}
