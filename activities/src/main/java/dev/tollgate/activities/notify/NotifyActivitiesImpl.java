package dev.tollgate.activities.notify;

import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.PipelineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes pipeline events to the log (one {@code key=value} line, easy to grep and to parse) and
 * to the events file. Slack arrives later behind the same activity.
 */
public final class NotifyActivitiesImpl implements NotifyActivities {
  private static final Logger log = LoggerFactory.getLogger(NotifyActivitiesImpl.class);

  private final EventLog events;

  public NotifyActivitiesImpl(EventLog events) {
    this.events = events;
  }

  @Override
  public void publish(PipelineEvent event) {
    log.info(
        "event={} model={} run={} outcome={} workflow={} message=\"{}\"",
        event.kind(),
        event.model(),
        event.runId(),
        event.fields().getOrDefault("outcome", "-"),
        event.workflowId(),
        event.message() == null ? "" : event.message().replace("\"", "'"));
    String summary = event.fields().get("summary");
    if (summary != null)
      log.info("validation of {} run={}:\n{}", event.model(), event.runId(), summary);
    events.append(event);
  }
}
