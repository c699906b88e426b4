package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The run as the server's visibility store sees it: Tollgate's search attributes and summary memo
 * follow the run, and {@code tollgate runs} and {@code tollgate pending} find it by them.
 */
@ExtendWith(SharedStack.class)
class VisibilityIT {
  private static final String RUN = "it-visible/r1";
  private static final String WORKFLOW_ID = "pipeline/" + RUN;
  private static final Duration INDEXED = Duration.ofSeconds(30);

  @Test
  void aRunIsFoundByItsStageWhileItWaitsAndByItsOutcomeOnceItEnds() {
    SharedStack stack = SharedStack.get();
    Cli cli = stack.cli();
    Runs runs = new Runs(cli, () -> stack.worker().tail());
    Path spec = stack.spec(ItSpecs.Spec.quick("it-visible"));
    assertThat(cli.run("run", "--spec", spec.toString(), "--run-id", "r1").exitCode()).isZero();
    runs.awaitStage(RUN, "AWAITING_APPROVAL", Duration.ofMinutes(3));

    ProcResult waiting =
        awaitListed("runs --stage AWAITING_APPROVAL", cli, "runs", "--stage", "AWAITING_APPROVAL");
    assertThat(waiting.out()).containsPattern(WORKFLOW_ID + "\\s+AWAITING_APPROVAL\\s+-");
    // A running run's summary comes from its attributes (its memo is written at start and end).
    assertThat(waiting.out()).contains("it-visible v1: awaiting approval");

    ProcResult pending = cli.run("pending");
    assertThat(pending.exitCode()).as(pending.toString()).isZero();
    assertThat(pending.out())
        .as(pending.toString())
        .contains(WORKFLOW_ID + "  it-visible v1")
        .contains("asked of alice or bob, 0 of 1 approval(s) so far");

    JsonNode described = Visibility.describe(stack.server(), SharedStack.NAMESPACE, WORKFLOW_ID);
    Map<String, JsonNode> attributes = Visibility.searchAttributes(described);
    assertThat(attributes.get("TollgateModel").asText()).isEqualTo("it-visible");
    assertThat(attributes.get("TollgateStage").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(attributes.get("TollgateModelVersion").asInt()).isEqualTo(1);
    assertThat(attributes).doesNotContainKey("TollgateOutcome");
    assertThat(Visibility.memo(described, "trigger")).startsWith("manual by ");

    assertThat(cli.approve(RUN, "bob").exitCode()).isZero();
    runs.awaitFinished(RUN, Duration.ofMinutes(2));

    ProcResult deployed =
        awaitListed(
            "runs --outcome DEPLOYED --model it-visible",
            cli,
            "runs",
            "--outcome",
            "DEPLOYED",
            "--model",
            "it-visible");
    assertThat(deployed.out()).containsPattern(WORKFLOW_ID + "\\s+COMPLETED\\s+DEPLOYED");
    ProcResult stillWaiting =
        cli.run("runs", "--stage", "AWAITING_APPROVAL", "--model", "it-visible");
    assertThat(stillWaiting.exitCode()).isZero();
    assertThat(stillWaiting.out()).doesNotContain(WORKFLOW_ID);
    assertThat(cli.run("pending").out()).doesNotContain(WORKFLOW_ID);

    Map<String, JsonNode> after =
        Visibility.searchAttributes(
            Visibility.describe(stack.server(), SharedStack.NAMESPACE, WORKFLOW_ID));
    assertThat(after.get("TollgateStage").asText()).isEqualTo("COMPLETED");
    assertThat(after.get("TollgateOutcome").asText()).isEqualTo("DEPLOYED");
  }

  /** Visibility is indexed a moment after the change: waits until the listing shows the run. */
  private static ProcResult awaitListed(String what, Cli cli, String... args) {
    return Await.until(
        WORKFLOW_ID + " in `tollgate " + what + "`",
        INDEXED,
        () -> cli.run(args),
        r -> r.exitCode() == 0 && r.out().contains(WORKFLOW_ID),
        () -> "");
  }
}
