package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cancelled run no longer looks alive (issue 22, item 2), on the real dev server with a worker
 * process: one run waiting for approval is cancelled with {@code tollgate cancel}, another with
 * {@code temporal workflow cancel}; afterwards neither is listed as awaiting approval, both are
 * listed as CANCELLED, the registry shows each version archived (cancelled, by whom) and the spec's
 * webhook got each run's FINISHED event with outcome CANCELLED. Its own worker (which may reach the
 * receiver on 127.0.0.1) and namespace on the shared server.
 */
@ExtendWith(SharedStack.class)
class CancelIT {
  private static final String MODEL = "it-cancel";
  private static final Duration TO_GATE = Duration.ofMinutes(3);
  private static final Duration INDEXED = Duration.ofSeconds(30);

  @Test
  void cancelledRunsEndCancelledArchivedListedAndAnnounced() {
    TemporalDevServer server = SharedStack.get().server();
    String ns = SharedStack.CANCEL_NAMESPACE;
    Cli cli = new Cli(server.address(), ns);
    try (WebhookReceiver webhook = new WebhookReceiver();
        WorkerProcess worker =
            WorkerProcess.start(
                "cancel",
                server.address(),
                ns,
                ItSettings.newWorkDir("cancel-home"),
                Map.of("TOLLGATE_OUTBOUND_ALLOWED_HOSTS", "127.0.0.1"))) {
      Runs runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
      Path spec =
          ItSpecs.write(
              ItSettings.newWorkDir("cancel-specs"),
              ItSpecs.Spec.quick(MODEL).webhook(webhook.url()));

      // r1: tollgate cancel, with who and why.
      assertThat(cli.run("run", "--spec", spec.toString(), "--run-id", "r1").exitCode()).isZero();
      runs.awaitStage(MODEL + "/r1", "AWAITING_APPROVAL", TO_GATE);
      ProcResult cancelled =
          cli.run("cancel", MODEL + "/r1", "--by", "alice", "--reason", "wrong data window");
      assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
      assertThat(cancelled.out())
          .contains("by alice (claim) during awaiting approval")
          .contains("CANCELLED " + MODEL + " v1");
      RunStatus r1 = runs.awaitFinished(MODEL + "/r1", TO_GATE);
      assertThat(r1.outcome()).as(r1.toString()).startsWith("CANCELLED " + MODEL + " v1");
      assertThat(r1.lines().get("cancelled"))
          .isEqualTo("by alice (claim) during awaiting approval: wrong data window");

      // r2: a cancel sent to Temporal directly: no name, but the same clean-up.
      assertThat(cli.run("run", "--spec", spec.toString(), "--run-id", "r2").exitCode()).isZero();
      runs.awaitStage(MODEL + "/r2", "AWAITING_APPROVAL", TO_GATE);
      ProcResult plain =
          server.temporal("workflow", "cancel", "-n", ns, "-w", "pipeline/" + MODEL + "/r2");
      assertThat(plain.exitCode()).as(plain.toString()).isZero();
      RunStatus r2 = runs.awaitFinished(MODEL + "/r2", TO_GATE);
      assertThat(r2.outcome()).as(r2.toString()).startsWith("CANCELLED " + MODEL + " v2");
      assertThat(r2.lines().get("cancelled")).startsWith("by unknown (temporal)");

      ProcResult listed =
          awaitListing(
              cli,
              r -> r.out().contains("pipeline/" + MODEL + "/r1") && r.out().contains("/r2"),
              "runs",
              "--outcome",
              "CANCELLED",
              "--model",
              MODEL);
      assertThat(listed.out())
          .containsPattern("pipeline/" + MODEL + "/r1\\s+COMPLETED\\s+CANCELLED");
      ProcResult waiting =
          awaitListing(
              cli,
              r -> !r.out().contains("pipeline/" + MODEL + "/"),
              "runs",
              "--stage",
              "AWAITING_APPROVAL",
              "--model",
              MODEL);
      assertThat(waiting.out()).contains("No runs match");

      ProcResult models = cli.run("models", "show", MODEL);
      assertThat(models.out())
          .as(models.toString())
          .containsPattern("v1 +archived .*\\(cancelled: by alice: wrong data window\\)")
          .containsPattern("v2 +archived .*\\(cancelled: by unknown: no reason given\\)");

      List<WebhookReceiver.Delivery> finished =
          Await.until(
              "the FINISHED events of both runs at the webhook",
              INDEXED,
              () ->
                  webhook.deliveries().stream()
                      .filter(d -> d.of(MODEL) && d.is("cancelled"))
                      .toList(),
              d -> d.size() == 2,
              worker::tail);
      assertThat(finished)
          .allSatisfy(d -> assertThat(d.body()).contains("\"outcome\":\"CANCELLED\""))
          .anySatisfy(d -> assertThat(d.body()).contains("\"cancelled_by\":\"alice\""))
          .anySatisfy(d -> assertThat(d.body()).contains("\"cancelled_by\":\"unknown\""));
    }
  }

  /** Visibility is indexed a moment after the change: polls until the listing satisfies. */
  private static ProcResult awaitListing(
      Cli cli, java.util.function.Predicate<ProcResult> done, String... args) {
    return Await.until(
        "`tollgate " + String.join(" ", args) + "`",
        INDEXED,
        () -> cli.run(args),
        r -> r.exitCode() == 0 && done.test(r),
        () -> "");
  }
}
