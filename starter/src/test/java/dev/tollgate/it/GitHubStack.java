package dev.tollgate.it;

import dev.tollgate.adapters.github.FakeGitHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A worker with the GitHub webhook on, in its own namespace of the shared dev server, for the
 * GitHub ITs (one for the whole IT run, stopped when JUnit ends): its remote is a local bare
 * repository (file URL) with two specs under {@code specs/} and their data beside them, and its
 * GitHub is {@link FakeGitHub} on 127.0.0.1.
 */
final class GitHubStack implements BeforeAllCallback, AutoCloseable {
  static final String SECRET = "it-webhook-secret";
  static final String TOKEN = "it-github-token";
  static final String REPOSITORY = "acme/models";

  /** The two specs of the repository; each run trains a small catalogue model (no Python). */
  static final String MODEL_A = "gh-energy-a";

  static final String MODEL_B = "gh-energy-b";

  private static GitHubStack instance;

  private final FakeGitHub github;
  private final GitRepos repos;
  private final WorkerProcess worker;
  private final int httpPort;
  private final String initialCommit;

  /** For JUnit's {@code @ExtendWith}; the real instance is {@link #get()}. */
  public GitHubStack() {
    this(null, null, null, 0, null);
  }

  private GitHubStack(
      FakeGitHub github, GitRepos repos, WorkerProcess worker, int httpPort, String initial) {
    this.github = github;
    this.repos = repos;
    this.worker = worker;
    this.httpPort = httpPort;
    this.initialCommit = initial;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(GitHubStack.class, k -> start(), GitHubStack.class);
  }

  static synchronized GitHubStack get() {
    if (instance == null) throw new IllegalStateException("use @ExtendWith(GitHubStack.class)");
    return instance;
  }

  private static synchronized GitHubStack start() {
    TemporalDevServer server = SharedStack.get().server();
    FakeGitHub github;
    try {
      github = new FakeGitHub(TOKEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GitRepos repos = GitRepos.create(ItSettings.newWorkDir("github-repo"));
    Path specs = repos.work().resolve("specs");
    ItSpecs.write(specs, spec(MODEL_A, 20));
    ItSpecs.write(specs, spec(MODEL_B, 20));
    repos.write("README.md", "Models of acme.\n");
    String initial = repos.commit("two energy models");
    repos.push("main");
    int port = FreePorts.next();
    Map<String, String> env = new HashMap<>();
    env.put("TOLLGATE_HTTP_PORT", Integer.toString(port));
    env.put("TOLLGATE_GITHUB_ENABLED", "true");
    env.put("TOLLGATE_GITHUB_WEBHOOK_SECRET", SECRET);
    env.put("TOLLGATE_GITHUB_API_URL", github.apiUrl());
    env.put("TOLLGATE_GITHUB_TOKEN", TOKEN);
    env.put("TOLLGATE_GITHUB_BRANCHES", "main,release/*");
    env.put("TOLLGATE_GITHUB_SPEC_PATHS", "specs");
    env.put("TOLLGATE_GITHUB_REPOSITORIES", REPOSITORY);
    env.put("TOLLGATE_GITHUB_MAX_PAYLOAD", "64KB");
    // The worker's remote: this bare repository whatever the payload's clone_url says.
    env.put("TOLLGATE_GITHUB_REMOTE_URL", repos.remoteUrl());
    // Checkouts in a test folder, not in the folder the build started the worker in.
    env.put("TOLLGATE_GITHUB_CHECKOUTS", ItSettings.newWorkDir("github-checkouts").toString());
    env.put("TOLLGATE_OUTBOUND_ALLOWED_HOSTS", "127.0.0.1");
    try {
      WorkerProcess worker =
          WorkerProcess.start(
              "github",
              server.address(),
              SharedStack.GITHUB_NAMESPACE,
              ItSettings.newWorkDir("github-home"),
              env);
      instance = new GitHubStack(github, repos, worker, port, initial);
      return instance;
    } catch (RuntimeException e) {
      github.close();
      throw e;
    }
  }

  /** A small energy spec: a few seconds of training, production behind approval. */
  static ItSpecs.Spec spec(String model, int trees) {
    return ItSpecs.Spec.quick(model).size(1500, trees);
  }

  FakeGitHub github() {
    return github;
  }

  GitRepos repos() {
    return repos;
  }

  WorkerProcess worker() {
    return worker;
  }

  /** The commit both specs were added in, on main. */
  String initialCommit() {
    return initialCommit;
  }

  GitHubSender sender() {
    return new GitHubSender(httpPort, SECRET);
  }

  GitHubPayloads payloads() {
    return new GitHubPayloads(REPOSITORY, "https://github.com/" + REPOSITORY + ".git");
  }

  Cli cli() {
    return new Cli(SharedStack.get().server().address(), SharedStack.GITHUB_NAMESPACE);
  }

  TemporalDevServer server() {
    return SharedStack.get().server();
  }

  String hint() {
    return "Worker log (" + worker.log() + "):\n" + worker.tail();
  }

  @Override
  public synchronized void close() {
    if (worker != null) worker.close();
    if (github != null) github.close();
    instance = null;
  }
}
