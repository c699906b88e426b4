package dev.tollgate.worker.github;

import dev.tollgate.activities.commits.CheckoutSettings;
import dev.tollgate.stages.RemoteUrls;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the worker fetches a delivery's commit from and lays it out ({@code tollgate.github.*},
 * beside {@link GitHubProperties}; docs/ci.md). The remote is this configuration's, never the URL a
 * payload names: a delivery only says which commit.
 *
 * @param enabled TOLLGATE_GITHUB_ENABLED (the same switch as the webhook's): enabled, a remote is
 *     required or the worker does not start
 * @param remoteUrl TOLLGATE_GITHUB_REMOTE_URL: the remote, {@code {repository}} standing for the
 *     delivery's {@code owner/name} ({@code https://github.com/{repository}.git}, {@code
 *     file:///srv/git/{repository}.git}, {@code git@github.com:{repository}.git}, an absolute
 *     path); a token in its user-info is used by git and never shown
 * @param checkouts TOLLGATE_GITHUB_CHECKOUTS: the folder of one checkout per commit; empty = {@code
 *     tollgate-checkouts} in the working folder, which the default data roots cover (the home never
 *     is: a checkout's datasets must be readable)
 * @param gitTimeout TOLLGATE_GITHUB_GIT_TIMEOUT: the most one git command (a fetch) may take
 * @param checkoutRetention TOLLGATE_GITHUB_CHECKOUT_RETENTION: a checkout no delivery planned for
 *     this long is deleted (its runs long done); {@code 0} keeps every one
 */
@ConfigurationProperties("tollgate.github")
public record GitHubCheckoutProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("") String remoteUrl,
    @DefaultValue("") String checkouts,
    @DefaultValue("5m") Duration gitTimeout,
    @DefaultValue("14d") Duration checkoutRetention) {

  /** The default checkouts folder, relative to the working folder. */
  public static final String DEFAULT_CHECKOUTS = "tollgate-checkouts";

  public GitHubCheckoutProperties {
    remoteUrl = remoteUrl == null ? "" : remoteUrl.strip();
    checkouts = checkouts == null || checkouts.isBlank() ? DEFAULT_CHECKOUTS : checkouts.strip();
    gitTimeout = gitTimeout == null ? Duration.ofMinutes(5) : gitTimeout;
    checkoutRetention = checkoutRetention == null ? Duration.ofDays(14) : checkoutRetention;
    if (checkoutRetention.isNegative()
        || !checkoutRetention.isZero() && checkoutRetention.compareTo(Duration.ofHours(1)) < 0) {
      throw new IllegalArgumentException(
          "tollgate.github.checkout-retention must be 0 (keep every checkout) or at least 1h, got "
              + checkoutRetention);
    }
    if (enabled && remoteUrl.isEmpty()) {
      throw new IllegalArgumentException(
          "tollgate.github.enabled needs the remote commits are fetched from"
              + " (TOLLGATE_GITHUB_REMOTE_URL, e.g. https://github.com/{repository}.git)");
    }
    if (!remoteUrl.isEmpty() && !CheckoutSettings.isRemote(remoteUrl)) {
      throw new IllegalArgumentException(
          "tollgate.github.remote-url: "
              + RemoteUrls.withoutCredentials(remoteUrl)
              + " is not an https://, http://, ssh://, git://, file:// URL, user@host:path or an"
              + " absolute path");
    }
    if (gitTimeout.isNegative() || gitTimeout.isZero()) {
      throw new IllegalArgumentException("tollgate.github.git-timeout must be positive");
    }
  }

  /** What core's checkouts need, the cache of bare repositories under {@code home/github}. */
  public CheckoutSettings settings(Path home, java.util.List<String> specPaths) {
    return new CheckoutSettings(
        remoteUrl,
        home.toAbsolutePath().resolve("github"),
        Path.of(checkouts).toAbsolutePath(),
        specPaths,
        gitTimeout,
        checkoutRetention);
  }

  @Override
  public String toString() {
    return "GitHubCheckoutProperties[enabled="
        + enabled
        + ", remoteUrl="
        + RemoteUrls.withoutCredentials(remoteUrl)
        + ", checkouts="
        + checkouts
        + ", gitTimeout="
        + gitTimeout
        + ", checkoutRetention="
        + checkoutRetention
        + "]";
  }
}
