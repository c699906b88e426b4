package dev.tollgate.activities.commits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits fetched from the configured remote into a bare cache repository per repository, and their
 * files laid out in a checkout folder per commit. Each commit is fetched into a ref of its own
 * ({@code refs/tollgate/<sha>}), so concurrent fetches never race on {@code FETCH_HEAD} and git's
 * garbage collection keeps what a checkout came from. One fetch per repository at a time in this
 * process; a checkout appears whole (extracted aside, then renamed) or not at all.
 */
public final class CommitCheckouts {
  private static final Logger log = LoggerFactory.getLogger(CommitCheckouts.class);
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  private final CheckoutSettings settings;
  private final GitProcess git;
  private final ConcurrentHashMap<Path, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final CheckoutPruner pruner;

  public CommitCheckouts(CheckoutSettings settings, GitProcess git) {
    this(settings, git, java.time.Clock.systemUTC());
  }

  CommitCheckouts(CheckoutSettings settings, GitProcess git, java.time.Clock clock) {
    this.settings = settings;
    this.git = git;
    this.pruner = new CheckoutPruner(settings.checkouts(), settings.retention(), clock);
  }

  public CheckoutSettings settings() {
    return settings;
  }

  /** A fetched commit: its bare cache repository (for diffs and logs) and its files. */
  public record Checkout(Path repository, Path files, String sha) {}

  /**
   * Fetches {@code sha} of {@code repository} and lays out its files.
   *
   * @throws CommitNotFound when the remote answers but has no such commit
   * @throws GitProcess.GitFailure when the remote cannot be reached (worth retrying)
   */
  public Checkout fetch(RepositoryName repository, String sha) {
    if (!SHA.matcher(sha).matches()) throw new CommitNotFound("not a full commit SHA");
    Path bare = settings.cache().resolve(repository.owner()).resolve(repository.name() + ".git");
    ReentrantLock lock = locks.computeIfAbsent(bare, b -> new ReentrantLock());
    lock.lock();
    try {
      init(bare);
      if (!has(bare, sha)) fetchCommit(bare, repository, sha);
      return new Checkout(bare, layOut(bare, sha), sha);
    } finally {
      lock.unlock();
    }
  }

  /** Fetches {@code sha} if it is not there yet; false when the remote has no such commit. */
  public boolean fetchIfAbsent(Checkout at, RepositoryName repository, String sha) {
    if (!SHA.matcher(sha).matches()) return false;
    if (has(at.repository(), sha)) return true;
    try {
      fetchCommit(at.repository(), repository, sha);
      return true;
    } catch (CommitNotFound e) {
      return false;
    }
  }

  /** Whether the cache repository holds commit {@code sha}. */
  public boolean has(Path bare, String sha) {
    return git.run(bare, "cat-file", "-e", sha + "^{commit}").ok();
  }

  private void init(Path bare) {
    if (Files.isDirectory(bare.resolve("objects"))) return;
    try {
      Files.createDirectories(bare);
    } catch (IOException e) {
      throw new GitProcess.GitFailure("cannot create the cache repository " + bare);
    }
    if (!git.run(bare, "init", "--bare", "--quiet").ok()) {
      throw new GitProcess.GitFailure("git init --bare failed in " + bare);
    }
  }

  private void fetchCommit(Path bare, RepositoryName repository, String sha) {
    String remote = settings.remoteOf(repository);
    long started = System.nanoTime();
    String ref = "+" + sha + ":refs/tollgate/" + sha;
    boolean fetched = git.run(bare, "fetch", "--quiet", "--no-tags", remote, ref).ok();
    if (!fetched) {
      // a server that refuses a commit by id still serves its branches (and GitHub's pull heads)
      if (!git.run(bare, "ls-remote", "--heads", remote).ok()) {
        throw new GitProcess.GitFailure(
            "cannot fetch from " + settings.shownRemoteOf(repository) + " (unreachable?)");
      }
      if (!git.run(bare, "fetch", "--quiet", "--no-tags", remote, "+refs/heads/*:refs/remotes/r/*")
          .ok()) {
        throw new GitProcess.GitFailure(
            "cannot fetch the branches of " + settings.shownRemoteOf(repository));
      }
      if (!has(bare, sha)) {
        throw new CommitNotFound(
            "the remote " + settings.shownRemoteOf(repository) + " has no commit " + sha);
      }
      git.run(bare, "update-ref", "refs/tollgate/" + sha, sha);
    }
    log.info(
        "fetched {} of {} from {} in {} ms",
        sha.substring(0, 7),
        repository,
        settings.shownRemoteOf(repository),
        (System.nanoTime() - started) / 1_000_000);
  }

  private Path layOut(Path bare, String sha) {
    Path target = settings.checkouts().resolve(sha);
    if (Files.isDirectory(target)) {
      pruner.touch(target);
      return target;
    }
    Path aside = settings.checkouts().resolve(".incoming-" + sha + "-" + System.nanoTime());
    Path tar = settings.checkouts().resolve(".incoming-" + sha + "-" + System.nanoTime() + ".tar");
    try {
      Files.createDirectories(aside);
      if (!git.run(bare, "archive", "--format=tar", "-o", tar.toString(), sha).ok()
          || !untar(tar, aside)) {
        throw new GitProcess.GitFailure("cannot lay out commit " + sha + " in " + target);
      }
      try {
        Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.FileAlreadyExistsException
          | java.nio.file.DirectoryNotEmptyException e) {
        Tree.delete(aside); // another worker thread laid it out first: same commit, same files
      }
      pruner.touch(target);
      pruner.maybePrune();
      return target;
    } catch (IOException e) {
      Tree.delete(aside);
      throw new GitProcess.GitFailure("cannot lay out commit " + sha + ": " + e.getMessage());
    } finally {
      Tree.delete(tar);
    }
  }

  private boolean untar(Path tar, Path into) {
    try {
      Process p =
          new ProcessBuilder("tar", "-xf", tar.toString(), "-C", into.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(settings.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The commit the remote does not have (or a SHA that is none). */
  public static final class CommitNotFound extends RuntimeException {
    public CommitNotFound(String message) {
      super(message);
    }
  }
}
