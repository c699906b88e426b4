package dev.tollgate.cli.worker;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.CommandLineSecrets;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.SecurityOptions;
import dev.tollgate.cli.common.SignalStop;
import dev.tollgate.cli.common.Version;
import dev.tollgate.worker.temporal.TemporalTarget;
import dev.tollgate.worker.temporal.WorkerQueueProperties;
import dev.tollgate.worker.temporal.WorkerQueues;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tollgate worker}: the worker app in the foreground, until Ctrl-C. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Run a worker: it executes pipelines and their stages.",
      "It runs in the foreground. Without an address (--address or $TEMPORAL_ADDRESS) it starts an embedded Temporal test"
          + " server that client commands in other terminals can reach.",
      "Stop it with Ctrl-C or SIGTERM. A worker started in the background (`tollgate worker &`)"
          + " by a script ignores SIGINT: stop that one with SIGTERM (kill PID)."
    })
public final class WorkerCommand extends CliCommand {

  @Option(
      names = "--address",
      paramLabel = "HOST:PORT",
      description =
          "Temporal server to work for (default: $TEMPORAL_ADDRESS; if unset, an embedded server).")
  String address;

  @Option(
      names = "--namespace",
      paramLabel = "NAME",
      description = "Temporal namespace (default: $TEMPORAL_NAMESPACE, else default).")
  String namespace;

  @Option(
      names = "--embedded-port",
      paramLabel = "PORT",
      description = "Port of the embedded server, when there is one (default: 7233; 0 = any free).")
  Integer embeddedPort;

