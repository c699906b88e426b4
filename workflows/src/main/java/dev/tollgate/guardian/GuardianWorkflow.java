package dev.tollgate.guardian;

import dev.tollgate.spec.PipelineSpec;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One per model, ID {@code guardian/<model>}: starts the model's pipeline runs by itself — on its
 * cron, when the newest data drifted from what Production was trained on, when the source grew by
 * {@code schedule.min_new_rows} — with at most one run in flight, a cooldown and a weekly budget
 * for data-triggered retrains, and a bounded log of every decision. Lives for months on durable
 * timers, continuing as new to keep its history short, so it works on any Temporal server,
 * including the embedded test server (which has no Schedules API).
 */
@WorkflowInterface
public interface GuardianWorkflow {

  /**
   * Runs until disabled (continuing as new on the way); the result says who disabled it, when, and
   * the run it left going.
   */
  @WorkflowMethod
  GuardianResult run(GuardianRequest request);

  /**
   * Stop starting runs (cron ticks are recorded as skipped) until {@link #resume}. A signal is
   * authorised by the worker's approval policy like {@link #control}, and its answer is only in the
   * action log: prefer {@link #control}.
   */
  @SignalMethod
  void pause(String by, String reason);

  @SignalMethod
  void resume(String by);

  /**
   * A newer spec, from before {@link #control}: since the approval policy it is taken only when it
   * is the spec of the worker's specs folder, and refused (in the action log) otherwise.
   */
  @SignalMethod
  void updateSpec(PipelineSpec spec);

  /** End the guardian; a run it started goes on (children are abandoned, not cancelled). */
  @SignalMethod
  void disable(String by);

  /**
   * Pause, resume, disable or a new spec, with an answer: the worker authorises the request by the
   * model's approval policy (who may control its schedule; a verified identity where the policy
   * requires one; a new spec only from the worker's specs folder or sealed by a worker), the
   * guardian acts if allowed, and the answer, allowed or refused, goes into its action log.
   */
  @UpdateMethod
  ActionRecord control(GuardianControl request);

  @UpdateValidatorMethod(updateName = "control")
  void validateControl(GuardianControl request);

  /**
   * Start a run now, for {@code reason}: the answer says whether it started, was queued behind the
   * run in flight or was skipped, and why. Refused while paused or disabled.
   */
  @UpdateMethod
  TriggerRecord triggerNow(TriggerRequest request);

  @UpdateValidatorMethod(updateName = "triggerNow")
  void validateTriggerNow(TriggerRequest request);

  /**
   * Next cron fires, the data checks' cadence and next check, the last check's drift, the recent
   * triggers, paused. Only for a running guardian: a closed one answers from its replayed end.
   */
  @QueryMethod
  GuardianStatus status();
}
