package dev.tollgate.pipeline;

import dev.tollgate.policy.ActionRequest;
import dev.tollgate.policy.ActionVerdict;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.PolicyActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A cancelled run ends like any other, with outcome CANCELLED (issue 22, ADR 0010). The run's
 * stages run in a detached cancellation scope ({@link #shielded}), so a cancel reaches only what
 * may stop half-way: training, validation, the approval wait, a canary's bake and the degradation
 * watch, each run {@link #interruptible} in a scope this class cancels. A deploy, a smoke test, a
 * registry write or a notification in flight finishes, and the run stops at its next {@link
 * #checkpoint}; what it had put into service is then taken back ({@link #undo}) and the run goes on
 * to its clean-up and notification as after any outcome.
 *
 * <p>A cancel comes two ways: sent to Temporal ({@code temporal workflow cancel}, the UI), which
 * cancels the workflow's root scope and carries a reason at most, never a name the workflow can
 * read ({@code by unknown}); or the {@code cancel} Update ({@code tollgate cancel}), which the
 * worker authorises by the model's approval policy first.
 */
final class RunCancellation {
  private final Supplier<Stage> stage;
  private final Map<String, Undo> undo = new LinkedHashMap<>();
  private CancelRecord requested;
  private CancellationScope interruptible;
  private boolean closed;

  /** What to take back if the run is cancelled, and the words for it once done. */
  private record Undo(String done, Runnable action) {}

  private RunCancellation(Supplier<Stage> stage) {
    this.stage = stage;
  }

  /**
   * Listens, from now on, for a cancel sent to Temporal; call before the run records anything else.
   * {@code stage}: where the run is.
   */
  static RunCancellation forRun(Supplier<Stage> stage) {
    RunCancellation c = new RunCancellation(stage);
    CancellationScope.current()
        .getCancellationRequest()
        .thenApply(
            reason -> {
              c.request(
                  CancelRecord.fromTemporal(reason, Workflow.currentTimeMillis(), stage.get()));
              return null;
            });
    return c;
  }

  /** Runs the run's stages out of reach of a cancel sent to Temporal. */
  void shielded(Runnable body) {
    Workflow.newDetachedCancellationScope(body).run();
  }

  /**
   * Runs {@code body} so that a cancel stops it; once cancelled, throws {@link CanceledFailure}
   * whatever the body did (an activity cut short, a search whose trials were cancelled).
   */
  <T> T interruptible(Functions.Func<T> body) {
    checkpoint();
    Object[] result = new Object[1];
    CancellationScope scope = Workflow.newCancellationScope(() -> result[0] = body.apply());
    boolean outermost = interruptible == null;
    if (outermost) interruptible = scope;
    try {
      scope.run();
    } catch (RuntimeException e) {
      if (requested != null) throw stopped();
      throw e;
    } finally {
      if (outermost) interruptible = null;
    }
    checkpoint();
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }

  /** Throws {@link CanceledFailure} when the run has been cancelled: a point where it may stop. */
  void checkpoint() {
    if (requested != null && !closed) throw stopped();
  }

  /**
   * {@code action} takes back what the run just put into service under {@code key} (replacing what
   * was registered under it before), should the run be cancelled before its outcome.
   */
  void undoOnCancel(String key, String done, Runnable action) {
    undo.put(key, new Undo(done, action));
  }

  /**
   * Takes back everything registered, newest first; returns what was done, each failure included (a
   * failed step is reported and the next one still runs). {@code failed} gets the failures.
   */
  List<String> undo(List<String> failed) {
    List<Undo> all = new ArrayList<>(undo.values());
    undo.clear();
    List<String> done = new ArrayList<>();
    for (Undo u : all.reversed()) {
      try {
        u.action().run();
        done.add(u.done());
      } catch (ActivityFailure e) {
        String failure =
            "could not undo (" + u.done() + "): " + Failures.describe(e) + "; check what serves";
        done.add(failure);
        failed.add(failure);
      }
    }
    return done;
  }

  /** From here on the run only notifies: a cancel changes nothing any more. */
  void close() {
    closed = true;
  }

  /** Waits for a {@code cancel} Update still being authorised, so its caller gets an answer. */
  void awaitHandlers() {
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  /** The cancel that stopped the run (or came too late), or {@code null}. */
  CancelRecord requested() {
    return requested;
  }

  /** The {@code cancel} Update's validator: the shape of the request and the run's state. */
  String refusal(CancelRequest r) {
    String shape = r == null ? "say who cancels: --by NAME" : r.shapeRefusal();
    if (shape != null) return shape;
    return lateRefusal();
  }

  /**
   * The {@code cancel} Update: the worker authorises it by the model's approval policy (a local
   * activity, so its answer is in the history and its audit line in the worker's log); allowed, the
   * run stops at its next checkpoint. A refusal is answered, and the run goes on.
   */
  CancelRecord receive(CancelRequest r, String model) {
    PolicyActivities policies =
        Workflow.newLocalActivityStub(PolicyActivities.class, StageOptions.policyLocal());
    long at = Workflow.currentTimeMillis();
    String detail = CancelRequest.detail(Workflow.getInfo().getWorkflowId());
    ActionVerdict v =
        policies.authorize(
            new ActionRequest(PolicyAction.CANCEL, model, r.by(), detail, r.voucher(), at));
    Stage now = stage.get();
    String refused = v.allowed() ? lateRefusal() : v.note();
    CancelRecord answer =
        new CancelRecord(
            r.by(),
            r.reason(),
            v.via(),
            at,
            now,
            refused == null,
            refused == null ? v.note() : refused);
    if (answer.accepted()) request(answer);
    return answer;
  }

  private String lateRefusal() {
    if (requested != null) {
      return "already cancelled " + requested.describe() + "; the run is cleaning up";
    }
    if (closed) {
      return "the run has finished its stages: nothing left to cancel (`tollgate status` shows how"
          + " it ended)";
    }
    return null;
  }

  /** The first cancel stops the run; later ones change nothing. */
  private void request(CancelRecord r) {
    if (requested != null || closed) return;
    requested = r;
    if (interruptible != null) interruptible.cancel(r.reasonOrNone());
  }

  private CanceledFailure stopped() {
    return new CanceledFailure("cancelled " + requested.describe());
  }
}
