package dev.tollgate.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.SearchAttributes;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.Trigger;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.Outcome;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery workflow against a fake pipeline and recorded GitHub calls: which runs it starts
 * with which ids and options, and which statuses and comment it posts, for a push, a pull request,
 * specs that do not parse, a commit the remote does not have, and GitHub down.
 */
class GitHubDeliveryWorkflowTest {
  static final String SHA = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";
  static final String DELIVERY_ID = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
  static final CommitLineage COMMIT =
      new CommitLineage("https://github.com/acme/energy.git", "main", SHA, "Ada", false);

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final RecordingCommits commits = new RecordingCommits();

  @BeforeEach
  void setUp() {
    FakePipeline.reset();
    SearchAttributes.ALL.forEach(k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
    Worker w = env.newWorker(TaskQueues.PIPELINE);
    w.registerWorkflowImplementationTypes(GitHubDeliveryWorkflowImpl.class);
    w.registerWorkflowImplementationFactory(PipelineWorkflow.class, FakePipeline::new);
    w.registerActivitiesImplementations(commits);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  static PipelineSpec spec(String model, String extra) {
    return SpecParser.parse(
        """
        model: %s
        data: {train: file:/data/load.csv, target: load, features: [temperature]}
        training: {algorithm: gradient_boosting}
        approval: {approvers: [alice]}
        %s
        """
            .formatted(model, extra),
        "s.yaml",
        Path.of("/"));
  }

  static GitHubDelivery push() {
    return new GitHubDelivery(
        DELIVERY_ID, "push", "", "acme/energy", "", "refs/heads/main", SHA, 0, List.of(), "0");
  }

  static GitHubDelivery pullRequest() {
    return new GitHubDelivery(
        DELIVERY_ID,
        "pull_request",
        "synchronize",
        "acme/energy",
        "",
        "feature",
        SHA,
        12,
        List.of(),
        "0");
  }

  /**
   * Writes the delivery's history to target/recorded-histories/{@code name} and replays it (copied
   * to src/test/resources/histories/, {@link GitHubDeliveryReplayTest} replays it on every build).
   */
  private void record(GitHubDelivery d, String name) throws Exception {
    WorkflowExecutionHistory history =
        env.getWorkflowClient().fetchHistory(GitHubDelivery.workflowId(d.deliveryId()));
    Path out = Path.of("target", "recorded-histories");
    Files.createDirectories(out);
    Files.writeString(out.resolve(name), history.toJson(true));
    WorkflowReplayer.replayWorkflowExecution(history, GitHubDeliveryWorkflowImpl.class);
  }

  private DeliveryResult deliver(GitHubDelivery d) {
    GitHubDeliveryWorkflow wf =
        env.getWorkflowClient()
            .newWorkflowStub(
                GitHubDeliveryWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TaskQueues.PIPELINE)
                    .setWorkflowId(GitHubDelivery.workflowId(d.deliveryId()))
                    .build());
    return wf.record(d);
  }

  @Test
  void aPushStartsOneRunPerSpecAndPostsPendingThenTheirEnds() throws Exception {
    FakePipeline.outcomes.put("alpha", Outcome.DEPLOYED);
    FakePipeline.outcomes.put("beta", Outcome.REJECTED_BY_VALIDATION);
    commits.plan =
        new DeliveryPlan(
            COMMIT,
            List.of(
                new PlannedRun("specs/alpha.yaml", spec("alpha", "")),
                new PlannedRun("specs/beta.yaml", spec("beta", ""))),
            List.of());

    DeliveryResult result = deliver(push());

    assertThat(FakePipeline.started)
        .extracting(FakePipeline.Started::workflowId)
        .containsExactlyInAnyOrder(
            "pipeline/alpha/push-1a2b3c4-72d3162e", "pipeline/beta/push-1a2b3c4-72d3162e");
    for (FakePipeline.Started s : FakePipeline.started) {
      assertThat(s.parentId()).isEqualTo("github-delivery/" + DELIVERY_ID);
      var o = s.request().options();
      assertThat(o.runId()).isEqualTo("push-1a2b3c4-72d3162e");
      assertThat(o.trigger()).isEqualTo(Trigger.PUSH);
      assertThat(o.triggeredBy()).isEqualTo("github");
      assertThat(o.reason()).isEqualTo("push to main at 1a2b3c4");
      assertThat(o.commit()).isEqualTo(COMMIT);
    }
    assertThat(commits.states("tollgate/specs/alpha.yaml")).containsExactly("pending", "success");
    assertThat(commits.states("tollgate/specs/beta.yaml")).containsExactly("pending", "failure");
    StatusPost alpha = commits.last("tollgate/specs/alpha.yaml");
    assertThat(alpha.sha()).isEqualTo(SHA);
    assertThat(alpha.repository()).isEqualTo("acme/energy");
    assertThat(alpha.description()).startsWith("DEPLOYED alpha v4");
    assertThat(alpha.targetUrl()).isEqualTo("https://reports.example.com/v4/validation.html");
    StatusPost beta = commits.last("tollgate/specs/beta.yaml");
    assertThat(beta.description()).contains("failed rmse");
    assertThat(beta.targetUrl()).as("a file: report is no link").isNull();
    assertThat(commits.comments).isEmpty();
    assertThat(result.specs())
        .extracting(DeliveryResult.SpecResult::specPath, DeliveryResult.SpecResult::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("specs/alpha.yaml", "DEPLOYED"),
            org.assertj.core.groups.Tuple.tuple("specs/beta.yaml", "REJECTED_BY_VALIDATION"));
    record(push(), "github-delivery-push.json");
  }

  @Test
  void aSpecThatDoesNotParseGetsAFailedStatusNamingFileAndKeyAndNoRun() {
    commits.plan =
        new DeliveryPlan(
            COMMIT,
            List.of(),
            List.of(new SpecProblem("specs/bad.yaml", "training.algorithm", "unknown 'xgb'")));

    DeliveryResult result = deliver(push());

    assertThat(FakePipeline.started).isEmpty();
    assertThat(commits.statuses).hasSize(1);
    StatusPost s = commits.statuses.get(0);
    assertThat(s.context()).isEqualTo("tollgate/specs/bad.yaml");
    assertThat(s.state()).isEqualTo("failure");
    assertThat(s.description()).isEqualTo("specs/bad.yaml: training.algorithm: unknown 'xgb'");
    assertThat(result.specs().get(0).workflowId()).isNull();
    assertThat(result.specs().get(0).problem()).isEqualTo("training.algorithm: unknown 'xgb'");
  }

  @Test
  void aCommitTheRemoteDoesNotHaveIsAnErrorOnTheDelivery() {
    commits.commitMissing = true;

    DeliveryResult result = deliver(push());

    assertThat(commits.plans.get()).as("not retried").isEqualTo(1);
    assertThat(FakePipeline.started).isEmpty();
    assertThat(commits.statuses)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.context()).isEqualTo("tollgate");
              assertThat(s.state()).isEqualTo("error");
              assertThat(s.description())
                  .isEqualTo("commit 1a2b3c4 not found on the configured remote");
            });
    assertThat(result.note()).isEqualTo("commit 1a2b3c4 not found on the configured remote");
  }

  @Test
  void aPushThatChangedNoSpecStartsNothingAndPostsNothing() {
    commits.plan = new DeliveryPlan(COMMIT, List.of(), List.of());

    DeliveryResult result = deliver(push());

    assertThat(FakePipeline.started).isEmpty();
    assertThat(commits.statuses).isEmpty();
    assertThat(result.specs()).isEmpty();
    assertThat(result.note()).isEqualTo("no affected spec");
  }

  @Test
  void aPullRequestRunsChecksAndPostsOneCommentWithEverySpec() throws Exception {
    FakePipeline.outcomes.put("alpha", Outcome.VALIDATED);
    commits.plan =
        new DeliveryPlan(
            COMMIT,
            List.of(
                new PlannedRun("specs/alpha.yaml", spec("alpha", "pull_request: {timeout: 30m}"))),
            List.of(new SpecProblem("specs/bad.yaml", "data.target", "missing")));

    DeliveryResult result = deliver(pullRequest());

    FakePipeline.Started s = FakePipeline.started.get(0);
    assertThat(s.workflowId()).isEqualTo("pipeline/alpha/pr12-1a2b3c4-72d3162e");
    assertThat(s.request().options().trigger()).isEqualTo(Trigger.PULL_REQUEST);
    assertThat(s.request().options().reason()).isEqualTo("pull request #12 at 1a2b3c4");
    assertThat(s.executionTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(commits.states("tollgate/specs/alpha.yaml")).containsExactly("pending", "success");
    assertThat(commits.states("tollgate/specs/bad.yaml")).containsExactly("failure");
    assertThat(commits.comments)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo("pr-12");
              assertThat(c.pullRequest()).isEqualTo(12);
              assertThat(c.repository()).isEqualTo("acme/energy");
              assertThat(c.body())
                  .contains("Tollgate check of `1a2b3c4`")
                  .contains("`specs/alpha.yaml`")
                  .contains("VALIDATED")
                  .contains("`specs/bad.yaml`")
                  .contains("data.target: missing");
            });
    assertThat(result.specs())
        .extracting(DeliveryResult.SpecResult::state)
        .containsExactly("success", "failure");
    record(pullRequest(), "github-delivery-pull-request.json");
  }

  @Test
  void aCheckRunPastItsTimeoutIsAFailedStatus() {
    FakePipeline.outcomes.put("alpha", Outcome.VALIDATED);
    FakePipeline.takes.put("alpha", Duration.ofHours(2));
    commits.plan =
        new DeliveryPlan(
            COMMIT,
            List.of(
                new PlannedRun("specs/alpha.yaml", spec("alpha", "pull_request: {timeout: 30m}"))),
            List.of());

    DeliveryResult result = deliver(pullRequest());

    assertThat(commits.states("tollgate/specs/alpha.yaml")).containsExactly("pending", "failure");
    assertThat(commits.last("tollgate/specs/alpha.yaml").description())
        .isEqualTo("timed out after 30m");
    assertThat(result.specs().get(0).outcome()).isEqualTo("TIMED_OUT");
    assertThat(commits.comments)
        .singleElement()
        .satisfies(c -> assertThat(c.body()).contains("timed out after 30m"));
  }

  @Test
  void statusesArePostedOnceWhenGitHubComesBack() {
    FakePipeline.outcomes.put("alpha", Outcome.DEPLOYED);
    commits.outages.set(3);
    commits.plan =
        new DeliveryPlan(
            COMMIT, List.of(new PlannedRun("specs/alpha.yaml", spec("alpha", ""))), List.of());

    DeliveryResult result = deliver(push());

    assertThat(FakePipeline.started).hasSize(1);
    assertThat(commits.attempts.get()).isEqualTo(5);
    assertThat(commits.states("tollgate/specs/alpha.yaml")).containsExactly("pending", "success");
    assertThat(result.specs().get(0).state()).isEqualTo("success");
  }

  @Test
  void twoSpecsOfOneModelRunOnceAndTheOtherSaysItCouldNotStart() {
    FakePipeline.outcomes.put("alpha", Outcome.DEPLOYED);
    FakePipeline.takes.put("alpha", Duration.ofMinutes(5));
    commits.plan =
        new DeliveryPlan(
            COMMIT,
            List.of(
                new PlannedRun("specs/a1.yaml", spec("alpha", "")),
                new PlannedRun("specs/a2.yaml", spec("alpha", ""))),
            List.of());

    DeliveryResult result = deliver(push());

    assertThat(FakePipeline.started).hasSize(1);
    assertThat(result.specs())
        .extracting(DeliveryResult.SpecResult::state)
        .containsExactlyInAnyOrder("success", "failure");
    assertThat(result.specs())
        .filteredOn(r -> r.state().equals("failure"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.description())
                    .isEqualTo("not started: pipeline/alpha/push-1a2b3c4-72d3162e exists already"));
  }
}
