package dev.tollgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A repository as the worker's remote sees it, made with the git CLI in a test folder: a bare
 * repository (served to the worker by its {@code file://} URL, which the issue allows in place of a
 * git server) and a work tree that commits and pushes to it, as a developer would. Commits carry a
 * fixed author and no signing, whatever the machine's git configuration says.
 */
final class GitRepos {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Map<String, String> ENV =
      Map.of(
          "GIT_AUTHOR_NAME", "Ada Lovelace",
          "GIT_AUTHOR_EMAIL", "ada@example.com",
          "GIT_COMMITTER_NAME", "Ada Lovelace",
          "GIT_COMMITTER_EMAIL", "ada@example.com",
          "GIT_CONFIG_NOSYSTEM", "1",
          "GIT_CONFIG_GLOBAL", "/dev/null",
          "GIT_TERMINAL_PROMPT", "0");

  private final Path bare;
  private final Path work;

  private GitRepos(Path bare, Path work) {
    this.bare = bare;
    this.work = work;
  }

  /** A new bare repository and a clone of it on {@code main}, both empty, under {@code dir}. */
  static GitRepos create(Path dir) {
    Path bare = dir.resolve("remote.git");
    Path work = dir.resolve("work");
    git(dir, "init", "--bare", "-q", "-b", "main", bare.toString());
    git(dir, "init", "-q", "-b", "main", work.toString());
    git(work, "remote", "add", "origin", bare.toUri().toString());
    return new GitRepos(bare, work);
  }

  /** A plain repository (no remote) in {@code dir}, for {@code tollgate run --git}. */
  static GitRepos local(Path dir) {
    git(dir.getParent(), "init", "-q", "-b", "main", dir.toString());
    return new GitRepos(null, dir);
  }

  /** The bare repository's URL, as the worker's remote setting names it. */
  String remoteUrl() {
    return bare.toUri().toString();
  }

  Path work() {
    return work;
  }

  /** Writes (or overwrites) a file of the work tree. */
  GitRepos write(String path, String content) {
    try {
      Path file = work.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits everything in the work tree; returns the new commit's full SHA. */
  String commit(String message) {
    git(work, "add", "-A");
    git(work, "commit", "-q", "--no-gpg-sign", "-m", message);
    return head();
  }

  /** Pushes the current branch to the bare repository's {@code branch}. */
  void push(String branch) {
    git(work, "push", "-q", "origin", "HEAD:refs/heads/" + branch);
  }

  /** Starts a new branch of the work tree at its current commit. */
  void branch(String name) {
    git(work, "checkout", "-q", "-b", name);
  }

  /** Switches the work tree to an existing branch. */
  void switchTo(String name) {
    git(work, "checkout", "-q", name);
  }

  String head() {
    return git(work, "rev-parse", "HEAD").out().strip();
  }

  private static ProcResult git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    ProcResult result = Commands.run(command, ENV, TIMEOUT);
    if (result.exitCode() != 0) throw new IllegalStateException("git failed: " + result);
    return result;
  }
}