  @Option(
      names = "--embedded-bind",
      paramLabel = "ADDRESS",
      description =
          "Address the embedded server listens on (default: $TOLLGATE_EMBEDDED_BIND, else"
              + " 127.0.0.1: this machine only). It has no TLS and no authentication: 0.0.0.0"
              + " lets anyone who reaches this machine start, read and approve runs.")
  String embeddedBind;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "Port of the worker's HTTP server: local serving (/v1/models, /v1/health) and Slack's"
              + " endpoint (default: $TOLLGATE_HTTP_PORT, else 8080; 0 = any free port, printed"
              + " when ready). /actuator has a port of its own: --management-port.")
  Integer httpPort;

  @Option(
      names = "--management-port",
      paramLabel = "PORT",
      description =
          "Port of /actuator (health with details, Prometheus metrics), on loopback unless"
              + " $TOLLGATE_MANAGEMENT_ADDRESS says otherwise (default: $TOLLGATE_MANAGEMENT_PORT,"
              + " else 8081; 0 = any free port, printed when ready).")
  Integer managementPort;

  @Option(
      names = "--http-address",
      paramLabel = "ADDRESS",
      description =
          "Address the HTTP port listens on (default: $TOLLGATE_HTTP_ADDRESS, else 127.0.0.1:"
              + " this machine only). 0.0.0.0 opens serving and Slack's endpoint to every network"
              + " this machine is on.")
  String httpAddress;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Folder for artifacts, the registry and events (default: .tollgate).")
  String home;

  @Option(
      names = "--registry-url",
      paramLabel = "JDBC_URL",
      description =
          "The model registry's database, e.g. jdbc:postgresql://db:5432/tollgate (default:"
              + " $TOLLGATE_REGISTRY_URL, else an H2 file under the home folder, for one process"
              + " at a time). No password here: $TOLLGATE_REGISTRY_USER and"
              + " $TOLLGATE_REGISTRY_PASSWORD.")
  String registryUrl;

  @Option(
      names = "--training-commands",
      description =
          "Run specs' own training commands (training.command) on this worker. A command is the"
              + " spec's code run as this worker's user, in its own process group under the home"
              + " folder (docs/training-contract.md); off by default (default:"
              + " $TOLLGATE_TRAINING_COMMANDS, else false).")
  boolean trainingCommands;

  @Option(
      names = "--training-containers",
      description =
          "Run specs' training.runner: container on this worker: the spec's image, run by this"
              + " host's docker (the CLI on PATH; DOCKER_HOST) as this worker's uid:gid, with no"
              + " network unless tollgate.training.containers.networks allows host"
              + " (docs/training-contract.md, \"In a container\"). Independent of"
              + " --training-commands; off by default (default: $TOLLGATE_TRAINING_CONTAINERS, else"
              + " false).")
  boolean trainingContainers;

  @Option(
      names = "--training-ray",
      description =
          "Submit specs' training.runner: ray as jobs to a Ray cluster's Jobs API (the spec's code"
              + " and Tollgate's launcher, inputs and results through the staging store every node"
              + " reaches; docs/training-contract.md, \"On a Ray cluster\"). A spec may only name a"
              + " cluster the worker allows. Independent of --training-commands; off by default"
              + " (default: $TOLLGATE_TRAINING_RAY, else false).")
  boolean trainingRay;

  @Option(
      names = "--ray-address",
      paramLabel = "URL",
      description =
          "The Ray dashboard (Jobs API) a spec without training.address goes to, e.g."
              + " http://ray-head:8265 (default: $TOLLGATE_RAY_ADDRESS, else"
              + " http://127.0.0.1:8265). More clusters a spec may pick:"
              + " $TOLLGATE_RAY_ALLOWED_ADDRESSES.")
  String rayAddress;

  @Option(
      names = "--queues",
      paramLabel = "NAME[,NAME...]",
      split = ",",
      description =
          "Task queues to poll (default: $TOLLGATE_WORKER_QUEUES, else pipeline). pipeline: the"
              + " workflows and every stage, training included. Any other name (letters, digits,"
              + " '.', '_', '-'; any case, folded to lower case) is a training queue: this worker"
              + " runs there only the training of runs whose spec says training.task_queue: NAME."
              + " --queues gpu alone makes a training-only worker (a GPU or Python machine): it"
              + " runs no workflow, and its artifact store must be the pipeline workers' (S3,"
              + " $TOLLGATE_ARTIFACTS). Example: --queues pipeline,gpu.")
  List<String> queues;

  @Mixin SecurityOptions security = new SecurityOptions();

  /** Called once the worker is ready; tests use it to reach the app and close it. */
  java.util.function.Consumer<ConfigurableApplicationContext> onReady = app -> {};

  @Override
  protected int execute() throws InterruptedException {
    PrintWriter out = out();
    AtomicReference<TemporalTarget> serving = new AtomicReference<>();
    SignalStop.install("worker", command.commandLine().getErr(), () -> consequence(serving.get()));
    ConfigurableApplicationContext app = WorkerLauncher.start(appArgs());
    CountDownLatch closed = new CountDownLatch(1);
    app.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) closed.countDown();
        });
    TemporalTarget target = app.getBean(TemporalTarget.class);
    serving.set(target);
    out.println("Tollgate worker ready: " + WorkerLauncher.describe(target));
    out.println("  HTTP: " + WorkerHttp.of(app.getEnvironment()).describe());
    out.println("  Queues: " + app.getBean(WorkerQueueProperties.class).parsed().describe());
    if (target.embedded()) {
      out.println(
          "  Client commands in other terminals: tollgate run --spec FILE --address "
              + target.address());
    }
    out.println("  Stop with Ctrl-C.");
    out.flush();
    onReady.accept(app);
    closed.await();
    return ExitCodes.OK;
  }

  /** What stopping now means for the work this worker holds. */
  private static String consequence(TemporalTarget target) {
    if (target == null) return "the worker had not started";
    return target.embedded()
        ? "the embedded Temporal server and its runs end with this process"
        : "stages in flight are abandoned; Temporal hands them to another worker when their"
            + " heartbeat or start-to-close timeout runs out";
  }

  /** Checked here, so a bad name is a usage error (2) rather than a failed start. */
  private List<String> queueNames() {
    try {
      return WorkerQueues.parse(queues).names();
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCodes.USAGE, "--queues: " + e.getMessage());
    }
  }

  List<String> appArgs() {
    List<String> args = new ArrayList<>();
    if (address != null) args.add("--tollgate.temporal.address=" + address);
    if (namespace != null) args.add("--tollgate.temporal.namespace=" + namespace);
    if (embeddedPort != null) args.add("--tollgate.temporal.embedded-port=" + embeddedPort);
    if (embeddedBind != null) args.add("--tollgate.temporal.embedded-bind=" + embeddedBind);
    if (httpPort != null) args.add("--server.port=" + httpPort);
    if (httpAddress != null) args.add("--server.address=" + httpAddress);
    if (managementPort != null) args.add("--management.server.port=" + managementPort);
    if (home != null) args.add("--tollgate.home=" + home);
    if (registryUrl != null) {
      args.add("--tollgate.registry.url=" + CommandLineSecrets.registryUrl(registryUrl));
    }
    if (queues != null) args.add("--tollgate.worker.queues=" + String.join(",", queueNames()));
    if (trainingCommands) args.add("--tollgate.training.commands-enabled=true");
    if (trainingContainers) args.add("--tollgate.training.containers.enabled=true");
    if (trainingRay) args.add("--tollgate.training.ray.enabled=true");
    if (rayAddress != null) args.add("--tollgate.training.ray.address=" + rayAddress);
    args.addAll(security.asAppArgs());
    return args;
  }
}
