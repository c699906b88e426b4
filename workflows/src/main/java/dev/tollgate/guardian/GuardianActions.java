package dev.tollgate.guardian;

import dev.tollgate.pipeline.SpecJson;
import dev.tollgate.pipeline.StageOptions;
import dev.tollgate.pipeline.Trigger;
import dev.tollgate.policy.ActionRequest;
import dev.tollgate.policy.ActionVerdict;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.PolicyActivities;
import dev.tollgate.spec.PipelineSpec;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * What people ask of a guardian, and the worker's policy on it. Every request — the {@code control}
 * Update, the old signals, {@code triggerNow} — is authorised by the worker in the guardian's loop
 * ({@link PolicyActivities#authorize}, a local activity whose answer the history keeps), done only
 * if allowed, and written to the action log either way (issue 21).
 */
final class GuardianActions {
  private final PolicyActivities policies =
      Workflow.newLocalActivityStub(PolicyActivities.class, StageOptions.policyLocal());

  /** Requests waiting for the loop, oldest first. */
  final Deque<Pending> queue = new ArrayDeque<>();

  /** One request; {@code signal}: sent as a signal, so nobody waits for the answer. */
  static final class Pending {
    final GuardianControl request;
    final boolean signal;
    ActionRecord answer;

    Pending(GuardianControl request, boolean signal) {
      this.request = request;
      this.signal = signal;
    }
  }

  /** A signal is a request like the {@code control} Update: queued for the loop to authorise. */
  void queueSignal(GuardianControl request) {
    queue.add(new Pending(request, true));
  }

  /**
   * Authorises the oldest request and, if allowed, hands it to {@code apply}; answers it with its
   * action log entry. The guardian's own spec again (a restarted worker's specs folder) needs no
   * authorising and is not logged.
   */
  void actOnNext(GuardianBook book, PipelineSpec spec, long now, Consumer<GuardianControl> apply) {
    Pending p = queue.poll();
    GuardianControl c = p.request;
    String by = c.by() == null || c.by().isBlank() ? "(no name)" : c.by();
    if (c.action() == PolicyAction.SPEC_CHANGE
        && SpecJson.digest(c.spec()).equals(SpecJson.digest(spec))) {
      p.answer =
          new ActionRecord(
              GuardianClock.iso(now), c.action().value(), by, "-", true, "unchanged", "");
      return;
    }
    ActionRequest r = new ActionRequest(c.action(), spec.model(), by, c.detail(), c.voucher(), now);
    if (authorise(book, r, p.signal).allowed()) apply.accept(c);
    p.answer = book.lastAction();
  }

  /**
   * A {@code triggerNow}'s refusal, kept in the trigger log, or {@code null} when the policy allows
   * it.
   */
  TriggerRecord refusedTrigger(GuardianBook book, PipelineSpec spec, TriggerRequest r, long now) {
    ActionRequest request =
        new ActionRequest(PolicyAction.TRIGGER, spec.model(), r.by(), r.detail(), r.voucher(), now);
    ActionVerdict v = authorise(book, request, false);
    if (v.allowed()) return null;
    TriggerRecord refused =
        new TriggerRecord(
            GuardianClock.iso(now),
            Trigger.MANUAL,
            TriggerRecord.Decision.SKIPPED,
            "by " + r.by() + ": refused: " + v.note(),
            null,
            null);
    book.record(refused);
    return refused;
  }

  /** The {@code control} Update's validator: the shape of the request, not who sends it. */
  static void validate(GuardianControl r, PipelineSpec current) {
    if (r == null || !GuardianControl.KINDS.contains(r.action())) {
      throw new IllegalArgumentException("expected pause, resume, disable or a spec change");
    }
    if (r.action() != PolicyAction.SPEC_CHANGE) {
      if (r.by() == null || r.by().isBlank()) {
        throw new IllegalArgumentException("say who asks: --by NAME");
      }
      return;
    }
    if (r.spec() == null || r.spec().schedule() == null) {
      throw new IllegalArgumentException("a guardian's spec needs a schedule section");
    }
    if (!r.spec().model().equals(current.model())) {
      throw new IllegalArgumentException(
          "the spec is for " + r.spec().model() + ", this guardian runs " + current.model());
    }
  }

  private ActionVerdict authorise(GuardianBook book, ActionRequest r, boolean signal) {
    ActionVerdict v = policies.authorize(r);
    book.recordAction(
        new ActionRecord(
            GuardianClock.iso(r.atMillis()),
            r.action().value(),
            r.by(),
            signal ? "signal/" + v.via() : v.via(),
            v.allowed(),
            v.note(),
            r.detail()));
    return v;
  }
}
