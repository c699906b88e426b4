package dev.tollgate.worker.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Core's CommitStatuses on GitHub exist only when the worker has a token. */
class GitHubConfigTest {
  @Test
  void noTokenNoGitHubStatuses() {
    assertThat(GitHubConfig.commitStatuses(GitHubProperties.off())).isEmpty();
  }

  @Test
  void aTokenGivesTheAdapterWithoutShowingIt() {
    GitHubProperties withToken =
        new GitHubProperties(
            false,
            "",
            "https://ghe.example.com/api/v3/",
            "ghp_s3cr3t",
            List.of("main"),
            null,
            null,
            null,
            null);

    assertThat(GitHubConfig.commitStatuses(withToken)).isPresent();
    assertThat(withToken.toString()).doesNotContain("ghp_s3cr3t");
  }
}
