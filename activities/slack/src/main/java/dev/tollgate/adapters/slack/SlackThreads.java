package dev.tollgate.adapters.slack;

/**
 * The first Slack message of each run, so that every later message of the run replies in its
 * thread: a channel stays readable with one line per run, however many events the run has.
 */
public interface SlackThreads {

  /** Where a run's thread starts. */
  record Root(String channel, String ts) {}

  /** The run's first message, or {@code null} when none was posted yet. */
  Root root(String workflowId);

  /**
   * Records the run's first message; when one is recorded already it stays (the first root wins),
   * so a message posted twice in a race does not move the thread.
   */
  void remember(String workflowId, String channel, String ts);
}
