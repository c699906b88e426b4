package dev.tollgate.worker.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.pipeline.SpecJson;
import dev.tollgate.policy.ActionRequest;
import dev.tollgate.policy.ActionVerdict;
import dev.tollgate.policy.ApprovalPolicy;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.PolicyQuery;
import dev.tollgate.spec.SpecException;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.worker.guardian.GuardianSpecsFolder;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's policy folder: the most specific policy wins, a model no file covers is refused (a
 * folder is set, so nothing falls back to "anything goes"), a broken or doubled file is named, and
 * a guardian's new spec is allowed unsealed only when it is the specs folder's own.
 */
class PolicyFolderTest {
  @TempDir Path dir;

  private Path write(String name, String yaml) throws Exception {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Test
  void theMostSpecificPolicyWins() throws Exception {
    write("all.yaml", "model: \"*\"\napprovers: [ops]\n");
    write("energy.yaml", "model: energy-load\napprovers: [alice, bob]\nmin_approvals: 2\n");
    write(
        "energy-prod.yaml",
        "model: energy-load\nenvironment: production\napprovers: [alice, bob, carol]\n"
            + "min_approvals: 3\nrequire_identity: true\n");
    PolicyFolder folder = new PolicyFolder(dir);

    assertThat(folder.lookup("energy-load", "production").name()).isEqualTo("energy-prod.yaml");
    assertThat(folder.lookup("energy-load", "staging").name()).isEqualTo("energy.yaml");
    assertThat(folder.lookup("energy-load", null).name()).isEqualTo("energy.yaml");
    assertThat(folder.lookup("churn", "production").name()).isEqualTo("all.yaml");
    ApprovalPolicy prod = folder.lookup("energy-load", "production");
    assertThat(prod.digest()).hasSize(64);
    assertThat(prod.requireIdentity()).isTrue();
    assertThat(prod.timeoutMayApprove()).as("a policy file forbids it unless it says so").isFalse();
    assertThat(new PolicyFolder(null).lookup("anything", "production"))
        .isSameAs(ApprovalPolicy.DEFAULT);
  }

  @Test
  void aModelNoFileCoversIsRefusedNamingTheFolder() throws Exception {
    write("energy.yaml", "model: energy-load\napprovers: [alice]\n");
    PolicyActivitiesImpl activities =
        new PolicyActivitiesImpl(new PolicyFolder(dir), null, (m, d) -> false);

    assertThatThrownBy(() -> activities.approvalPolicy(new PolicyQuery("churn", "production")))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining(
            "no approval policy for model churn (environment production) in " + dir)
        .hasMessageContaining("TollgatePolicyRefused");
    ActionVerdict rollback =
        activities.authorize(
            new ActionRequest(PolicyAction.ROLLBACK, "churn", "alice", "to=previous", null, 0));
    assertThat(rollback.allowed()).isFalse();
    assertThat(rollback.note()).contains("no approval policy for model churn");
  }

  @Test
  void aBrokenOrDoubledPolicyIsNamed() throws Exception {
    write("a.yaml", "model: energy-load\napprovers: [alice]\ntimeout_may_aprove: true\n");
    assertThatThrownBy(() -> new PolicyFolder(dir).load())
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("a.yaml: timeout_may_aprove: unknown key");

    write("a.yaml", "model: energy-load\napprovers: [alice]\nmin_approvals: 2\n");
    assertThatThrownBy(() -> new PolicyFolder(dir).load())
        .hasMessage("a.yaml: min_approvals: expected 1 to the number of approvers (1), got 2");

    write("a.yaml", "model: energy-load\napprovers: [alice]\n");
    write("b.yaml", "model: energy-load\napprovers: [bob]\n");
    assertThatThrownBy(() -> new PolicyFolder(dir).load())
        .hasMessageContaining("a.yaml and b.yaml are both the policy for energy-load");
  }

  /** A spec change is the operator's when the spec is in the worker's specs folder. */
  @Test
  void aSpecChangeFromTheSpecsFolderNeedsNoSeal() throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Path file =
        Files.writeString(
            specs.resolve("nightly.yaml"),
            """
            model: nightly
            data: { train: file:/data/load.csv, target: load, features: [temperature] }
            training: { algorithm: gradient_boosting }
            approval: { approvers: [alice] }
            schedule: { cron: "30 3 * * *" }
            """);
    String digest = SpecJson.digest(SpecParser.parse(file));
    PolicyActivitiesImpl activities =
        new PolicyActivitiesImpl(
            new PolicyFolder(null), null, (model, d) -> GuardianSpecsFolder.holds(specs, model, d));

    ActionVerdict fromFolder =
        activities.authorize(
            new ActionRequest(PolicyAction.SPEC_CHANGE, "nightly", "cli", digest, null, 0));
    ActionVerdict other =
        activities.authorize(
            new ActionRequest(PolicyAction.SPEC_CHANGE, "nightly", "cli", "f00d", null, 0));

    assertThat(fromFolder.allowed()).isTrue();
    assertThat(fromFolder.via()).isEqualTo("specs-dir");
    assertThat(other.allowed()).isFalse();
    assertThat(other.note()).contains("only from the worker's specs folder");
  }
}
