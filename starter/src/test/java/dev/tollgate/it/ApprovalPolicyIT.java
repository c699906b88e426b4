package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The worker's approval policy end to end (issue 21, items 2 and 12): a worker process started with
 * a policy folder, the CLI as separate processes. A spec naming an approver the policy does not
 * list is refused before training; a spec asking one approval is raised to the policy's two; {@code
 * approve --by mallory} and {@code models alias --by mallory} are refused, and the worker's audit
 * log has the refusal. Its own worker and namespace on the shared server.
 */
@ExtendWith(SharedStack.class)
class ApprovalPolicyIT {
  private static final Duration TO_GATE = Duration.ofMinutes(3);
  private static final Duration TO_END = Duration.ofMinutes(2);
  private static final String POLICY =
      """
      # Written by ApprovalPolicyIT: every model, two of alice and bob; only alice moves aliases.
      model: "*"
      approvers: [alice, bob]
      min_approvals: 2
      actions: { alias: [alice] }
      """;

  @Test
  void aWeakerSpecIsRefusedOrRaisedAndNamesOutsideThePolicyAreRefused() throws IOException {
    TemporalDevServer server = SharedStack.get().server();
    Path policies = ItSettings.newWorkDir("policy-folder");
    Files.writeString(policies.resolve("all.yaml"), POLICY);
    Path specs = ItSettings.newWorkDir("policy-specs");
    Cli cli = new Cli(server.address(), SharedStack.POLICY_NAMESPACE);

    try (WorkerProcess worker =
        WorkerProcess.start(
            "policy",
            server.address(),
            SharedStack.POLICY_NAMESPACE,
            ItSettings.newWorkDir("policy-home"),
            Map.of("TOLLGATE_APPROVAL_POLICY_DIR", policies.toString()))) {
      Runs runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());

      // approvers: [mallory] where the policy says alice and bob: refused, nothing trained.
      Path weak = approvers(ItSpecs.write(specs, ItSpecs.Spec.quick("it-policy-weak")), "mallory");
      assertThat(cli.run("run", "--spec", weak.toString(), "--run-id", "r1").exitCode()).isZero();
      RunStatus refused = runs.awaitFinished("it-policy-weak/r1", TO_END);
      assertThat(refused.outcome()).as(refused.toString()).startsWith("FAILED it-policy-weak");
      assertThat(refused.lines().get("cause"))
          .contains("approval.approvers: 'mallory' may not approve it-policy-weak")
          .contains("all.yaml (sha256:");
      assertThat(refused.lines()).doesNotContainKey("metrics");
      assertThat(cli.approve("it-policy-weak/r1", "mallory").exitCode()).isEqualTo(1);

      // min_approvals: 1 is raised to two; mallory is refused, alice alone is not enough.
      Path spec = ItSpecs.write(specs, ItSpecs.Spec.quick("it-policy-raised"));
      assertThat(cli.run("run", "--spec", spec.toString(), "--run-id", "r1").exitCode()).isZero();
      RunStatus waiting = runs.awaitStage("it-policy-raised/r1", "AWAITING_APPROVAL", TO_GATE);
      assertThat(waiting.lines().get("waiting")).as(waiting.toString()).contains("(2 needed");
      assertThat(waiting.lines().get("policy")).contains("raised min_approvals 1 -> 2");
      ProcResult mallory = cli.approve("it-policy-raised/r1", "mallory");
      assertThat(mallory.exitCode()).as(mallory.toString()).isEqualTo(1);
      assertThat(mallory.output()).contains("'mallory' is not an approver");
      assertThat(cli.approve("it-policy-raised/r1", "alice").exitCode()).isZero();
      assertThat(runs.status("it-policy-raised/r1").stage()).isEqualTo("AWAITING_APPROVAL");
      assertThat(cli.approve("it-policy-raised/r1", "bob").exitCode()).isZero();
      RunStatus done = runs.awaitFinished("it-policy-raised/r1", TO_END);
      assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED it-policy-raised v1");

      // Item 12: only alice may move an alias; mallory's attempt is refused and audited.
      ProcResult alias =
          cli.run("models", "alias", "it-policy-raised", "challenger", "1", "--by", "mallory");
      assertThat(alias.exitCode()).as(alias.toString()).isEqualTo(1);
      assertThat(alias.err()).contains("'mallory' may not move an alias of it-policy-raised");
      ProcResult byAlice =
          cli.run("models", "alias", "it-policy-raised", "challenger", "1", "--by", "alice");
      assertThat(byAlice.exitCode()).as(byAlice.toString()).isZero();
      assertThat(Files.readString(worker.log()))
          .contains("approval policies from " + policies)
          .containsPattern("REFUSED alias of it-policy-raised by mallory via claim")
          .containsPattern("ALLOWED alias of it-policy-raised by alice via claim");
    }
  }

  /** Rewrites the spec's approvers line. */
  private static Path approvers(Path spec, String names) {
    try {
      String yaml = Files.readString(spec);
      Files.writeString(
          spec, yaml.replace("approvers: [alice, bob]", "approvers: [" + names + "]"));
      return spec;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
