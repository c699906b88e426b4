package dev.tollgate.activities.notify;

import dev.tollgate.stages.ApprovalEscalated;
import dev.tollgate.stages.ApprovalRequested;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.RunFinished;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes pipeline events: one {@code key=value} log line (easy to grep and to parse), then each
 * sink in turn (the events file, metrics, Slack, a webhook). A sink that fails does not stop the
 * others; the activity then fails with that sink's error and is retried by its policy, and the
 * {@link DeliveryLedger} makes the retry skip the sinks that already delivered, so nothing is
 * posted or counted twice.
 */
public final class NotifyActivitiesImpl implements NotifyActivities {
  private static final Logger log = LoggerFactory.getLogger(NotifyActivitiesImpl.class);

  private final List<EventSink> sinks;
  private final DeliveryLedger ledger;

  public NotifyActivitiesImpl(List<EventSink> sinks, DeliveryLedger ledger) {
    this.sinks = List.copyOf(sinks);
    this.ledger = ledger;
  }

  /** The events file alone, every attempt delivering (tools, tests). */
  public NotifyActivitiesImpl(EventLog events) {
    this(List.of(events), DeliveryLedger.none());
  }

  @Override
  public void publish(PipelineEvent event) {
    log.info(
        "event={} model={} run={} seq={} outcome={} workflow={} message=\"{}\"",
        event.kind(),
        event.model(),
        event.runId(),
        event.seq(),
        event instanceof RunFinished f && f.outcome() != null ? f.outcome() : "-",
        event.workflowId(),
        event.message() == null ? "" : event.message().replace("\"", "'"));
    String summary =
        switch (event) {
          case ApprovalRequested a -> a.summary();
          case ApprovalEscalated a -> a.summary();
          default -> null;
        };
    if (summary != null)
      log.info("validation of {} run={}:\n{}", event.model(), event.runId(), summary);
    RuntimeException failed = null;
    java.util.Set<String> done = ledger.delivered(event);
    for (EventSink sink : sinks) {
      if (done.contains(sink.name())) continue;
      try {
        sink.accept(event);
      } catch (RuntimeException e) {
        log.warn(
            "{} could not take {} #{} of {}: {}",
            sink.name(),
            event.kind(),
            event.seq(),
            event.runId(),
            e.getMessage());
        if (failed == null) failed = e;
        continue;
      }
      ledger.record(event, sink.name());
    }
    // The first failure as it was thrown: an ApplicationFailure keeps its retry delay
    // (Retry-After).
    if (failed != null) throw failed;
  }
}
