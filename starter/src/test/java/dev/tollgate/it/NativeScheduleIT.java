package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A native Temporal Schedule on the real dev server, through the CLI: every minute it fires (twice
 * seen), pausing stops it, a backfill of three missed minutes starts three runs one after another
 * (BUFFER_ALL), and every run carries the schedule trigger for `tollgate runs --trigger`.
 */
@ExtendWith(SharedStack.class)
class NativeScheduleIT {
  private static final String MODEL = "it-native";
  private static final String RUNS = "WorkflowId STARTS_WITH 'pipeline/" + MODEL + "/sched-'";

  @Test
  void firesPausesAndBackfillsMissedIntervals() {
    SharedStack stack = SharedStack.get();
    Cli cli = stack.cli();
    // Runs end by themselves: the approval times out after 20 s (rejected), so overlapping fires
    // and buffered backfills move on.
    Path spec = stack.spec(ItSpecs.Spec.quick(MODEL).approvalTimeout("20s"));

    ProcResult created = cli.run("schedule", "create", "--spec", spec.toString(), "--every", "1m");
    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(created.out())
        .contains("Created schedule tollgate-" + MODEL + " (every 1m, overlap skip)");
    Await.until(
        "two scheduled runs",
        Duration.ofMinutes(3),
        () -> Visibility.count(stack.server(), RUNS),
        n -> n >= 2,
        () -> stack.worker().tail());

    ProcResult paused =
        cli.run("schedule", "pause", MODEL, "--native", "--by", "it", "--reason", "test");
    assertThat(paused.exitCode()).as(paused.toString()).isZero();
    BackgroundProcess.sleep(Duration.ofSeconds(3));
    long whenPaused = Visibility.count(stack.server(), RUNS);
    BackgroundProcess.sleep(Duration.ofSeconds(70));
    assertThat(Visibility.count(stack.server(), RUNS))
        .as("paused: no new fire")
        .isEqualTo(whenPaused);
    ProcResult described = cli.run("schedule", "describe", MODEL);
    assertThat(described.out()).contains("tollgate-" + MODEL + "  PAUSED  (paused by it: test)");

    Instant from = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
    Instant to = from.plus(Duration.ofMinutes(3)).minusSeconds(1);
    ProcResult backfill =
        cli.run("schedule", "backfill", MODEL, "--from", from.toString(), "--to", to.toString());
    assertThat(backfill.exitCode()).as(backfill.toString()).isZero();
    String missed =
        "WorkflowId IN ("
            + String.join(
                ", ",
                java.util.stream.IntStream.range(0, 3)
                    .mapToObj(
                        i ->
                            "'pipeline/"
                                + MODEL
                                + "/sched-"
                                + from.plus(Duration.ofMinutes(i))
                                + "'")
                    .toList())
            + ")";
    Await.until(
        "three backfilled runs to finish",
        Duration.ofMinutes(4),
        () -> Visibility.count(stack.server(), missed + " AND ExecutionStatus = 'Completed'"),
        n -> n == 3,
        () -> stack.worker().tail());
    // BUFFER_ALL: one after another, never two at once.
    var times =
        java.util.stream.IntStream.range(0, 3)
            .mapToObj(
                i ->
                    Visibility.describe(
                        stack.server(),
                        SharedStack.NAMESPACE,
                        "pipeline/" + MODEL + "/sched-" + from.plus(Duration.ofMinutes(i))))
            .map(d -> d.path("workflowExecutionInfo"))
            .toList();
    for (int i = 1; i < 3; i++) {
      Instant started = Instant.parse(times.get(i).path("startTime").asText());
      Instant previousClosed = Instant.parse(times.get(i - 1).path("closeTime").asText());
      assertThat(started)
          .as("run " + i + " waited for run " + (i - 1))
          .isAfterOrEqualTo(previousClosed);
    }

    ProcResult listed = cli.run("runs", "--model", MODEL, "--trigger", "schedule", "--limit", "20");
    assertThat(listed.exitCode()).as(listed.toString()).isZero();
    assertThat(listed.out().lines().filter(l -> l.contains("pipeline/" + MODEL + "/sched-")))
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(cli.run("runs", "--model", MODEL, "--trigger", "manual").out())
        .contains("No runs match");

    assertThat(cli.run("schedule", "delete", MODEL).exitCode()).isZero();
    assertThat(cli.run("schedule", "list").out()).doesNotContain("tollgate-" + MODEL);
  }
}
