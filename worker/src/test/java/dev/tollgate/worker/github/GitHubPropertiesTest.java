package dev.tollgate.worker.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** {@code tollgate.github.*}: refused when it cannot work, and never shown with its secrets. */
class GitHubPropertiesTest {
  @Test
  void enabledWithoutASecretOrSpecPathsStopsTheWorker() {
    assertThatThrownBy(() -> settings(true, "", List.of("pipelines"), List.of("push")))
        .hasMessageContaining("TOLLGATE_GITHUB_WEBHOOK_SECRET");
    assertThatThrownBy(() -> settings(true, "s3cr3t", List.of(), List.of("push")))
        .hasMessageContaining("TOLLGATE_GITHUB_SPEC_PATHS");
  }

  @Test
  void offNeedsNothing() {
    assertThat(GitHubProperties.off().enabled()).isFalse();
  }

  @Test
  void eventsTakeAnyCaseAndUnknownOnesAreRefused() {
    assertThat(settings(true, "s", List.of("p"), List.of("Push", "PULL_REQUEST")).events())
        .containsExactly("push", "pull_request");
    assertThatThrownBy(() -> settings(true, "s", List.of("p"), List.of("issues")))
        .hasMessageContaining("'issues' is not one of push, pull_request");
  }

  @Test
  void specPathsAreFoldersInsideTheRepository() {
    assertThat(settings(true, "s", List.of("./pipelines/", "."), List.of("push")).specPaths())
        .containsExactly("pipelines", "");
    for (String outside : List.of("/etc", "../x", "a/../../b")) {
      assertThatThrownBy(() -> settings(true, "s", List.of(outside), List.of("push")))
          .hasMessageContaining("inside the repository");
    }
  }

  @Test
  void theSecretAndTokenAreNeverShown() {
    GitHubProperties p =
        new GitHubProperties(
            true,
            "hook-s3cr3t",
            null,
            "ghp_t0ken",
            List.of("main"),
            List.of("p"),
            null,
            null,
            null);

    assertThat(p.toString()).doesNotContain("hook-s3cr3t", "ghp_t0ken").contains("(hidden)");
  }

  @Test
  void repositoriesAreOwnerSlashName() {
    assertThatThrownBy(
            () ->
                new GitHubProperties(
                    false, "", null, "", null, null, List.of("not a repo"), null, null))
        .hasMessageContaining("not owner/name");
  }

  @Test
  void thePayloadCapIsBounded() {
    assertThatThrownBy(
            () ->
                new GitHubProperties(
                    false, "", null, "", null, null, null, null, DataSize.ofMegabytes(100)))
        .hasMessageContaining("between 64KB and 25MB");
  }

  private static GitHubProperties settings(
      boolean enabled, String secret, List<String> specPaths, List<String> events) {
    return new GitHubProperties(
        enabled, secret, null, "", List.of("main"), specPaths, List.of(), events, null);
  }
}
