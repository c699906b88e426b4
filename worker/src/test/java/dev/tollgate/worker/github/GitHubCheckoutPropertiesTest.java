package dev.tollgate.worker.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.data.DataAccess;
import dev.tollgate.activities.data.DataBuckets;
import dev.tollgate.activities.data.DataRoots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The remote and the checkouts folder are checked when the worker starts. */
class GitHubCheckoutPropertiesTest {
  @Test
  void enabledWithoutARemoteTheWorkerDoesNotStart() {
    assertThatThrownBy(() -> new GitHubCheckoutProperties(true, "", "", null, null))
        .hasMessageContaining("TOLLGATE_GITHUB_REMOTE_URL");
  }

  @Test
  void aRemoteHelperTransportIsRefusedAndATokenNeverShown() {
    assertThatThrownBy(
            () -> new GitHubCheckoutProperties(true, "ext::sh -c touch% /tmp/x", "", null, null))
        .hasMessageContaining("remote-url");
    assertThatThrownBy(() -> new GitHubCheckoutProperties(true, "relative/path", "", null, null))
        .hasMessageContaining("absolute path");
    var settings =
        new GitHubCheckoutProperties(
            true, "https://x-access-token:ghp_s3cr3t@github.com/{repository}.git", "", null, null);
    assertThat(settings.toString()).doesNotContain("ghp_s3cr3t").contains("github.com");
    assertThat(settings.settings(Path.of("/h"), List.of("specs")).toString())
        .doesNotContain("ghp_s3cr3t");
  }

  @Test
  void theDefaultCheckoutsFolderIsInTheWorkingFolderNotTheHome() {
    var settings = new GitHubCheckoutProperties(false, "/srv/git/{repository}.git", "", null, null);
    var where = settings.settings(Path.of(".tollgate"), List.of("specs"));

    assertThat(where.checkouts()).isEqualTo(Path.of("tollgate-checkouts").toAbsolutePath());
    assertThat(where.cache()).isEqualTo(Path.of(".tollgate/github").toAbsolutePath());
    assertThat(settings.gitTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(where.retention()).isEqualTo(Duration.ofDays(14));
    assertThatThrownBy(
            () -> new GitHubCheckoutProperties(false, "/srv/git", "", null, Duration.ofMinutes(5)))
        .hasMessageContaining("checkout-retention");
  }

  @Test
  void aCheckoutsFolderNoDataRootCoversIsSaid() {
    Path cwd = Path.of("/srv/worker");
    DataAccess access =
        new DataAccess(DataRoots.of(List.of(cwd), List.of()), DataBuckets.of(List.of()));
    Path home = cwd.resolve(".tollgate");

    assertThat(CheckoutDataRoots.problem(cwd.resolve("tollgate-checkouts"), access, home))
        .isEmpty();
    assertThat(CheckoutDataRoots.problem(home.resolve("checkouts"), access, home))
        .get()
        .asString()
        .contains("home");
    assertThat(CheckoutDataRoots.problem(cwd.resolve(".checkouts"), access, home))
        .get()
        .asString()
        .contains("hidden");
    assertThat(CheckoutDataRoots.problem(Path.of("/var/checkouts"), access, home))
        .get()
        .asString()
        .contains("TOLLGATE_DATA_ROOTS");
  }
}
