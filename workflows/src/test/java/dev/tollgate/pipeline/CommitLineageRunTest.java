package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import dev.tollgate.stages.CommitLineage;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DataConverter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run started at a commit ({@code tollgate run --git}) carries it to its memo, its {@code
 * TollgateCommit} search attribute, the registry's lineage, the validation request and its events;
 * a run without one carries nothing new.
 */
class CommitLineageRunTest {
  static final CommitLineage COMMIT =
      new CommitLineage(
          "https://github.com/acme/energy.git",
          "main",
          "1A2B3C4D5E6F7A8B9C0D1A2B3C4D5E6F7A8B9C0D",
          "Ada Lovelace",
          false);

  private PipelineFixture f;

  @BeforeEach
  void setUp() {
    f = new PipelineFixture();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void aRunAtACommitCarriesItEverywhere() throws Exception {
    f.start();
    RunOptions options = new RunOptions("c1", "alice", "unit test").withCommit(COMMIT);
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "c1", options);
    f.awaitStage(run, Stage.AWAITING_APPROVAL);

    var described = run.describe();
    assertThat(described.getTypedSearchAttributes().get(SearchAttributes.COMMIT))
        .isEqualTo("1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d");
    assertThat(described.getMemo(SearchAttributes.COMMIT_MEMO, CommitLineage.class))
        .isEqualTo(COMMIT);
    verify(f.registry)
        .registerCandidate(
            argThat(
                r ->
                    r.lineage().get("git_commit").equals(COMMIT.sha())
                        && r.lineage().get("git_ref").equals("main")
                        && r.lineage().get("git_repository").equals(COMMIT.repository())
                        && r.lineage().get("git_dirty").equals("false")));
    verify(f.validate).validate(argThat(r -> COMMIT.equals(r.commit())));
    verify(f.notify, atLeastOnce())
        .publish(
            argThat(
                e -> e instanceof dev.tollgate.stages.RunStarted s && COMMIT.equals(s.commit())));
  }

  @Test
  void aRunWithoutACommitHasNoneOfIt() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "n1");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);

    var described = run.describe();
    assertThat(described.getTypedSearchAttributes().containsKey(SearchAttributes.COMMIT)).isFalse();
    assertThat(described.getMemo(SearchAttributes.COMMIT_MEMO, CommitLineage.class)).isNull();
    verify(f.registry).registerCandidate(argThat(r -> !r.lineage().containsKey("git_commit")));
    verify(f.validate).validate(argThat(r -> r.commit() == null));
  }

  @Test
  void optionsWithoutACommitSerializeAsTheyAlwaysDid() {
    String json =
        new String(
            DataConverter.getDefaultInstance()
                .toPayload(new RunOptions("r1", "alice", "why"))
                .orElseThrow()
                .getData()
                .toByteArray(),
            StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("commit");
    String with =
        new String(
            DataConverter.getDefaultInstance()
                .toPayload(new RunOptions("r1", "alice", "why").withCommit(COMMIT))
                .orElseThrow()
                .getData()
                .toByteArray(),
            StandardCharsets.UTF_8);
    assertThat(
            DataConverter.getDefaultInstance()
                .fromPayload(
                    io.temporal.api.common.v1.Payload.newBuilder()
                        .putMetadata(
                            "encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
                        .setData(com.google.protobuf.ByteString.copyFromUtf8(with))
                        .build(),
                    RunOptions.class,
                    RunOptions.class)
                .commit())
        .isEqualTo(COMMIT);
  }
}
