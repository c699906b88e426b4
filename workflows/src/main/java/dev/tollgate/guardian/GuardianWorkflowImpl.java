package dev.tollgate.guardian;

import dev.tollgate.policy.PolicyAction;
import dev.tollgate.spec.PipelineSpec;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;

/**
 * The guardian's loop and its face to Temporal: sleep until the next cron fire or data check (or a
 * signal, an update, the run in flight ending), act on what is due, continue as new when the
 * history is long and no run is in flight. When things are due is {@link GuardianClock}'s maths,
 * what they lead to {@link GuardianTriggers}' decisions, and who may ask {@link GuardianActions}'.
 * Orchestration only: the data check is an activity, runs are child workflows.
 */
public class GuardianWorkflowImpl implements GuardianWorkflow {
  private static final Logger log = Workflow.getLogger(GuardianWorkflowImpl.class);

  private GuardianBook book;
  private GuardianTriggers triggers;
  private final Deque<ManualAsk> asks = new ArrayDeque<>();
  private final GuardianActions actions = new GuardianActions();
  private String disabledBy;

  /** When the disable was acted on, and how the name was known: the guardian's result says so. */
  private String disabledAt;

  private String disabledVia;

  /** Signals that arrived before the run method started (signal-with-start), applied then. */
  private final List<Runnable> early = new ArrayList<>();

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
    book = GuardianBook.of(request.carried(), now());
    triggers = new GuardianTriggers(book, request.spec());
    early.forEach(Runnable::run);
    early.clear();
    while (true) {
      if (triggers.inFlightEnded()) triggers.finishInFlight();
      if (!actions.queue.isEmpty()) {
        actions.actOnNext(book, spec(), now(), this::apply);
        continue;
      }
      if (disabledBy != null) {
        log.info("guardian of {} disabled by {}", spec().model(), disabledBy);
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
      Long fire = GuardianClock.nextFire(triggers.cron(), book);
      if (fire != null && fire <= now) {
        triggers.tick(fire, now);
        continue;
      }
      Long check = book.paused() ? null : GuardianClock.nextCheck(spec().schedule(), book);
      if (check != null && check <= now) {
        triggers.inspect(GuardianClock.onGrid(spec().schedule(), check, now));
        continue;
      }
      if (triggers.inFlightRunId() == null && historyIsLong(request.limit())) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(
            new GuardianRequest(spec(), book.handOver(), request.historyLimit()));
      }
      Long wake = GuardianClock.earliest(fire, check);
      Duration sleep = wake == null ? Duration.ofDays(366) : Duration.ofMillis(wake - now);
      Workflow.await(sleep, this::somethingToDo);
    }
  }

  private boolean somethingToDo() {
    return disabledBy != null
        || !asks.isEmpty()
        || !actions.queue.isEmpty()
        || triggers.inFlightEnded();
  }

  /** A person's {@link #triggerNow}: authorised by the worker's policy. */
  private TriggerRecord manual(TriggerRequest r) {
    TriggerRecord refused = actions.refusedTrigger(book, spec(), r, now());
    if (refused != null) return refused;
    return triggers.manual(r, now());
  }

  /** An allowed pause, resume, disable or new spec. */
  private void apply(GuardianControl c) {
    switch (c.action()) {
      case PAUSE -> book.pause(c.by(), c.reason());
      case RESUME -> book.resume();
      case DISABLE -> {
        ActionRecord allowed = book.lastAction(); // what the action log says of it
        markDisabled(c.by(), allowed.at(), allowed.via());
      }
      case SPEC_CHANGE -> triggers.adopt(c.spec());
      default -> throw new IllegalStateException("not a guardian control: " + c.action());
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
    if (newer.schedule() == null || !newer.model().equals(spec().model())) {
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
    return GuardianResult.disabled(
        spec(), disabledBy, disabledAt, disabledVia, triggers.inFlightRunId(), book);
  }

  @Override
  public void validateControl(GuardianControl r) {
    if (book == null) throw new IllegalArgumentException("the guardian has not started yet");
    if (disabledBy != null) throw new IllegalArgumentException("the guardian is being disabled");
    GuardianActions.validate(r, spec());
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
    if (book.paused()) {
      throw new IllegalArgumentException(
          "the guardian of "
              + spec().model()
              + " is paused by "
              + book.pausedBy()
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
        spec(),
        triggers.cron(),
        book,
        GuardianClock.nextCheck(spec().schedule(), book),
        triggers.inFlightRunId(),
        now(),
        Workflow.getInfo().getHistoryLength());
  }

  private PipelineSpec spec() {
    return triggers.spec();
  }

  private boolean historyIsLong(int limit) {
    return Workflow.getInfo().getHistoryLength() > limit
        || Workflow.getInfo().isContinueAsNewSuggested();
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
