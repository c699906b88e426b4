package dev.tollgate.worker.github;

import dev.tollgate.activities.commits.RepositoryName;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The GitHub webhook endpoint ({@code POST /github/webhook}) and the token results go back to
 * GitHub with ({@code tollgate.github.*}, docs/ci.md). Off unless {@code enabled}; enabled, it
 * needs the webhook secret and at least one spec path, or the worker does not start.
 *
 * @param enabled TOLLGATE_GITHUB_ENABLED: off (the default), the endpoint answers 503 unread
 * @param webhookSecret TOLLGATE_GITHUB_WEBHOOK_SECRET: the webhook's secret, which GitHub signs
 *     each delivery with ({@code X-Hub-Signature-256}); never logged or shown
 * @param apiUrl TOLLGATE_GITHUB_API_URL: GitHub's REST API ({@code https://api.github.com}, or a
 *     GitHub Enterprise Server's {@code https://HOST/api/v3})
 * @param token TOLLGATE_GITHUB_TOKEN: posts statuses and the pull-request comment; never logged
 * @param branches TOLLGATE_GITHUB_BRANCHES: branches whose pushes (and pull requests into which)
 *     are acted on; a trailing {@code *} matches any rest ({@code release/*})
 * @param specPaths TOLLGATE_GITHUB_SPEC_PATHS: folders of the repository whose {@code .yaml} and
 *     {@code .yml} files are specs ({@code pipelines}, {@code models/energy})
 * @param repositories TOLLGATE_GITHUB_REPOSITORIES: the repositories ({@code owner/name}, any case)
 *     whose deliveries are acted on; empty = any that signs with the secret (a repository's own
 *     webhook); set it for an organisation's webhook
 * @param events TOLLGATE_GITHUB_EVENTS: the events acted on, of {@code push} and {@code
 *     pull_request} (any case); others are answered 202 and recorded as ignored
 * @param maxPayload TOLLGATE_GITHUB_MAX_PAYLOAD: the largest delivery read (64KB–25MB, GitHub's own
 *     cap is 25 MB); a larger one is a 413 before it is read whole
 */
@ConfigurationProperties("tollgate.github")
public record GitHubProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("") String webhookSecret,
    @DefaultValue("https://api.github.com") String apiUrl,
    @DefaultValue("") String token,
    @DefaultValue("main") List<String> branches,
    @DefaultValue List<String> specPaths,
    @DefaultValue List<String> repositories,
    @DefaultValue({"push", "pull_request"}) List<String> events,
    @DefaultValue("1MB") DataSize maxPayload) {

  static final Set<String> KNOWN_EVENTS = Set.of("push", "pull_request");

  public GitHubProperties {
    webhookSecret = webhookSecret == null ? "" : webhookSecret;
    apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.github.com" : apiUrl.strip();
    token = token == null ? "" : token.strip();
    branches = clean(branches, false);
    specPaths = clean(specPaths, false).stream().map(GitHubProperties::folder).toList();
    events = clean(events, true);
    repositories = clean(repositories, true);
    for (String repository : repositories) RepositoryName.of(repository);
    maxPayload = maxPayload == null ? DataSize.ofMegabytes(1) : maxPayload;
    for (String event : events) {
      if (!KNOWN_EVENTS.contains(event)) {
        throw new IllegalArgumentException(
            "tollgate.github.events: '" + event + "' is not one of push, pull_request");
      }
    }
    if (maxPayload.toBytes() < 64 * 1024 || maxPayload.toBytes() > 25L * 1024 * 1024) {
      throw new IllegalArgumentException(
          "tollgate.github.max-payload must be between 64KB and 25MB, got " + maxPayload);
    }
    if (enabled && webhookSecret.isBlank()) {
      throw new IllegalArgumentException(
          "tollgate.github.enabled needs the webhook secret (TOLLGATE_GITHUB_WEBHOOK_SECRET)");
    }
    if (enabled && specPaths.isEmpty()) {
      throw new IllegalArgumentException(
          "tollgate.github.enabled needs the folders specs live in (TOLLGATE_GITHUB_SPEC_PATHS)");
    }
  }

  /** Off: what a worker without GitHub settings has. */
  public static GitHubProperties off() {
    return new GitHubProperties(
        false,
        "",
        null,
        "",
        List.of("main"),
        List.of(),
        List.of(),
        List.of("push", "pull_request"),
        null);
  }

  /** Whether deliveries of {@code repository} ({@code owner/name}) are acted on. */
  boolean repositoryConfigured(String repository) {
    return repositories.isEmpty() || repositories.contains(repository.toLowerCase(Locale.ROOT));
  }

  /** Whether {@code branch} (without {@code refs/heads/}) is one whose events are acted on. */
  boolean branchConfigured(String branch) {
    return branches.stream()
        .anyMatch(
            b ->
                b.endsWith("*")
                    ? branch.startsWith(b.substring(0, b.length() - 1))
                    : b.equals(branch));
  }

  private static List<String> clean(List<String> given, boolean lower) {
    if (given == null) return List.of();
    return given.stream()
        .map(s -> s == null ? "" : s.strip())
        .map(s -> lower ? s.toLowerCase(Locale.ROOT) : s)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new))
        .stream()
        .toList();
  }

  /** {@code ./pipelines/} → {@code pipelines}; {@code .} → the whole repository (empty). */
  private static String folder(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) p = p.substring(2);
    while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    if (p.equals(".")) p = "";
    if (p.startsWith("/") || p.equals("..") || p.startsWith("../") || p.contains("/../")) {
      throw new IllegalArgumentException(
          "tollgate.github.spec-paths: '" + path + "' must be a folder inside the repository");
    }
    return p;
  }

  @Override
  public String toString() {
    return "GitHubProperties[enabled="
        + enabled
        + ", webhookSecret="
        + (webhookSecret.isEmpty() ? "(none)" : "(hidden)")
        + ", apiUrl="
        + apiUrl
        + ", token="
        + (token.isEmpty() ? "(none)" : "(hidden)")
        + ", branches="
        + branches
        + ", specPaths="
        + specPaths
        + ", repositories="
        + repositories
        + ", events="
        + events
        + ", maxPayload="
        + maxPayload
        + "]";
  }
}
