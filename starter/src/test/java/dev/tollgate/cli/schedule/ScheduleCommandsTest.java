package dev.tollgate.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import dev.tollgate.cli.worker.WorkerLauncher;
import dev.tollgate.examples.energy.EnergyDataGenerator;
import dev.tollgate.worker.temporal.TemporalTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The guardian commands against a worker app on its embedded server, in this process: enable,
 * status, trigger (a real run starts), pause (a trigger refused), resume, disable; and the native
 * Schedule commands refused there with a pointer to the guardian.
 */
class ScheduleCommandsTest {
  @TempDir static Path dir;
  private static ConfigurableApplicationContext app;
  private static String address;

  @BeforeAll
  static void startWorker() {
    var args =
        new java.util.ArrayList<>(WorkerLauncher.quietEmbeddedArgs(dir.resolve("home").toString()));
    args.add("--tollgate.data-access.roots=" + dir); // the specs' data sits beside the home
    app = WorkerLauncher.start(args);
    address = app.getBean(TemporalTarget.class).address();
  }

  @AfterAll
  static void stopWorker() {
    if (app != null) app.close();
  }

  private static CliRun cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--address";
    all[args.length + 1] = address;
    return CliRun.of(all);
  }

  private static Path spec(String model, String schedule) throws IOException {
    Path csv = dir.resolve(model + ".csv");
    if (!Files.exists(csv)) EnergyDataGenerator.write(csv, 42, 2000);
    return Files.writeString(
        dir.resolve(model + ".yaml"),
        """
        model: %s
        data:
          train: file:%s
          target: load
          features: [hour, temperature, humidity]
        training:
          algorithm: gradient_boosting
          params: { trees: 20 }
        approval:
          approvers: [alice]
          timeout: 1h
        %s
        """
            .formatted(model, csv.getFileName(), schedule));
  }

  @Test
  void theGuardianIsEnabledTriggeredPausedResumedAndDisabledFromTheCli() throws Exception {
    Path spec =
        spec(
            "guarded",
            """
            schedule:
              cron: "0 2 * * *"
              timezone: Europe/Berlin
              drift_check_every: 6h
            """);
    CliRun enabled = cli("schedule", "enable", "--spec", spec.toString());
    assertThat(enabled.exitCode()).as(enabled.err()).isZero();
    assertThat(enabled.out())
        .contains("Enabled guardian/guarded")
        .contains("cron          0 2 * * *  at 02:00 (Europe/Berlin)")
        .contains("next fires")
        .contains("data checks   every 6h");

    CliRun triggered =
        cli("schedule", "trigger", "guarded", "--by", "alice", "--reason", "new labels");
    assertThat(triggered.exitCode()).as(triggered.out() + triggered.err()).isZero();
    assertThat(triggered.out())
        .contains("manual STARTED manual-")
        .contains(": by alice: new labels");
    String run =
        triggered.out().lines().filter(l -> l.startsWith("Follow it")).findFirst().orElseThrow();
    assertThat(run).contains("tollgate status guarded/manual-");

    CliRun again = cli("schedule", "trigger", "guarded", "--by", "bob");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out())
        .contains("manual SKIPPED")
        .contains("in flight (schedule.overlap: skip)");

    assertThat(
            cli("schedule", "pause", "guarded", "--by", "alice", "--reason", "freeze").exitCode())
        .isZero();
    CliRun status = cli("schedule", "status", "guarded");
    assertThat(status.out())
        .contains("guardian/guarded  PAUSED by alice: freeze")
        .containsPattern("in flight +guarded/manual-\\S+: running: ")
        .contains("data checks   every 6h; paused: checks wait, the one due runs at resume");
    CliRun refused = cli("schedule", "trigger", "guarded", "--by", "bob");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("is paused by alice; resume it first");

    assertThat(cli("schedule", "resume", "guarded", "--by", "alice").exitCode()).isZero();
    CliRun active = cli("schedule", "status", "guarded");
    assertThat(active.out())
        .contains("guardian/guarded  active")
        .containsPattern("data checks   every 6h, next \\S+ \\S+ \\S+ \\(in [^)]+\\);")
        .contains("retrain above drift share 0.50");
    assertThat(cli("schedule", "disable", "guarded", "--by", "alice").out())
        .contains("Disabled guardian/guarded");

    // Issue 22, item 1: the closed guardian says so, and shows nothing as if it still ran.
    CliRun disabled = cli("schedule", "status", "guarded");
    assertThat(disabled.exitCode()).as(disabled.err()).isZero();
    assertThat(disabled.out())
        .containsPattern("guardian/guarded  disabled by alice \\(claim\\) at \\S+ \\S+ \\S+ \\(\\d")
        .containsPattern("run left +guarded/manual-\\S+: running: ")
        .contains("It starts no run by itself any more")
        .doesNotContain("active", "next fires", "data checks")
        .doesNotContainPattern("(?m)^  in flight ");
  }

  @Test
  void aTerminatedGuardianIsGoneAndSaysWhoEndedIt() throws IOException {
    Path spec = spec("ended", "schedule: {cron: \"0 2 * * *\"}");
    assertThat(cli("schedule", "enable", "--spec", spec.toString()).exitCode()).isZero();
    app.getBean(io.temporal.client.WorkflowClient.class)
        .newUntypedWorkflowStub("guardian/ended")
        .terminate("moved to another cluster");

    CliRun status = cli("schedule", "status", "ended");
    assertThat(status.exitCode()).as(status.out() + status.err()).isEqualTo(1);
    assertThat(status.out())
        .containsPattern(
            "guardian/ended  terminated at \\S+ \\S+ \\S+ \\([^)]+ ago\\) by .*: moved to another cluster")
        .contains("tollgate schedule enable --spec FILE")
        .doesNotContain("next fires", "active");
  }

  @Test
  void aSpecWithoutScheduleIsRefused() throws IOException {
    CliRun run = cli("schedule", "enable", "--spec", spec("plain", "").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("schedule: missing; a guardian needs cron, drift_check_every or min_new_rows");
  }

  @Test
  void anUnknownGuardianIsNamed() {
    CliRun run = cli("schedule", "status", "nobody");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("model nobody has no guardian on " + address)
        .contains("tollgate schedule enable --spec FILE");
  }

  @Test
  void nativeSchedulesOnTheEmbeddedServerPointToTheGuardian() throws IOException {
    CliRun run =
        cli(
            "schedule",
            "create",
            "--spec",
            spec("nightly", "schedule: {cron: \"0 2 * * *\"}").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("has no Schedules API (the embedded test server")
        .contains("tollgate schedule enable --spec FILE");
    assertThat(cli("schedule", "list").err()).contains("has no Schedules API");
  }
}
