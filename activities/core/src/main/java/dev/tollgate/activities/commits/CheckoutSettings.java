package dev.tollgate.activities.commits;

import dev.tollgate.stages.RemoteUrls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the worker fetches a delivery's commit from and puts it: the remote is the worker's
 * configuration's, never a payload's URL.
 *
 * @param remoteUrl the remote, with {@code {repository}} standing for {@code owner/name}: {@code
 *     https://github.com/{repository}.git}, {@code file:///srv/git/{repository}.git}, an absolute
 *     path; may carry a token in its user-info, which is never shown
 * @param cache bare repositories, one per repository ({@code <cache>/<owner>/<name>.git}), fetched
 *     into again and again
 * @param checkouts one folder per commit ({@code <checkouts>/<sha>}): the commit's files, no {@code
 *     .git}
 * @param specPaths folders of the repository whose {@code .yaml}/{@code .yml} pipeline specs are
 *     looked at ({@code ""} = the whole repository)
 * @param timeout the most one git command may take (a fetch of a large repository included)
 * @param retention how long a checkout nobody planned again is kept; zero: for ever
 */
public record CheckoutSettings(
    String remoteUrl,
    Path cache,
    Path checkouts,
    List<String> specPaths,
    Duration timeout,
    Duration retention) {
  private static final Pattern SCHEME = Pattern.compile("(https?|ssh|git|file)://.+");
  private static final Pattern SCP_LIKE = Pattern.compile("[^/@:]+@[^/:]+:.+");

  public CheckoutSettings {
    Objects.requireNonNull(remoteUrl, "remoteUrl");
    cache = cache.toAbsolutePath().normalize();
    checkouts = checkouts.toAbsolutePath().normalize();
    specPaths = List.copyOf(specPaths);
    retention = retention == null ? Duration.ZERO : retention;
    if (!isRemote(remoteUrl)) {
      throw new IllegalArgumentException(
          "the remote "
              + RemoteUrls.withoutCredentials(remoteUrl)
              + " is not an https://, http://, ssh://, git://, file:// URL, user@host:path or an"
              + " absolute path");
    }
  }

  /** Checkouts kept for ever. */
  public CheckoutSettings(
      String remoteUrl, Path cache, Path checkouts, List<String> specPaths, Duration timeout) {
    this(remoteUrl, cache, checkouts, specPaths, timeout, Duration.ZERO);
  }

  /** Whether git may be pointed at {@code url}: no {@code ext::} or other helper transport. */
  public static boolean isRemote(String url) {
    String u = url.strip();
    return SCHEME.matcher(u).matches() || SCP_LIKE.matcher(u).matches() || u.startsWith("/");
  }

  /** The remote of {@code repository} (credentials and all: for git alone). */
  String remoteOf(RepositoryName repository) {
    return remoteUrl.strip().replace("{repository}", repository.toString());
  }

  /** The remote of {@code repository} as a lineage and a message may show it. */
  public String shownRemoteOf(RepositoryName repository) {
    return RemoteUrls.withoutCredentials(remoteOf(repository));
  }

  /** Without the remote's credentials: settings end up in log lines. */
  @Override
  public String toString() {
    return "CheckoutSettings[remoteUrl="
        + RemoteUrls.withoutCredentials(remoteUrl)
        + ", cache="
        + cache
        + ", checkouts="
        + checkouts
        + ", specPaths="
        + specPaths
        + ", timeout="
        + timeout
        + ", retention="
        + retention
        + "]";
  }
}
