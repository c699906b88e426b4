package dev.tollgate.it;

import dev.tollgate.adapters.github.FakeGitHub;
import java.time.Duration;
import java.util.List;

/**
 * What the GitHub ITs wait for and count: the statuses and comments the stand-in got, the delivery
 * workflows and the runs of a commit as the server's visibility store sees them.
 */
final class GitHubChecks {
  static final Duration SHORT = Duration.ofSeconds(60);
  static final Duration TO_GATE = Duration.ofMinutes(3);

  private final GitHubStack stack;

  GitHubChecks(GitHubStack stack) {
    this.stack = stack;
  }

  /** The statuses posted on {@code sha} with {@code context}, in the order they came. */
  List<FakeGitHub.Status> statuses(String sha, String context) {
    return stack.github().statuses.stream()
        .filter(s -> s.sha().equals(sha) && s.context().equals(context))
        .toList();
  }

  /** Waits until a status in {@code state} is posted on {@code sha} with {@code context}. */
  List<FakeGitHub.Status> awaitStatus(String sha, String context, String state, Duration timeout) {
    return Await.until(
        "a " + state + " status " + context + " on " + sha,
        timeout,
        () -> statuses(sha, context),
        list -> list.stream().anyMatch(s -> s.state().equals(state)),
        () -> "All statuses: " + stack.github().statuses + "\n" + stack.hint());
  }

  List<FakeGitHub.Comment> comments(int pullRequest) {
    return stack.github().comments.stream().filter(c -> c.issue() == pullRequest).toList();
  }

  /** Executions matching a visibility query in the GitHub worker's namespace. */
  long count(String query) {
    return Visibility.count(stack.server(), SharedStack.GITHUB_NAMESPACE, query);
  }

  /** Pipeline runs (not delivery workflows) that carry the commit. */
  long runsOf(String sha) {
    return count("TollgateCommit = '" + sha + "'");
  }

  /** Waits until {@code n} runs carry the commit (visibility is indexed a moment later). */
  void awaitRunsOf(String sha, long n, Duration timeout) {
    Await.until(
        n + " run(s) of commit " + sha,
        timeout,
        () -> runsOf(sha),
        found -> found == n,
        stack::hint);
  }

  /** Waits until the delivery's workflow has ended (whatever it decided), returns its status. */
  String awaitDeliveryClosed(String deliveryId, Duration timeout) {
    String id = "github-delivery/" + deliveryId;
    return Await.until(
        id + " to end",
        timeout,
        () -> {
          ProcResult r =
              stack
                  .server()
                  .temporal(
                      "workflow",
                      "describe",
                      "-n",
                      SharedStack.GITHUB_NAMESPACE,
                      "-w",
                      id,
                      "-o",
                      "json");
          return r.exitCode() == 0 ? r.out() : "describe failed: " + r;
        },
        out -> out.contains("WORKFLOW_EXECUTION_STATUS_") && !out.contains("STATUS_RUNNING"),
        stack::hint);
  }

  /** How many delivery workflows the id has (0 or 1: a redelivery records nothing). */
  long deliveries(String deliveryId) {
    return count("WorkflowId = 'github-delivery/" + deliveryId + "'");
  }
}
