package dev.tollgate.adapters.github;

import java.net.URI;
import java.time.Duration;

/**
 * Where GitHub's REST API is and the token it is called with. The token is only ever put into the
 * {@code Authorization} header: {@link #toString()} leaves it out, and no message names it. A
 * class, not a record: a record's accessors and generated methods would hand the token to anyone.
 */
public final class GitHubSettings {
  private final String apiUrl;
  private final String token;
  private final Duration timeout;

  /**
   * @param apiUrl {@code https://api.github.com}, or a GitHub Enterprise Server's {@code
   *     https://host/api/v3}, or a test's stand-in
   * @param token a fine-grained token or an app installation token with "Commit statuses: write"
   *     and "Pull requests: write" (issue comments)
   * @param timeout connect and answer timeout of one call (null: 30 s)
   */
  public GitHubSettings(String apiUrl, String token, Duration timeout) {
    if (apiUrl == null || apiUrl.isBlank()) throw new IllegalArgumentException("no GitHub API URL");
    apiUrl = apiUrl.strip();
    while (apiUrl.endsWith("/")) apiUrl = apiUrl.substring(0, apiUrl.length() - 1);
    URI uri = URI.create(apiUrl);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw new IllegalArgumentException("the GitHub API URL must be http(s)://");
    }
    if (uri.getUserInfo() != null || uri.getRawQuery() != null) {
      throw new IllegalArgumentException("the GitHub API URL carries no credentials or query");
    }
    if (token == null || token.isBlank()) throw new IllegalArgumentException("no GitHub token");
    this.apiUrl = apiUrl;
    this.token = token.strip();
    this.timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
  }

  public GitHubSettings(String apiUrl, String token) {
    this(apiUrl, token, null);
  }

  public String apiUrl() {
    return apiUrl;
  }

  /** Only for the {@code Authorization} header. */
  String token() {
    return token;
  }

  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "GitHubSettings[apiUrl=" + apiUrl + ", token=(hidden), timeout=" + timeout + "]";
  }
}
