package dev.tollgate.pipeline;

/**
 * Task queues. Training has its own so it can be served by large-memory or GPU workers; one worker
 * process serves both by default.
 */
public final class TaskQueues {
  public static final String PIPELINE = "tollgate-pipeline";
  public static final String TRAINING = "tollgate-training";

  private TaskQueues() {}
}
