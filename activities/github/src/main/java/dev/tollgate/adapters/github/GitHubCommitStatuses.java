package dev.tollgate.adapters.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.activities.commits.CommitStatus;
import dev.tollgate.activities.commits.CommitStatusException;
import dev.tollgate.activities.commits.CommitStatusException.Kind;
import dev.tollgate.activities.commits.CommitStatuses;
import dev.tollgate.activities.commits.MarkedComment;
import dev.tollgate.activities.commits.RepositoryName;
import java.io.IOException;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Core's {@link CommitStatuses} on GitHub's REST API: {@code POST /repos/{owner}/{repo}/statuses/
 * {sha}} for a status; for the comment, the pull request's comments are listed ({@code GET
 * /repos/{owner}/{repo}/issues/{number}/comments}, 100 a page) and the first that carries the
 * marker is edited ({@code PATCH /repos/{owner}/{repo}/issues/comments/{id}}), else one is added
 * ({@code POST .../issues/{number}/comments}). A pull request's comments are its issue's.
 */
public final class GitHubCommitStatuses implements CommitStatuses {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  static final int PAGE = 100;

  /** 50 pages of 100: a pull request with more comments than that gets a new one. */
  static final int MAX_PAGES = 50;

  private final GitHubHttp http;

  public GitHubCommitStatuses(GitHubSettings settings) {
    this(settings, Clock.systemUTC());
  }

  GitHubCommitStatuses(GitHubSettings settings, Clock clock) {
    this.http = new GitHubHttp(settings, clock);
  }

  @Override
  public void post(RepositoryName repository, String sha, CommitStatus status)
      throws CommitStatusException {
    if (sha == null || !SHA.matcher(sha).matches()) {
      throw new CommitStatusException(Kind.REJECTED, "not a full commit SHA (40 hex digits)");
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("state", status.state().wire());
    body.put("context", status.context());
    body.put("description", status.description());
    if (status.targetUrl() != null) body.put("target_url", status.targetUrl());
    http.call("POST", "/repos/" + repository + "/statuses/" + sha, body.toString());
  }

  @Override
  public Upserted upsertComment(RepositoryName repository, int pullRequest, MarkedComment comment)
      throws CommitStatusException {
    if (pullRequest < 1) throw new CommitStatusException(Kind.REJECTED, "not a pull request");
    String issue = "/repos/" + repository + "/issues/";
    ObjectNode body = JSON.createObjectNode().put("body", comment.text());
    Long existing = find(issue + pullRequest + "/comments", comment.marker());
    if (existing != null) {
      http.call("PATCH", issue + "comments/" + existing, body.toString());
      return new Upserted(existing, false);
    }
    GitHubHttp.Answer added = http.call("POST", issue + pullRequest + "/comments", body.toString());
    return new Upserted(
        read(added, "POST " + issue + pullRequest + "/comments").path("id").asLong(), true);
  }

  /** The id of the first comment carrying {@code marker}, or null. */
  private Long find(String path, String marker) throws CommitStatusException {
    for (int page = 1; page <= MAX_PAGES; page++) {
      GitHubHttp.Answer answer =
          http.call("GET", path + "?per_page=" + PAGE + "&page=" + page, null);
      JsonNode comments = read(answer, "GET " + path);
      if (!comments.isArray()) {
        throw new CommitStatusException(Kind.REJECTED, "GET " + path + " did not answer a list");
      }
      for (JsonNode c : comments) {
        if (c.path("body").asText("").contains(marker) && c.path("id").canConvertToLong()) {
          return c.path("id").asLong();
        }
      }
      if (comments.size() < PAGE) return null;
    }
    return null;
  }

  private static JsonNode read(GitHubHttp.Answer answer, String call) throws CommitStatusException {
    try {
      return JSON.readTree(answer.text());
    } catch (IOException e) {
      throw new CommitStatusException(Kind.REJECTED, call + " answered something not JSON");
    }
  }
}
