package dev.tollgate.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitLineageTest {
  private static final String SHA = "1A2B3C4D5E6F7A8B9C0D1A2B3C4D5E6F7A8B9C0D";

  @Test
  void theShaIsKeptLowerCaseAndShownShort() {
    CommitLineage c = new CommitLineage("/src/repo", "main", SHA, "Ada", false);
    assertThat(c.sha()).isEqualTo(SHA.toLowerCase());
    assertThat(c.shortSha()).isEqualTo("1a2b3c4");
    assertThat(c.label()).isEqualTo("main@1a2b3c4");
    assertThat(new CommitLineage("/src/repo", null, SHA, null, true).label())
        .isEqualTo("1a2b3c4 (dirty)");
  }

  @Test
  void onlyAFullShaIsACommit() {
    assertThatThrownBy(() -> new CommitLineage("/r", "main", "1a2b3c4", null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("full commit SHA");
    assertThatThrownBy(() -> new CommitLineage("/r", "main", SHA.replace('A', 'g'), null, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itsLineageKeysAreAddedToATrainingCommandsOwn() {
    CommitLineage c = new CommitLineage("/src/repo", "v1.0", SHA, "Ada", true);
    assertThat(CommitLineage.addTo(Map.of("code_version", "git:x"), c))
        .containsEntry("code_version", "git:x")
        .containsEntry("git_commit", SHA.toLowerCase())
        .containsEntry("git_ref", "v1.0")
        .containsEntry("git_repository", "/src/repo")
        .containsEntry("git_dirty", "true")
        .containsEntry("git_author", "Ada");
    Map<String, String> none = Map.of("code_version", "git:x");
    assertThat(CommitLineage.addTo(none, null)).isSameAs(none);
  }

  @Test
  void aPrefixOfSevenOrMoreHexDigitsInAnyCaseIsASearch() {
    assertThat(CommitLineage.SHA_PREFIX.matcher("1A2b3C4").matches()).isTrue();
    assertThat(CommitLineage.SHA_PREFIX.matcher("1a2b3c").matches()).isFalse();
    assertThat(CommitLineage.SHA_PREFIX.matcher("1a2b3c4'").matches()).isFalse();
  }
}
