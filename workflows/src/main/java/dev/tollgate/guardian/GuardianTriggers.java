package dev.tollgate.guardian;

import static dev.tollgate.guardian.GuardianClock.iso;

import dev.tollgate.pipeline.PipelineRequest;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.RunOptions;
import dev.tollgate.pipeline.Trigger;
import dev.tollgate.spec.CronSchedule;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.ScheduleSpec;
import dev.tollgate.stages.DataInspection;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * The guardian's trigger decisions: what a cron fire, a data check or a person's ask leads to.
 * Every one goes through {@link TriggerPolicy} (skip, queue behind the run in flight, or start) and
 * into the trigger log; a run is a child workflow, one at a time.
 */
final class GuardianTriggers {
  private static final Logger log = Workflow.getLogger(GuardianTriggers.class);

  private final GuardianActivities activities =
      Workflow.newActivityStub(GuardianActivities.class, GuardianOptions.inspect());

  private final GuardianBook book;
  private PipelineSpec spec;
  private CronSchedule cron;
  private InFlight inFlight;

  /** A run this guardian started that has not ended. */
  private record InFlight(String runId, Promise<PipelineResult> result) {}

  GuardianTriggers(GuardianBook book, PipelineSpec spec) {
    this.book = book;
    adopt(spec);
  }

  /** The spec the guardian runs from now on (its schedule, its cron). */
  void adopt(PipelineSpec newer) {
    spec = newer;
    ScheduleSpec s = newer.schedule();
    cron = s.cron() == null ? null : CronSchedule.of(s.cron(), s.zone());
  }

  PipelineSpec spec() {
    return spec;
  }

  CronSchedule cron() {
    return cron;
  }

  /** The run in flight's ID, or {@code null}. */
  String inFlightRunId() {
    return inFlight == null ? null : inFlight.runId();
  }

  /** Whether the run in flight has ended and waits for {@link #finishInFlight}. */
  boolean inFlightEnded() {
    return inFlight != null && inFlight.result().isCompleted();
  }

  /** The cron fire of {@code fire}, acted on at {@code now}: a run, or missed if it is late. */
  void tick(long fire, long now) {
    book.cronFired(fire);
    if (GuardianClock.missed(fire, now)) {
      book.record(
          new TriggerRecord(
              iso(fire),
              Trigger.SCHEDULE,
              TriggerRecord.Decision.SKIPPED,
              "missed: the guardian could act only at " + iso(now),
              null,
              null));
      return;
    }
    trigger(Trigger.SCHEDULE, fire, "cron " + spec.schedule().cron(), null);
  }

  /**
   * The data check due at {@code now}; a drift share or row gain past the bounds asks for a run.
   */
  void inspect(long now) {
    book.checking(now);
    DataInspection found;
    try {
      found = activities.inspect(GuardianInspection.request(spec));
    } catch (ActivityFailure e) {
      found =
          DataInspection.skipped(
              GuardianInspection.dataUri(spec), "check failed: " + rootMessage(e), iso(now));
    }
    DataInspection previous = book.inspected(found);
    ScheduleSpec schedule = spec.schedule();
    String why = GuardianInspection.reason(found, schedule);
    if (found.skipped() != null) {
      // Once per reason: "no Production model yet" every 6 h would push everything else out.
      if (previous == null || !found.skipped().equals(previous.skipped())) {
        book.record(
            new TriggerRecord(
                iso(now),
                Trigger.DRIFT,
                TriggerRecord.Decision.SKIPPED,
                found.skipped(),
                null,
                null));
      }
    } else if (why != null) {
      trigger(GuardianInspection.kind(found, schedule), now, why, found);
    }
  }

  /** A person's ask for a run, allowed by the worker's policy. */
  TriggerRecord manual(TriggerRequest r, long now) {
    String why = r.reason() == null ? "" : ": " + r.reason();
    return trigger(Trigger.MANUAL, now, "by " + r.by() + why, null);
  }

  /** Decides on a new trigger and records the decision; returns the record. */
  private TriggerRecord trigger(Trigger kind, long at, String reason, DataInspection evidence) {
    TriggerRecord record =
        decide(
            new PendingTrigger(
                kind, iso(at), TriggerIds.of(kind, at, book.runsStarted() + 1), reason, evidence));
    book.record(record);
    return record;
  }

  /** Runs the policy on {@code t}, and starts, queues or skips it; returns its log entry. */
  private TriggerRecord decide(PendingTrigger t) {
    long now = Workflow.currentTimeMillis();
    TriggerPolicy.Verdict verdict =
        TriggerPolicy.decide(t.kind(), now, spec.schedule(), book, inFlightRunId());
    return switch (verdict.decision()) {
      case SKIPPED -> skipped(t, verdict.why());
      case QUEUED -> {
        PendingTrigger replaced = book.buffer(t);
        if (replaced != null) {
          book.update(replaced.runId(), r -> skipped(replaced, "replaced by " + t.runId()));
        }
        yield new TriggerRecord(
            t.at(),
            t.kind(),
            TriggerRecord.Decision.QUEUED,
            t.reason() + "; " + verdict.why(),
            t.runId(),
            null);
      }
      case STARTED -> {
        String refused = start(t, GuardianClock.startTime(t, now));
        yield refused != null
            ? skipped(t, refused)
            : new TriggerRecord(
                t.at(), t.kind(), TriggerRecord.Decision.STARTED, t.reason(), t.runId(), null);
      }
    };
  }

  private static TriggerRecord skipped(PendingTrigger t, String why) {
    return new TriggerRecord(
        t.at(),
        t.kind(),
        TriggerRecord.Decision.SKIPPED,
        t.reason() + "; skipped: " + why,
        null,
        null);
  }

  /** Starts the run as a child; returns why it could not start, or {@code null}. */
  private String start(PendingTrigger t, long when) {
    PipelineWorkflow child =
        Workflow.newChildWorkflowStub(
            PipelineWorkflow.class, GuardianOptions.run(spec.model(), t.runId()));
    RunOptions options = new RunOptions(t.runId(), "guardian", t.reason(), t.kind(), t.evidence());
    Promise<PipelineResult> result = Async.function(child::run, new PipelineRequest(spec, options));
    try {
      Workflow.getWorkflowExecution(child).get();
    } catch (ChildWorkflowFailure e) {
      return "not started: " + rootMessage(e);
    }
    inFlight = new InFlight(t.runId(), result);
    boolean data = t.kind() == Trigger.DRIFT || t.kind() == Trigger.VOLUME;
    book.runStarted(data ? when : null);
    log.info("guardian of {} started {} ({})", spec.model(), t.runId(), t.kind().value());
    return null;
  }

  /** Logs how the run in flight ended, then decides again on the trigger queued behind it. */
  void finishInFlight() {
    String outcome;
    try {
      PipelineResult r = inFlight.result().get();
      outcome = r.outcome().name() + (r.modelVersion() == null ? "" : " v" + r.modelVersion());
    } catch (ChildWorkflowFailure e) {
      outcome = "ENDED: " + rootMessage(e);
    }
    String ended = outcome;
    book.update(inFlight.runId(), r -> r.withOutcome(ended));
    inFlight = null;
    PendingTrigger next = book.takeBuffered();
    if (next != null) {
      // Decided again now: the cooldown or budget may have changed while it waited.
      TriggerRecord decided = decide(next);
      book.update(next.runId(), queued -> decided);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }
}
