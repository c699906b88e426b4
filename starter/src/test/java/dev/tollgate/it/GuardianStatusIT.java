package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code tollgate schedule status} on the real dev server (issue 22, items 1 and 5): a running
 * guardian shows its data-check cadence and next check and its run in flight as the server has it;
 * once disabled it says by whom and when, shows no next fire, check or run "in flight", and follows
 * the run it left going to its end. A paused native Schedule lists no next fires. No cron, no
 * waiting for a tick: a manual trigger starts the run.
 */
@ExtendWith(SharedStack.class)
class GuardianStatusIT {
  private static final String MODEL = "it-guard-status";
  private static final Pattern RUN = Pattern.compile("tollgate status (\\S+/manual-\\S+)");

  @Test
  void aDisabledGuardianSaysWhoDisabledItAndWhatBecameOfItsRun() throws Exception {
    SharedStack stack = SharedStack.get();
    Cli cli = stack.cli();
    Runs runs = new Runs(cli, () -> stack.worker().tail());
    Path spec = stack.spec(ItSpecs.Spec.quick(MODEL));
    Files.writeString(
        spec, Files.readString(spec) + "schedule:\n  drift_check_every: 1m\n  min_new_rows: 500\n");

    ProcResult enabled = cli.run("schedule", "enable", "--spec", spec.toString());
    assertThat(enabled.exitCode()).as(enabled.toString()).isZero();
    ProcResult triggered =
        cli.run("schedule", "trigger", MODEL, "--by", "alice", "--reason", "status IT");
    assertThat(triggered.exitCode()).as(triggered.toString()).isZero();
    Matcher m = RUN.matcher(triggered.out());
    assertThat(m.find()).as(triggered.toString()).isTrue();
    String run = m.group(1);

    ProcResult running = cli.run("schedule", "status", MODEL);
    assertThat(running.exitCode()).as(running.toString()).isZero();
    assertThat(running.out())
        .contains("guardian/" + MODEL + "  active")
        .containsPattern("data checks   every 1m, next \\S+ \\S+ \\S+ \\(in [^)]+\\)")
        .contains("retrain above drift share 0.50 or on 500 new rows")
        .containsPattern("in flight +" + run + ": running: ");

    ProcResult disabled = cli.run("schedule", "disable", MODEL, "--by", "alice");
    assertThat(disabled.exitCode()).as(disabled.toString()).isZero();
    ProcResult closed = cli.run("schedule", "status", MODEL);
    assertThat(closed.exitCode()).as(closed.toString()).isZero();
    assertThat(closed.out())
        .containsPattern(
            "guardian/"
                + MODEL
                + "  disabled by alice \\(claim\\) at \\S+ \\S+ \\S+ \\([^)]+ ago\\)")
        .containsPattern("run left +" + run + ": running: ")
        .doesNotContain("active", "next fires", "data checks")
        .doesNotContainPattern("(?m)^  in flight ");

    // The run goes on without its guardian; the closed guardian's status follows it to its end.
    runs.awaitStage(run, "AWAITING_APPROVAL", Duration.ofMinutes(3));
    assertThat(cli.approve(run, "alice").exitCode()).isZero();
    runs.awaitFinished(run, Duration.ofMinutes(2));
    ProcResult after = cli.run("schedule", "status", MODEL);
    assertThat(after.exitCode()).as(after.toString()).isZero();
    assertThat(after.out()).containsPattern("run left +" + run + ": ended .*: DEPLOYED");

    ProcResult nobody = cli.run("schedule", "status", "it-never-guarded");
    assertThat(nobody.exitCode()).as(nobody.toString()).isEqualTo(1);
    assertThat(nobody.err()).contains("has no guardian");
  }

  @Test
  void aPausedNativeScheduleListsNoNextFires() {
    SharedStack stack = SharedStack.get();
    Cli cli = stack.cli();
    Path spec = stack.spec(ItSpecs.Spec.quick("it-native-paused"));
    ProcResult created =
        cli.run("schedule", "create", "--spec", spec.toString(), "--every", "1m", "--paused");
    assertThat(created.exitCode()).as(created.toString()).isZero();
    ProcResult described = cli.run("schedule", "describe", "it-native-paused");
    assertThat(described.exitCode()).as(described.toString()).isZero();
    assertThat(described.out())
        .contains("tollgate-it-native-paused  PAUSED")
        .contains("next          none while paused: tollgate schedule unpause it-native-paused")
        .doesNotContainPattern("next +\\d{4}-");
    assertThat(cli.run("schedule", "delete", "it-native-paused").exitCode()).isZero();
  }
}
