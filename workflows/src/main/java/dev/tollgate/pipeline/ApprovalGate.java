package dev.tollgate.pipeline;

import dev.tollgate.spec.ApprovalSpec;
import dev.tollgate.spec.Durations;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The human approval gate: who may decide, how many approvals are needed, the wait with reminders
 * and a timeout, and the audit trail of every decision received. Workflow-side code: waits with
 * {@link Workflow#await}, which costs nothing while people take their time.
 */
final class ApprovalGate {
  /** How the wait ended. */
  enum Result {
    APPROVED,
    REJECTED,
    TIMED_OUT
  }

  private final ApprovalSpec spec;
  private final String model;
  private final List<DecisionRecord> audit = new ArrayList<>();
  private final Map<String, DecisionRecord> accepted = new LinkedHashMap<>();
  private final List<String> escalated = new ArrayList<>();
  private DecisionRecord rejection;
  private DecisionSubject subject;
  private boolean open;
  private long sinceMillis;
  private long deadlineMillis;

  ApprovalGate(ApprovalSpec spec, String model) {
    this.spec = spec;
    this.model = model;
  }

  /**
   * Why a decision is refused, or {@code null} when it may be taken. Shared by the Update validator
   * (which refuses to the caller) and the signals (which can only record and ignore).
   */
  String refusal(DecisionRequest d) {
    if (d == null || d.by() == null || d.by().isBlank())
      return "a decision needs the approver's name";
    if (!open) return "no decision is awaited: the run is not at the approval gate";
    if (!spec.isApprover(d.by()) && !escalated.contains(d.by())) {
      return "'"
          + d.by()
          + "' is not an approver of "
          + model
          + "; approvers: "
          + String.join(", ", askedOf());
    }
    if (accepted.containsKey(d.by())) {
      return d.by() + " has already decided on this run";
    }
    if (!d.approve() && (d.comment() == null || d.comment().isBlank())) {
      return "a rejection needs a reason";
    }
    return null;
  }

  /** Takes a decision; refused ones are kept in the audit trail with the reason. */
  DecisionRecord receive(DecisionRequest d, String via) {
    return receive(d, via, null);
  }

  /**
   * As {@link #receive(DecisionRequest, String)}, refusing with {@code refusedFirst} when it is set
   * (a rule of the caller's, decided from the spec alone so that replay decides alike).
   */
  DecisionRecord receive(DecisionRequest d, String via, String refusedFirst) {
    String refusal = refusedFirst != null ? refusedFirst : refusal(d);
    String by = d == null || d.by() == null ? "" : d.by();
    boolean approve = d != null && d.approve();
    String comment = d == null ? null : d.comment();
    DecisionRecord record =
        new DecisionRecord(
            by, approve, comment, Workflow.currentTimeMillis(), via, refusal == null, refusal);
    audit.add(record);
    if (refusal == null) {
      accepted.put(by, record);
      if (!approve) rejection = record;
    }
    return record;
  }

  /**
   * Waits for enough approvals or one rejection, sending a reminder at each offset from the spec
   * and escalating at each {@code approval.escalate} offset (those people become approvers too),
   * until the timeout. {@code remind} gets the time waited so far; {@code escalate} the names
   * added. Without escalations the timers are those of the reminders alone, as before escalations
   * existed.
   */
  Result await(Consumer<Duration> remind, Consumer<List<String>> escalate) {
    open = true;
    sinceMillis = Workflow.currentTimeMillis();
    deadlineMillis = sinceMillis + spec.timeout().toMillis();
    try {
      List<Duration> reminders = spec.reminders();
      List<ApprovalSpec.Escalation> escalations = spec.escalate();
      int r = 0;
      int e = 0;
      while (r < reminders.size() || e < escalations.size()) {
        boolean escalation =
            e < escalations.size()
                && (r >= reminders.size()
                    || escalations.get(e).after().compareTo(reminders.get(r)) <= 0);
        Duration at = escalation ? escalations.get(e).after() : reminders.get(r);
        if (waitUntil(sinceMillis + at.toMillis())) return settledResult();
        if (escalation) {
          List<String> to = escalations.get(e++).to();
          escalated.addAll(to);
          escalate.accept(to);
        } else {
          r++;
          remind.accept(at);
        }
      }
      if (waitUntil(deadlineMillis)) return settledResult();
      return Result.TIMED_OUT;
    } finally {
      open = false;
    }
  }

  /** What the gate decides on: set before it opens, and what a vouched decision must be for. */
  void subject(DecisionSubject s) {
    subject = s;
  }

  DecisionSubject subject() {
    return subject;
  }

  /** Who may decide now: the spec's approvers and those escalated to. */
  List<String> askedOf() {
    List<String> all = new ArrayList<>(spec.approvers());
    all.addAll(escalated);
    return all;
  }

  /** On timeout with {@code on_timeout: approve}, the rule itself is the decision, on record. */
  DecisionRecord recordTimeout(boolean approve) {
    DecisionRecord record =
        new DecisionRecord(
            "tollgate",
            approve,
            "no decision within " + Durations.format(spec.timeout()),
            Workflow.currentTimeMillis(),
            "timeout",
            true,
            "on_timeout: " + spec.onTimeout().name().toLowerCase(java.util.Locale.ROOT));
    audit.add(record);
    return record;
  }

  /**
   * The decisions that settled the gate, in the order received: every approval of the quorum, or
   * the rejection (approvals taken before it stay on the audit trail, not here).
   */
  List<DecisionRecord> settling() {
    if (rejection != null) return List.of(rejection);
    return List.copyOf(accepted.values());
  }

  /** The decision that settled the gate: the rejection, or the last approval needed. */
  DecisionRecord deciding() {
    if (rejection != null) return rejection;
    DecisionRecord last = null;
    for (DecisionRecord r : accepted.values()) last = r;
    return last;
  }

  ApprovalWait waiting() {
    if (!open) return null;
    List<DecisionRecord> approvals = new ArrayList<>(accepted.values());
    return new ApprovalWait(
        askedOf(), spec.minApprovals(), sinceMillis, deadlineMillis, approvals, subject);
  }

  List<DecisionRecord> audit() {
    return List.copyOf(audit);
  }

  private boolean waitUntil(long atMillis) {
    long left = atMillis - Workflow.currentTimeMillis();
    if (left > 0) Workflow.await(Duration.ofMillis(left), this::settled);
    return settled();
  }

  private boolean settled() {
    return rejection != null || accepted.size() >= spec.minApprovals();
  }

  private Result settledResult() {
    return rejection != null ? Result.REJECTED : Result.APPROVED;
  }
}
