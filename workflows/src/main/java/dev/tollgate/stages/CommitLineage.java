package dev.tollgate.stages;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The commit a run was started from ({@code tollgate run --git}, or a repository trigger): it goes
 * into the run's memo and {@code TollgateCommit} search attribute, the registry's lineage,
 * validation.json, the events and Slack.
 *
 * @param repository where the commit lives: the remote's URL without user-info (no user name,
 *     password or token), or the local path of a repository without a remote
 * @param ref the branch or tag checked out, or {@code null} for a detached HEAD
 * @param sha the full commit SHA, lower-case hex (40, or 64 for SHA-256 repositories)
 * @param author the commit author's name (never the e-mail address), or {@code null}
 * @param dirty whether the work tree had changes not in the commit
 */
public record CommitLineage(
    String repository, String ref, String sha, String author, boolean dirty) {

  /** A full commit SHA. */
  public static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  /** What {@code tollgate runs --commit} takes: at least 7 hex digits, any case. */
  public static final Pattern SHA_PREFIX = Pattern.compile("[0-9a-fA-F]{7,64}");

  public CommitLineage {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(sha, "sha");
    sha = sha.toLowerCase(Locale.ROOT);
    if (!FULL_SHA.matcher(sha).matches()) {
      throw new IllegalArgumentException("not a full commit SHA (40 or 64 hex digits)");
    }
  }

  /** The first 7 hex digits, as git shows them. */
  public String shortSha() {
    return sha.substring(0, 7);
  }

  /** "main@1a2b3c4" (with " (dirty)" when the tree had changes); "1a2b3c4" for a detached HEAD. */
  public String label() {
    return (ref == null ? "" : ref + "@") + shortSha() + (dirty ? " (dirty)" : "");
  }

  /** The registry's lineage keys: git_commit, git_ref, git_repository, git_dirty, git_author. */
  public Map<String, String> lineage() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("git_commit", sha);
    if (ref != null) m.put("git_ref", ref);
    m.put("git_repository", repository);
    m.put("git_dirty", Boolean.toString(dirty));
    if (author != null) m.put("git_author", author);
    return m;
  }

  /** {@code base} with this commit's keys added ({@code commit == null}: {@code base} as it is). */
  public static Map<String, String> addTo(Map<String, String> base, CommitLineage commit) {
    if (commit == null) return base;
    Map<String, String> all = new LinkedHashMap<>(base == null ? Map.of() : base);
    all.putAll(commit.lineage());
    return all;
  }
}
