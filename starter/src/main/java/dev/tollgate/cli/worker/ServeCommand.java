package dev.tollgate.cli.worker;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.DurationConverter;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.SignalStop;
import dev.tollgate.cli.common.Version;
import dev.tollgate.serve.ServeApplication;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tollgate serve}: the model server in the foreground, without Temporal, until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Serve deployed models over HTTP, in a process of its own.",
      "No Temporal and no worker needed: it answers the serving API (POST /v1/models/NAME/predict, GET /v1/models) for the models"
          + " deployed to one environment, reading the serving pointers under the home folder"
          + " (<home>/serving/<model>/current.json) and the models from the artifact store. Every"
          + " --poll-interval it looks at each pointer again and loads a new version at once, so"
          + " deploys, canaries and rollbacks reach it within about a second, with or without"
          + " traffic. Run as many as you like on the same home and store (replicas).",
      "GET /health: the process answers. GET /ready: 200 once every assigned model is loaded,"
          + " else 503 naming what is missing. Metrics: /actuator/prometheus on --management-port.",
      "A version whose artifact cannot be read or loaded leaves the previous one serving (logged,"
          + " counted in tollgate_serving_load_failures_total, tried again at the next poll).",
      "Turn the worker's own serving off where serve runs: TOLLGATE_SERVING_ENABLED=false and"
          + " TOLLGATE_SERVING_URL=<this server's URL> on the worker (docs/serving.md).",
      "Stop it with Ctrl-C or SIGTERM."
    })
public final class ServeCommand extends CliCommand {

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description =
          "Which environment's models: ${COMPLETION-CANDIDATES}, any case (default:"
              + " $TOLLGATE_SERVE_ENV, else production). production serves each model under its"
              + " own name; staging serves what a staging environment's deploy put there, under"
              + " <model>.staging, as the worker does (POST /v1/models/energy-load.staging/predict).")
  Environment env;

  /** The environments a serve serves (the CLI's own enum: core's is not the CLI's API). */
  enum Environment {
    PRODUCTION,
    STAGING
  }

  @Option(
      names = "--models",
      paramLabel = "NAME",
      split = ",",
      description =
          "Serve only these models (default: $TOLLGATE_SERVE_MODELS, else every model deployed to"
              + " the environment, found at each poll). A named model that is not deployed yet"
              + " keeps /ready at 503 and its predictions at 503 until it is.")
  List<String> models;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "The home folder whose serving pointers to follow: the workers' (default: $TOLLGATE_HOME,"
              + " else .tollgate).")
  String home;

  @Option(
      names = "--artifacts",
      paramLabel = "URI",
      description =
          "Where the models are: the workers' artifact store (default: $TOLLGATE_ARTIFACTS, else"
              + " <home>/artifacts). file:PATH or s3://bucket/prefix (S3 settings and credentials"
              + " as the worker's: $TOLLGATE_S3_*, the AWS SDK's default chain).")
  String artifacts;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description =
          "Port of the serving API (default: $TOLLGATE_SERVE_PORT, else 8090, beside the worker's"
              + " 8080; 0 = any free port, printed when ready).")
  Integer port;

  @Option(
      names = "--address",
      paramLabel = "ADDRESS",
      description =
          "Address the serving port listens on (default: $TOLLGATE_SERVE_ADDRESS, else 127.0.0.1:"
              + " this machine only). 0.0.0.0 opens it to every network this machine is on; the"
              + " API has no authentication (docs/security.md).")
  String address;

  @Option(
      names = "--management-port",
      paramLabel = "PORT",
      description =
          "Port of /actuator (health with details, Prometheus metrics), on loopback unless"
              + " $TOLLGATE_SERVE_MANAGEMENT_ADDRESS says otherwise (default:"
              + " $TOLLGATE_SERVE_MANAGEMENT_PORT, else 8091; 0 = any free port).")
  Integer managementPort;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How often to look at every pointer and load what changed, e.g. 500ms, 2s (default:"
              + " $TOLLGATE_SERVE_POLL_INTERVAL, else 500ms). Requests never read a pointer:"
              + " a deploy reaches this server at its next poll.")
  Duration pollInterval;

  /** Called once the server is ready; tests use it to reach the app and close it. */
  java.util.function.Consumer<ConfigurableApplicationContext> onReady = app -> {};

  @Override
  protected int execute() throws InterruptedException {
    PrintWriter out = out();
    SignalStop.install("serve", command.commandLine().getErr(), () -> "serving stops");
    ConfigurableApplicationContext app = start(appArgs());
    CountDownLatch closed = new CountDownLatch(1);
    app.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) closed.countDown();
        });
    WorkerHttp http = WorkerHttp.of(app.getEnvironment());
    out.println("Tollgate serve ready: " + ServeApplication.describe(app));
    out.println("  HTTP: " + http.describe());
    out.println("  Ready: " + http.serving().replaceAll("/v1/models$", "/ready"));
    out.println("  Stop with Ctrl-C.");
    out.flush();
    onReady.accept(app);
    closed.await();
    return ExitCodes.OK;
  }

  private static ConfigurableApplicationContext start(List<String> args) {
    try {
      return ServeApplication.start(args.toArray(String[]::new));
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) root = root.getCause();
      throw new CliFailure(ExitCodes.NOT_DONE, "serve did not start: " + root.getMessage(), e);
    }
  }

  List<String> appArgs() {
    List<String> args = new ArrayList<>();
    if (env != null) args.add("--tollgate.serve.env=" + env.name().toLowerCase(Locale.ROOT));
    if (models != null) {
      for (String m : models) {
        if (!dev.tollgate.spec.PipelineSpec.MODEL_NAME.matcher(m.strip()).matches()) {
          throw new CliFailure(
              ExitCodes.USAGE,
              "--models: "
                  + m
                  + " is not a model name (lower-case letters, digits, '.', '_', '-')");
        }
      }
      args.add("--tollgate.serve.models=" + String.join(",", models));
    }
    if (home != null) args.add("--tollgate.home=" + home);
    if (artifacts != null) args.add("--tollgate.artifacts.uri=" + artifacts);
    if (port != null) args.add("--server.port=" + port);
    if (address != null) args.add("--server.address=" + address);
    if (managementPort != null) args.add("--management.server.port=" + managementPort);
    if (pollInterval != null) {
      if (pollInterval.isZero() || pollInterval.isNegative()) {
        throw new CliFailure(ExitCodes.USAGE, "--poll-interval must be positive, e.g. 500ms");
      }
      args.add("--tollgate.serve.poll-interval=" + pollInterval.toMillis() + "ms");
    }
    return args;
  }
}
