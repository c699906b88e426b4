package dev.tollgate.activities.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.RegisterRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training command's lineage kept with its version (V5), on the embedded H2 registry. */
class RegistryLineageTest {
  @TempDir Path home;
  private RegistryDatabase db;
  private RegistryActivitiesImpl registry;

  @BeforeEach
  void open() {
    db = RegistryDatabase.openH2(home, null, null);
    registry = new RegistryActivitiesImpl(new JdbcRegistry(db));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aTrainingCommandsLineageIsKeptWithItsVersion() {
    Map<String, String> lineage =
        Map.of(
            "command", "[\"python\",\"train.py\"]",
            "code_version", "git:0123abcd+dirty",
            "requirements_sha256", "ab12");
    registry.registerCandidate(RegistryContract.candidate("run-a"));
    registry.registerCandidate(
        new RegisterRequest(
            "energy",
            "run-c",
            "file:/artifacts/run-c/",
            "digest-run-c",
            Map.of("rmse", 1.5),
            "data-run-c",
            "spec-run-c",
            "{\"model\":\"energy\"}",
            lineage));

    ModelRecord record = registry.describeModel("energy");
    assertThat(record.versions().get(0).lineage()).as("a catalogue model has none").isEmpty();
    assertThat(record.versions().get(1).lineage()).isEqualTo(lineage);
  }

  @Test
  void aRunsCommitIsKeptInItsVersionsLineage() {
    CommitLineage commit =
        new CommitLineage(
            "https://github.com/acme/energy.git",
            null,
            "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d",
            "Ada Lovelace",
            false);
    registry.registerCandidate(
        new RegisterRequest(
            "energy",
            "run-g",
            "file:/artifacts/run-g/",
            "digest-run-g",
            Map.of("rmse", 1.5),
            "data-run-g",
            "spec-run-g",
            "{\"model\":\"energy\"}",
            CommitLineage.addTo(Map.of("code_version", "git:1a2b3c4"), commit)));

    assertThat(registry.describeModel("energy").versions().get(0).lineage())
        .containsEntry("git_commit", commit.sha())
        .containsEntry("git_repository", "https://github.com/acme/energy.git")
        .containsEntry("git_dirty", "false")
        .containsEntry("git_author", "Ada Lovelace")
        .containsEntry("code_version", "git:1a2b3c4")
        .doesNotContainKey("git_ref"); // a detached HEAD
  }

  @Test
  void aPullRequestsCandidateKeepsItsReasonAsTheStageReason() {
    registry.registerCandidate(RegistryContract.candidate("run-a"));
    registry.registerCandidate(
        new RegisterRequest(
            "energy",
            "pr12-1a2b3c4-72d3162e",
            "file:/artifacts/pr/",
            "digest-pr",
            Map.of("rmse", 1.5),
            "data-pr",
            "spec-pr",
            "{\"model\":\"energy\"}",
            null,
            RegisterRequest.PULL_REQUEST));

    var versions = registry.describeModel("energy").versions();
    assertThat(versions.get(0).stageReason()).as("any other run's candidate has none").isNull();
    assertThat(versions.get(1).stage()).isEqualTo(dev.tollgate.stages.RegistryStage.NONE);
    assertThat(versions.get(1).stageReason()).isEqualTo("pull_request");
  }
}
