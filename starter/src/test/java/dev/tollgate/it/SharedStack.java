package dev.tollgate.it;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Temporal dev server and one worker for the whole IT run, started by the first test class that
 * asks and stopped when JUnit ends (and by the shutdown hook if it does not get there). Test
 * classes that kill or restart things use their own worker (in their own namespace) or their own
 * server, so the shared ones stay untouched.
 *
 * <p>Namespaces: {@code default} for the shared worker; {@link #CRASH_NAMESPACE} for a test that
 * runs its own worker, so the shared worker never picks up its tasks.
 */
final class SharedStack implements BeforeAllCallback, AutoCloseable {
  static final String NAMESPACE = "default";
  static final String CRASH_NAMESPACE = "it-crash";

  /** For the guardian's own worker, killed between two ticks. */
  static final String GUARDIAN_NAMESPACE = "it-guardian";

  /** One per fault test class, each with its own worker (FaultIT's and the others). */
  static final String KILL_NAMESPACE = "it-kill";

  static final String S3_FAULT_NAMESPACE = "it-s3-fault";
  static final String DB_FAULT_NAMESPACE = "it-db-fault";
  static final String TWO_WORKERS_NAMESPACE = "it-two-workers";

  /** For the worker with an approval policy folder (ApprovalPolicyIT). */
  static final String POLICY_NAMESPACE = "it-policy";

  /** For NoWorkerApprovalIT, which stops its own worker while a run waits for approval. */
  static final String NO_WORKER_NAMESPACE = "it-no-worker";

  /** For the worker whose runs are cancelled, with a webhook receiver (CancelIT). */
  static final String CANCEL_NAMESPACE = "it-cancel";

  /** For the worker with training commands on (TrainingCommandIT). */
  static final String COMMANDS_NAMESPACE = "it-commands";

  /** For the worker killed and the run cancelled while a command runs (TrainingCommandKillIT). */
  static final String COMMAND_KILL_NAMESPACE = "it-command-kill";

  /** For QueueRoutingIT's two workers: a pipeline one and a gpu training one. */
  static final String ROUTE_NAMESPACE = "it-route";

  /** For ContainerTrainingIT's worker with training containers on. */
  static final String CONTAINER_NAMESPACE = "it-container";

  /** For ContainerTrainingKillIT's worker, SIGKILLed while its container trains. */
  static final String CONTAINER_KILL_NAMESPACE = "it-container-kill";

  /** For RayTrainingIT's worker with Ray training on. */
  static final String RAY_NAMESPACE = "it-ray";

  /** For RayTrainingFaultsIT's worker, training on the Ray cluster while it breaks. */
  static final String RAY_FAULTS_NAMESPACE = "it-ray-faults";

  /** For the worker with the GitHub webhook on (GitHubPushIT, GitHubPullRequestIT). */
  static final String GITHUB_NAMESPACE = "it-github";

  private static SharedStack instance;

  private final TemporalDevServer server;
  private final WorkerProcess worker;
  private final Path specDir;

  /** For JUnit's {@code @ExtendWith}; the real instance is {@link #get()}. */
  public SharedStack() {
    this.server = null;
    this.worker = null;
    this.specDir = null;
  }

  private SharedStack(TemporalDevServer server, WorkerProcess worker, Path specDir) {
    this.server = server;
    this.worker = worker;
    this.specDir = specDir;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(SharedStack.class, k -> start(), SharedStack.class);
  }

  /** The running stack; test classes get it after {@code @ExtendWith(SharedStack.class)}. */
  static synchronized SharedStack get() {
    if (instance == null) throw new IllegalStateException("use @ExtendWith(SharedStack.class)");
    return instance;
  }

  private static synchronized SharedStack start() {
    TemporalDevServer server =
        TemporalDevServer.start(
            "shared",
            CRASH_NAMESPACE,
            GUARDIAN_NAMESPACE,
            KILL_NAMESPACE,
            S3_FAULT_NAMESPACE,
            DB_FAULT_NAMESPACE,
            TWO_WORKERS_NAMESPACE,
            POLICY_NAMESPACE,
            NO_WORKER_NAMESPACE,
            CANCEL_NAMESPACE,
            COMMANDS_NAMESPACE,
            COMMAND_KILL_NAMESPACE,
            ROUTE_NAMESPACE,
            CONTAINER_NAMESPACE,
            CONTAINER_KILL_NAMESPACE,
            RAY_NAMESPACE,
            RAY_FAULTS_NAMESPACE,
            GITHUB_NAMESPACE);
    try {
      Path home = ItSettings.newWorkDir("shared-home");
      WorkerProcess worker = WorkerProcess.start("shared", server.address(), NAMESPACE, home);
      instance = new SharedStack(server, worker, ItSettings.newWorkDir("shared-specs"));
      return instance;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  TemporalDevServer server() {
    return server;
  }

  WorkerProcess worker() {
    return worker;
  }

  WorkerHome home() {
    return new WorkerHome(worker.home());
  }

  Cli cli() {
    return new Cli(server.address(), NAMESPACE);
  }

  /** The shared worker's registry, read through the CLI. */
  RegistryView registry() {
    return new RegistryView(cli());
  }

  /** Writes a spec (and its data) into the shared spec folder. */
  Path spec(ItSpecs.Spec spec) {
    return ItSpecs.write(specDir, spec);
  }

  @Override
  public synchronized void close() {
    if (worker != null) worker.close();
    if (server != null) server.close();
    instance = null;
  }
}
