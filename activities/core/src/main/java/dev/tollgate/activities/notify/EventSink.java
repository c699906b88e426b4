package dev.tollgate.activities.notify;

import dev.tollgate.stages.PipelineEvent;

/**
 * One place a pipeline event goes (the events file, metrics, Slack, a webhook). The notify activity
 * hands each event to each sink once: a sink that succeeded is not called again when the activity
 * is retried for another sink's sake.
 */
public interface EventSink {

  /** A short stable name ("events", "metrics", "slack", "webhook"): part of the delivery key. */
  String name();

  /**
   * Delivers {@code event}, or throws to have the activity retry it later.
   *
   * @throws RuntimeException when the event could not be delivered this time
   */
  void accept(PipelineEvent event);
}
