package dev.tollgate.guardian;

import dev.tollgate.pipeline.PipelineRequest;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.RunOptions;
import dev.tollgate.pipeline.Trigger;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.spec.CronSchedule;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.ScheduleSpec;
import dev.tollgate.stages.DataInspection;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;

/**
 * The guardian's loop: sleep until the next cron fire or data check (or a signal, an update, the
 * run in flight ending), act on what is due, continue as new when the history is long and no run is
 * in flight. Every decision goes through {@link TriggerPolicy} and into the trigger log.
 * Orchestration only: the data check is an activity, runs are child workflows.
 */
public class GuardianWorkflowImpl implements GuardianWorkflow {
  private static final Logger log = Workflow.getLogger(GuardianWorkflowImpl.class);

  /** A cron fire acted on later than this (the guardian was down) is recorded as missed. */
  static final Duration LATE = Duration.ofHours(1);

  private final GuardianActivities activities =
      Workflow.newActivityStub(GuardianActivities.class, GuardianOptions.inspect());

  private PipelineSpec spec;
  private CronSchedule cron;
  private GuardianBook book;
  private InFlight inFlight;
  private final Deque<ManualAsk> asks = new ArrayDeque<>();
  private final GuardianActions actions = new GuardianActions();
  private String disabledBy;

  /** When the disable was acted on, and how the name was known: the guardian's result says so. */
  private String disabledAt;

  private String disabledVia;

  /** Signals that arrived before the run method started (signal-with-start), applied then. */
  private final java.util.List<Runnable> early = new java.util.ArrayList<>();

  /** A run this guardian started that has not ended. */
  private record InFlight(String runId, Promise<PipelineResult> result) {}

  /** A person's {@link #triggerNow}, answered by the loop. */
  private static final class ManualAsk {
    final TriggerRequest request;
    TriggerRecord answer;

    ManualAsk(TriggerRequest request) {
      this.request = request;
    }
  }

