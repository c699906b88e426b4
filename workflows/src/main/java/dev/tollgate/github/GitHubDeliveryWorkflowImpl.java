package dev.tollgate.github;

import dev.tollgate.pipeline.PipelineRequest;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.RunOptions;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.spec.PipelineSpec;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Reads the delivery's commit ({@link CommitActivities#plan}), posts a failed status for each spec
 * that does not parse, and for each that does posts a pending status and starts its run as a child
 * (abandoned on close: cancelling a delivery never stops a run). Each run is followed on its own
 * workflow thread, so each spec's final status goes out when its run ends; a pull request then gets
 * its one comment. Statuses are retried while GitHub is down ({@link DeliveryOptions#post}); a
 * status GitHub refuses is noted and the runs go on.
 */
public final class GitHubDeliveryWorkflowImpl implements GitHubDeliveryWorkflow {
  private static final Logger log = Workflow.getLogger(GitHubDeliveryWorkflowImpl.class);

  private final CommitActivities commits =
      Workflow.newActivityStub(CommitActivities.class, DeliveryOptions.plan());
  private final CommitActivities github =
      Workflow.newActivityStub(CommitActivities.class, DeliveryOptions.post());

  /** A spec's run as it ended: its line of the result, and its end for the comment. */
  private record Followed(DeliveryResult.SpecResult line, SpecEnd end) {}

  @Override
  public DeliveryResult record(GitHubDelivery delivery) {
    DeliveryPlan plan;
    try {
      plan = commits.plan(delivery);
    } catch (ActivityFailure e) {
      String note = unreadable(delivery, e);
      waitFor(post(delivery, DeliveryRuns.DELIVERY_CONTEXT, "error", note, null));
      return result(delivery, List.of(), note);
    }
    if (plan.runs().isEmpty() && plan.problems().isEmpty()) {
      log.info("delivery {}: no affected spec", delivery.deliveryId());
      return result(delivery, List.of(), "no affected spec");
    }
    boolean pullRequest = DeliveryRuns.isPullRequest(delivery);
    List<Promise<Followed>> runs = new ArrayList<>();
    for (PlannedRun run : plan.runs()) {
      runs.add(Async.function(() -> follow(delivery, plan, run, pullRequest)));
    }
    List<Promise<StatusPosted>> problemStatuses = new ArrayList<>();
    for (SpecProblem p : plan.problems()) {
      problemStatuses.add(
          post(
              delivery,
              DeliveryRuns.context(p.specPath()),
              "failure",
              SpecEnd.cut(p.specPath() + ": " + DeliveryComment.problemText(p)),
              null));
    }
    List<DeliveryResult.SpecResult> specs = new ArrayList<>();
    List<DeliveryComment.Part> parts = new ArrayList<>();
    for (Promise<Followed> run : runs) {
      Followed f = run.get();
      specs.add(f.line());
      parts.add(new DeliveryComment.Part(f.line().specPath(), f.end(), null));
    }
    for (SpecProblem p : plan.problems()) {
      String text = DeliveryComment.problemText(p);
      specs.add(new DeliveryResult.SpecResult(p.specPath(), null, text, null, "failure", text));
      parts.add(new DeliveryComment.Part(p.specPath(), null, p));
    }
    problemStatuses.forEach(this::waitFor);
    if (pullRequest) {
      String body = DeliveryComment.render(delivery, parts);
      waitFor(
          Async.function(
              github::upsertComment,
              new CommentPost(
                  delivery.repository(),
                  delivery.pullRequest(),
                  DeliveryRuns.commentKey(delivery),
                  body)));
    }
    return result(delivery, specs, "");
  }

  /** One spec: pending status, the run, its final status. */
  private Followed follow(
      GitHubDelivery delivery, DeliveryPlan plan, PlannedRun run, boolean pullRequest) {
    PipelineSpec spec = run.spec();
    RunOptions options = DeliveryRuns.options(delivery, plan.commit());
    String workflowId = WorkflowIds.pipeline(spec.model(), options.runId());
    String context = DeliveryRuns.context(run.specPath());
    Promise<StatusPosted> pending =
        post(
            delivery,
            context,
            "pending",
            SpecEnd.cut((pullRequest ? "checking " : "running ") + workflowId),
            null);
    Duration limit = pullRequest ? spec.pullRequestOrDefault().timeout() : null;
    PipelineWorkflow child =
        Workflow.newChildWorkflowStub(
            PipelineWorkflow.class, DeliveryOptions.run(spec.model(), options.runId(), limit));
    Promise<PipelineResult> result = Async.function(child::run, new PipelineRequest(spec, options));
    SpecEnd end;
    boolean started = false;
    try {
      Workflow.getWorkflowExecution(child).get();
      started = true;
      log.info("delivery {} started {}", delivery.deliveryId(), workflowId);
      end = SpecEnd.of(result.get(), pullRequest);
    } catch (ChildWorkflowFailure e) {
      // not started: the id is taken (two specs of one model in one delivery, say)
      end =
          !started
              ? SpecEnd.without("not started: " + workflowId + " exists already")
              : e.getCause() instanceof TimeoutFailure && limit != null
                  ? SpecEnd.timedOut(limit)
                  : SpecEnd.without("ended without a result: " + rootMessage(e));
    }
    waitFor(pending); // the final status after the pending one, never overtaken by it
    waitFor(post(delivery, context, end.state(), end.description(), end.targetUrl()));
    return new Followed(
        new DeliveryResult.SpecResult(
            run.specPath(), workflowId, null, end.outcome(), end.state(), end.description()),
        end);
  }

  private Promise<StatusPosted> post(
      GitHubDelivery d, String context, String state, String description, String targetUrl) {
    return Async.function(
        github::postStatus,
        new StatusPost(d.repository(), d.sha(), context, state, description, targetUrl));
  }

  /** Waits for a post; one given up on (a day of GitHub down) is noted, never a failure. */
  private StatusPosted waitFor(Promise<StatusPosted> post) {
    try {
      StatusPosted posted = post.get();
      if (!posted.posted()) log.warn("GitHub refused a status or comment: {}", posted.note());
      return posted;
    } catch (ActivityFailure e) {
      log.warn("gave up posting to GitHub: {}", rootMessage(e));
      return new StatusPosted(false, "gave up: " + rootMessage(e));
    }
  }

  /** "commit 1a2b3c4 not found on the configured remote", or why it could not be read. */
  private static String unreadable(GitHubDelivery d, ActivityFailure e) {
    String sha7 = DeliveryRuns.sha7(d.sha());
    if (e.getCause() instanceof ApplicationFailure a
        && CommitActivities.COMMIT_NOT_FOUND.equals(a.getType())) {
      return "commit " + sha7 + " not found on the configured remote";
    }
    return SpecEnd.cut("could not read commit " + sha7 + ": " + rootMessage(e));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) t = t.getCause();
    String m = t instanceof TemporalFailure f ? f.getOriginalMessage() : t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  private static DeliveryResult result(
      GitHubDelivery d, List<DeliveryResult.SpecResult> specs, String note) {
    return new DeliveryResult(d.deliveryId(), d.event(), d.sha(), specs, note);
  }
}
