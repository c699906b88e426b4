package dev.tollgate.activities.train;

import dev.tollgate.activities.commits.GitProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The version of the code a training command ran, for the model's lineage: {@code git:<commit>}
 * (with {@code +dirty} when the work tree has changes) when {@code workdir} is in a git work tree,
 * else {@code sha256:<digest>} over its files' relative paths and contents. {@code git} runs as a
 * subprocess with a timeout and a clean environment (no {@code GIT_DIR} or hooks of the worker's
 * own shell leak in); without git on the worker, the digest is used.
 */
final class CodeVersion {
  private static final GitProcess GIT = new GitProcess(Duration.ofSeconds(10));

  /** Folders never part of the code's digest: a venv, caches and git's own files. */
  private static final List<String> SKIPPED =
      List.of(".git", ".venv", "venv", "__pycache__", ".ipynb_checkpoints", "node_modules");

  private CodeVersion() {}

  static String of(Path workdir) {
    String commit = git(workdir, "rev-parse", "HEAD");
    if (commit != null && commit.matches("[0-9a-f]{40,64}")) {
      String status = git(workdir, "status", "--porcelain", "--untracked-files=normal");
      return "git:" + commit + (status == null || !status.isEmpty() ? "+dirty" : "");
    }
    return "sha256:" + digest(workdir);
  }

  /** git's trimmed output, or {@code null} when it is not there, fails or takes too long. */
  private static String git(Path dir, String... args) {
    try {
      GitProcess.Result result = GIT.run(dir, args);
      return result.ok() ? result.out().trim() : null;
    } catch (GitProcess.GitFailure e) {
      return null; // no git on this worker, or it hung
    }
  }

  /** SHA-256 over each regular file's relative path and bytes, in path order. */
  static String digest(Path workdir) {
    try (Stream<Path> walk = Files.walk(workdir)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .filter(f -> !skipped(workdir.relativize(f)))
              .sorted()
              .toList();
      for (Path f : files) {
        sha.update(workdir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        try (InputStream in = Files.newInputStream(f)) {
          byte[] buf = new byte[65536];
          for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
        }
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the training code in " + workdir, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED.contains(part.toString())) return true;
    }
    return false;
  }
}