  @Override
  public GuardianResult run(GuardianRequest request) {
    adopt(request.spec());
    book = GuardianBook.of(request.carried(), now());
    early.forEach(Runnable::run);
    early.clear();
    while (true) {
      if (inFlight != null && inFlight.result().isCompleted()) finishInFlight();
      if (!actions.queue.isEmpty()) {
        actions.actOnNext(book, spec, now(), this::apply);
        continue;
      }
      if (disabledBy != null) {
        log.info("guardian of {} disabled by {}", spec.model(), disabledBy);
        // the disable's control Update answers before the run ends
        Workflow.await(Workflow::isEveryHandlerFinished);
        return ended();
      }
      if (!asks.isEmpty()) {
        ManualAsk ask = asks.poll();
        ask.answer = manual(ask.request);
        continue;
      }
      long now = now();
      Long fire = nextFire();
      if (fire != null && fire <= now) {
        tick(fire, now);
        continue;
      }
      Long check = book.paused ? null : nextCheck();
      if (check != null && check <= now) {
        inspect(onGrid(check, now));
        continue;
      }
      if (inFlight == null && historyIsLong(request.limit())) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(new GuardianRequest(spec, book.handOver(), request.historyLimit()));
      }
      Long wake = earliest(fire, check);
      Duration sleep = wake == null ? Duration.ofDays(366) : Duration.ofMillis(wake - now);
      Workflow.await(sleep, this::somethingToDo);
    }
  }

  private boolean somethingToDo() {
    return disabledBy != null
        || !asks.isEmpty()
        || !actions.queue.isEmpty()
        || (inFlight != null && inFlight.result().isCompleted());
  }

  private void tick(long fire, long now) {
    book.lastCronFire = fire;
    if (now - fire > LATE.toMillis()) {
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
  private void inspect(long now) {
    book.lastCheck = now;
    DataInspection found;
    try {
      found = activities.inspect(GuardianInspection.request(spec));
    } catch (ActivityFailure e) {
      found =
          DataInspection.skipped(
              GuardianInspection.dataUri(spec), "check failed: " + rootMessage(e), iso(now));
    }
    DataInspection previous = book.lastInspection;
    book.lastInspection = found;
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

  /** A person's {@link #triggerNow}: authorised by the worker's policy. */
  private TriggerRecord manual(TriggerRequest r) {
    TriggerRecord refused = actions.refusedTrigger(book, spec, r, now());
    if (refused != null) return refused;
    String why = r.reason() == null ? "" : ": " + r.reason();
    return trigger(Trigger.MANUAL, now(), "by " + r.by() + why, null);
  }

  /** An allowed pause, resume, disable or new spec. */
  private void apply(GuardianControl c) {
    switch (c.action()) {
      case PAUSE -> book.pause(c.by(), c.reason());
      case RESUME -> book.resume();
      case DISABLE -> {
        ActionRecord allowed = book.actions.getLast(); // what the action log says of it
        markDisabled(c.by(), allowed.at(), allowed.via());
      }
      case SPEC_CHANGE -> adopt(c.spec());
      default -> throw new IllegalStateException("not a guardian control: " + c.action());
    }
  }

  /** Decides on a new trigger and records the decision; returns the record. */
  private TriggerRecord trigger(Trigger kind, long at, String reason, DataInspection evidence) {
    TriggerRecord record =
        decide(
            new PendingTrigger(
                kind, iso(at), TriggerIds.of(kind, at, book.runsStarted + 1), reason, evidence));
    book.record(record);
    return record;
  }

  /** Runs the policy on {@code t}, and starts, queues or skips it; returns its log entry. */
  private TriggerRecord decide(PendingTrigger t) {
    TriggerPolicy.Verdict verdict =
        TriggerPolicy.decide(
            t.kind(), now(), spec.schedule(), book, inFlight == null ? null : inFlight.runId());
    return switch (verdict.decision()) {
      case SKIPPED -> skipped(t, verdict.why());
      case QUEUED -> {
        if (book.buffered != null) {
          String replaced = book.buffered.runId();
          book.update(replaced, r -> skipped(book.buffered, "replaced by " + t.runId()));
        }
        book.buffered = t;
        yield new TriggerRecord(
            t.at(),
            t.kind(),
            TriggerRecord.Decision.QUEUED,
            t.reason() + "; " + verdict.why(),
            t.runId(),
            null);
      }
      case STARTED -> {
        String refused = start(t.kind(), t.runId(), t.reason(), t.evidence(), startTime(t));
        yield refused != null
            ? skipped(t, refused)
            : new TriggerRecord(
                t.at(), t.kind(), TriggerRecord.Decision.STARTED, t.reason(), t.runId(), null);
      }
    };
  }

  /** When a run starts, for the cooldown: its trigger's time, or now for one that was queued. */
  private long startTime(PendingTrigger t) {
    long at = Instant.parse(t.at()).toEpochMilli();
    return now() - at < LATE.toMillis() ? at : now();
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
  private String start(
      Trigger kind, String runId, String reason, DataInspection evidence, long when) {
    PipelineWorkflow child =
        Workflow.newChildWorkflowStub(
            PipelineWorkflow.class, GuardianOptions.run(spec.model(), runId));
    RunOptions options = new RunOptions(runId, "guardian", reason, kind, evidence);
    Promise<PipelineResult> result = Async.function(child::run, new PipelineRequest(spec, options));
    try {
      Workflow.getWorkflowExecution(child).get();
    } catch (ChildWorkflowFailure e) {
      return "not started: " + rootMessage(e);
    }
    inFlight = new InFlight(runId, result);
    book.runsStarted++;
    if (kind == Trigger.DRIFT || kind == Trigger.VOLUME) book.startedDataRetrain(when);
    log.info("guardian of {} started {} ({})", spec.model(), runId, kind.value());
    return null;
  }

  private void finishInFlight() {
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
    PendingTrigger next = book.buffered;
    if (next != null) {
      book.buffered = null;
      // Decided again now: the cooldown or budget may have changed while it waited.
      TriggerRecord decided = decide(next);
      book.update(next.runId(), queued -> decided);
    }
  }

  @Override
  public void pause(String by, String reason) {
    if (book == null) {
      early.add(() -> pause(by, reason));
      return;
    }
    actions.queueSignal(new GuardianControl(PolicyAction.PAUSE, by, reason, null, null));
  }

  @Override
  public void resume(String by) {
    if (book == null) {
      early.add(() -> resume(by));
      return;
    }
    actions.queueSignal(new GuardianControl(PolicyAction.RESUME, by, null, null, null));
  }

  @Override
  public void updateSpec(PipelineSpec newer) {
    if (book == null) {
      early.add(() -> updateSpec(newer));
      return;
    }
    if (newer.schedule() == null || !newer.model().equals(spec.model())) {
      log.warn("spec update for {} ignored: no schedule, or another model", newer.model());
      return;
    }
    actions.queueSignal(GuardianControl.specChange(newer, "signal", null));
  }

  @Override
  public void disable(String by) {
    if (book == null) {
      early.add(() -> disable(by));
      return;
    }
    actions.queueSignal(new GuardianControl(PolicyAction.DISABLE, by, null, null, null));
  }

  private void markDisabled(String by, String at, String via) {
    disabledBy = by == null ? "someone" : by;
    disabledAt = at;
    disabledVia = via;
  }

  /** A query of the closed workflow would replay it and answer like a live one: say it here. */
  private GuardianResult ended() {
    String left = inFlight == null ? null : inFlight.runId();
    return GuardianResult.disabled(spec, disabledBy, disabledAt, disabledVia, left, book);
  }

  @Override
  public void validateControl(GuardianControl r) {
    if (book == null) throw new IllegalArgumentException("the guardian has not started yet");
    if (disabledBy != null) throw new IllegalArgumentException("the guardian is being disabled");
    GuardianActions.validate(r, spec);
  }

  @Override
  public ActionRecord control(GuardianControl request) {
    GuardianActions.Pending p = new GuardianActions.Pending(request, false);
    actions.queue.add(p);
    Workflow.await(() -> p.answer != null);
    return p.answer;
  }

  @Override
  public void validateTriggerNow(TriggerRequest request) {
    if (request == null || request.by() == null || request.by().isBlank()) {
      throw new IllegalArgumentException("say who asks: --by NAME");
    }
    if (book == null) throw new IllegalArgumentException("the guardian has not started yet");
    if (disabledBy != null) throw new IllegalArgumentException("the guardian is being disabled");
    if (book.paused) {
      throw new IllegalArgumentException(
          "the guardian of "
              + spec.model()
              + " is paused by "
              + book.pausedBy
              + "; resume it first");
    }
  }

  @Override
  public TriggerRecord triggerNow(TriggerRequest request) {
    ManualAsk ask = new ManualAsk(request);
    asks.add(ask);
    Workflow.await(() -> ask.answer != null);
    return ask.answer;
  }

  @Override
  public GuardianStatus status() {
    if (book == null) return null;
    return GuardianStatusView.of(
        spec,
        cron,
        book,
        nextCheck(),
        inFlight == null ? null : inFlight.runId(),
        now(),
        Workflow.getInfo().getHistoryLength());
  }

  private void adopt(PipelineSpec newer) {
    spec = newer;
    ScheduleSpec s = newer.schedule();
    cron = s.cron() == null ? null : CronSchedule.of(s.cron(), s.zone());
  }

  private Long nextFire() {
    if (cron == null) return null;
    Instant next = cron.next(Instant.ofEpochMilli(book.lastCronFire));
    return next == null ? null : next.toEpochMilli();
  }

  /**
   * Data checks run on a grid counted from the epoch ({@code drift_check_every: 6h} checks at
   * 00:00, 06:00, 12:00 and 18:00 UTC): the first grid point after enabling, then every interval.
   */
  private Long nextCheck() {
    Duration every = spec.schedule().driftCheckEvery();
    if (every == null) return null;
    long step = every.toMillis();
    long after = book.lastCheck == 0 ? book.startedAt - 1 : book.lastCheck;
    return (Math.floorDiv(after, step) + 1) * step;
  }

  /**
   * The latest grid point not after {@code now}: a check acted on late keeps its grid time, and a
   * guardian that was down does one check, not one per missed interval.
   */
  private long onGrid(long due, long now) {
    long step = spec.schedule().driftCheckEvery().toMillis();
    return due + (now - due) / step * step;
  }

  private boolean historyIsLong(int limit) {
    return Workflow.getInfo().getHistoryLength() > limit
        || Workflow.getInfo().isContinueAsNewSuggested();
  }

  private static Long earliest(Long a, Long b) {
    if (a == null) return b;
    if (b == null) return a;
    return Math.min(a, b);
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }

  static String iso(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }
}
