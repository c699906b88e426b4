package dev.tollgate.cli.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import dev.tollgate.cli.worker.WorkerLauncher;
import dev.tollgate.examples.energy.EnergyDataGenerator;
import dev.tollgate.worker.temporal.TemporalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code tollgate cancel} (issue 22, item 2): its help and usage errors, and against a worker app
 * on its embedded server in this process, whose approval policy lets only alice cancel: bob is
 * refused with the policy's reason and the run waits on; alice's cancel ends it CANCELLED, its
 * version archived, and {@code status} says who and why.
 */
class CancelCommandTest {
  private static final String POLICY =
      """
      model: "*"
      approvers: [alice, bob]
      actions: { cancel: [alice] }
      """;

  @TempDir static Path dir;
  private static ConfigurableApplicationContext app;
  private static String address;

  @BeforeAll
  static void startWorker() throws Exception {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    Files.writeString(policies.resolve("all.yaml"), POLICY);
    var args = new ArrayList<>(WorkerLauncher.quietEmbeddedArgs(dir.resolve("home").toString()));
    args.add("--tollgate.data-access.roots=" + dir);
    args.add("--tollgate.approval-policy.dir=" + policies);
    app = WorkerLauncher.start(args);
    address = app.getBean(TemporalTarget.class).address();
  }

  @AfterAll
  static void stopWorker() {
    if (app != null) app.close();
  }

  private static CliRun cli(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--address";
    all[args.length + 1] = address;
    return CliRun.of(all);
  }

  @Test
  void helpSaysWhatItDoesWhoMayAndWhatItDoesNotCancel() {
    CliRun help = CliRun.of("cancel", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("Usage: tollgate cancel")
        .contains("Cancel a pipeline run, saying who and why.")
        .contains("actions.cancel")
        .contains("--by=NAME", "--reason=TEXT", "--no-wait", "--via=URL")
        .contains("schedule disable")
        .contains("Exit codes:");
    assertThat(CliRun.of("--help").out()).contains("cancel").contains("Cancel a pipeline run");
  }

  @Test
  void usageErrorsSayWhatIsMissingOrWhatToUseInstead() {
    CliRun noReason = CliRun.of("cancel", "m/r1", "--by", "alice");
    assertThat(noReason.exitCode()).isEqualTo(2);
    assertThat(noReason.err()).contains("Missing required option: '--reason=TEXT'");

    CliRun noName = CliRun.of("cancel", "m/r1", "--reason", "x");
    assertThat(noName.exitCode()).isEqualTo(2);
    assertThat(noName.err()).contains("--by NAME is required (or --via URL --identity FILE)");

    CliRun guardian = CliRun.of("cancel", "guardian/energy", "--by", "alice", "--reason", "x");
    assertThat(guardian.exitCode()).isEqualTo(2);
    assertThat(guardian.err())
        .contains("guardian/energy is a guardian, not a run")
        .contains("tollgate schedule disable energy --by NAME");

    CliRun rollback = CliRun.of("cancel", "rollback/energy", "--by", "alice", "--reason", "x");
    assertThat(rollback.exitCode()).isEqualTo(2);
    assertThat(rollback.err()).contains("is a rollback: it is not cancelled half-way");

    CliRun notARun = CliRun.of("cancel", "energy", "--by", "alice", "--reason", "x");
    assertThat(notARun.exitCode()).isEqualTo(2);
    assertThat(notARun.err()).contains("a run is named pipeline/<model>/<run-id>");
  }

  @Test
  void thePolicyRefusesBobAndAlicesCancelEndsTheRunCancelledAndArchived() throws Exception {
    EnergyDataGenerator.write(dir.resolve("load.csv"), 42, 2000);
    Path spec =
        Files.writeString(
            dir.resolve("cx.yaml"),
            """
            model: cx
            data: { train: file:load.csv, target: load, features: [hour, temperature, humidity] }
            training: { algorithm: gradient_boosting, params: { trees: 20 } }
            approval: { approvers: [alice, bob], timeout: 1h }
            """);
    assertThat(cli("run", "--spec", spec.toString(), "--run-id", "r1").exitCode()).isZero();
    for (int i = 0; i < 240 && !cli("status", "cx/r1").out().contains("AWAITING_APPROVAL"); i++) {
      Thread.sleep(250);
    }
    assertThat(cli("status", "cx/r1").out()).contains("AWAITING_APPROVAL");

    CliRun bob = cli("cancel", "cx/r1", "--by", "bob", "--reason", "not mine to stop");
    assertThat(bob.exitCode()).as(bob.out() + bob.err()).isEqualTo(1);
    assertThat(bob.err())
        .contains("refused by pipeline/cx/r1: 'bob' may not cancel a run of cx")
        .contains("allows alice");
    assertThat(cli("status", "cx/r1").out()).contains("AWAITING_APPROVAL");

    CliRun alice = cli("cancel", "cx/r1", "--by", "alice", "--reason", "wrong data window");
    assertThat(alice.exitCode()).as(alice.out() + alice.err()).isZero();
    assertThat(alice.out())
        .contains("Cancelling pipeline/cx/r1 by alice (claim) during awaiting approval")
        .contains("CANCELLED cx v1")
        .contains("cx v1 archived");

    CliRun status = cli("status", "cx/r1");
    assertThat(status.out())
        .contains("outcome   CANCELLED cx v1")
        .contains("cancelled by alice (claim) during awaiting approval: wrong data window")
        .contains("clean-up  cx v1 archived")
        .contains("AWAITING_APPROVAL")
        .contains("cancelled by alice (claim) during awaiting approval");
    assertThat(cli("models", "show", "cx").out())
        .containsPattern("v1 +archived .*\\(cancelled: by alice: wrong data window\\)");

    CliRun again = cli("cancel", "cx/r1", "--by", "alice", "--reason", "twice");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("no running pipeline pipeline/cx/r1 to cancel");
  }
}
