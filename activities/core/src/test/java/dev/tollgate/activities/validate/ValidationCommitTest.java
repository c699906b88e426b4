package dev.tollgate.activities.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.StageHarness;
import dev.tollgate.activities.StageHarness.Trained;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.files.FileUris;
import dev.tollgate.activities.files.Json;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.ValidationRequest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validation.json names the commit a run was started from, and says nothing of one without. */
class ValidationCommitTest {
  static final CommitLineage COMMIT =
      new CommitLineage(
          "https://github.com/acme/energy.git",
          "main",
          "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d",
          "Ada Lovelace",
          true);

  @TempDir Path home;
  private StageHarness stages;
  private PipelineSpec spec;

  @BeforeEach
  void setUp() throws IOException {
    stages = new StageHarness(home);
    TestData.linearCsv(home.resolve("data/train.csv"), 600, 11, 0);
    spec =
        TestData.spec(
            TestData.data(home.resolve("data/train.csv")),
            TestData.fastBoosting(),
            TestData.validation(java.util.Map.of()));
  }

  @AfterEach
  void tearDown() {
    stages.close();
  }

  @Test
  void theReportCarriesTheCommit() {
    Trained candidate = stages.train(spec, 1);
    var verdict =
        stages
            .validate()
            .validate(
                new ValidationRequest(
                    spec,
                    "run-1",
                    candidate.version(),
                    candidate.trained(),
                    null,
                    "manual by alice",
                    null,
                    COMMIT));

    JsonNode commit =
        Json.read(FileUris.artifact(verdict.reportUri()), JsonNode.class).get("commit");
    assertThat(commit.get("sha").asText()).isEqualTo(COMMIT.sha());
    assertThat(commit.get("ref").asText()).isEqualTo("main");
    assertThat(commit.get("repository").asText()).isEqualTo(COMMIT.repository());
    assertThat(commit.get("author").asText()).isEqualTo("Ada Lovelace");
    assertThat(commit.get("dirty").asBoolean()).isTrue();
  }

  @Test
  void aRunWithoutACommitWritesNoCommitKey() {
    Trained candidate = stages.train(spec, 1);
    var verdict = stages.validate(spec, candidate, null);

    JsonNode report = Json.read(FileUris.artifact(verdict.reportUri()), JsonNode.class);
    assertThat(report.has("commit")).isFalse();
    assertThat(report.has("trigger")).as("the other keys as before").isTrue();
  }
}
