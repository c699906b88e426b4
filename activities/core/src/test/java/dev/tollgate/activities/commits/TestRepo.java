package dev.tollgate.activities.commits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A repository made with the real git CLI: a work tree whose commits are pushed to a bare
 * repository at {@code <root>/remotes/<owner>/<name>.git}, which the tests' worker fetches from as
 * its configured remote ({@code file://<root>/remotes/{repository}.git}).
 */
final class TestRepo {
  static final String REPOSITORY = "acme/models";

  final Path root;
  final Path work;
  final Path bare;

  TestRepo(Path root) throws IOException, InterruptedException {
    this.root = root;
    this.work = Files.createDirectories(root.resolve("work"));
    this.bare = Files.createDirectories(root.resolve("remotes/acme/models.git"));
    git(bare, "init", "--bare", "--quiet");
    git(work, "init", "--quiet", "-b", "main");
    git(work, "remote", "add", "origin", bare.toString());
  }

  /** The remote setting: {@code file://<root>/remotes/{repository}.git}. */
  String remoteUrl() {
    return "file://" + root.resolve("remotes") + "/{repository}.git";
  }

  TestRepo write(String path, String text) throws IOException {
    Path file = work.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return this;
  }

  /** Commits everything and pushes the current branch; the commit's full SHA. */
  String commit(String message) throws IOException, InterruptedException {
    git(work, "add", "-A");
    git(
        work,
        "-c",
        "user.name=Ada Lovelace",
        "-c",
        "user.email=ada@example.com",
        "commit",
        "--quiet",
        "-m",
        message);
    git(work, "push", "--quiet", "origin", "HEAD");
    return git(work, "rev-parse", "HEAD").strip();
  }

  void branch(String name) throws IOException, InterruptedException {
    git(work, "checkout", "--quiet", "-b", name);
  }

  void checkout(String name) throws IOException, InterruptedException {
    git(work, "checkout", "--quiet", name);
  }

  static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IOException("git " + argv + " failed: " + out);
    return out;
  }
}
