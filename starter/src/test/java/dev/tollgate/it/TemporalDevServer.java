package dev.tollgate.it;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Temporal server: {@code temporal server start-dev} with a SQLite file, on free ports, with
 * Tollgate's search attributes registered. {@link #restart(Duration)} keeps the file and the ports,
 * as a server restart in production keeps its database and address.
 */
final class TemporalDevServer implements AutoCloseable {
  static final List<String> SEARCH_ATTRIBUTES =
      List.of(
          "TollgateModel=Keyword",
          "TollgateStage=Keyword",
          "TollgateOutcome=Keyword",
          "TollgateModelVersion=Int",
          "TollgateTrigger=Keyword",
          "TollgateCommit=Keyword");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final String name;
  private final Path cli;
  private final Path dbFile;
  private final List<String> namespaces;
  private final boolean registerSearchAttributes;
  private final int port = FreePorts.next();
  private final int uiPort = FreePorts.next();
  private final int httpPort = FreePorts.next();
  private final int metricsPort = FreePorts.next();
  private BackgroundProcess process;

  private TemporalDevServer(
      String name, Path dbFile, List<String> namespaces, boolean registerSearchAttributes) {
    this.name = name;
    this.registerSearchAttributes = registerSearchAttributes;
    this.cli = ItSettings.temporalCli();
    this.dbFile = dbFile;
    this.namespaces = List.copyOf(namespaces);
  }

  /**
   * Starts a server with a new database, Tollgate's search attributes registered and, besides
   * "default", the given namespaces.
   */
  static TemporalDevServer start(String name, String... namespaces) {
    return start(name, true, namespaces);
  }

  /**
   * As {@link #start(String, String...)}; with {@code registerSearchAttributes} false the server
   * starts without them, as a fresh cluster does, and the worker has to register them.
   */
  static TemporalDevServer start(
      String name, boolean registerSearchAttributes, String... namespaces) {
    for (int attempt = 1; ; attempt++) {
      Path db = ItSettings.newWorkDir("temporal-" + name).resolve("temporal.db");
      TemporalDevServer server =
          new TemporalDevServer(name, db, List.of(namespaces), registerSearchAttributes);
      try {
        server.launch();
        return server;
      } catch (IllegalStateException e) {
        // FreePorts finds ports free, but another process may bind one before the server does
        // (seen in CI: the HTTP API port). New ports, a new server: at most three times.
        server.close();
        if (attempt == 3 || !String.valueOf(e.getMessage()).contains("address already in use")) {
          throw e;
        }
      }
    }
  }

  /** "127.0.0.1:PORT", for --address. */
  String address() {
    return "127.0.0.1:" + port;
  }

  /** The web UI's base URL. */
  String uiUrl() {
    return "http://127.0.0.1:" + uiPort;
  }

  Path log() {
    return ItSettings.logDir().resolve("temporal-" + name + ".log");
  }

  Path cli() {
    return cli;
  }

  /**
   * Stops the server (SIGTERM), leaves it down for {@code downtime}, and starts it again on the
   * same database file and ports.
   */
  void restart(Duration downtime) {
    stop();
    BackgroundProcess.sleep(downtime);
    launch();
  }

  void stop() {
    if (process != null) process.stop(Duration.ofSeconds(20));
    process = null;
  }

  @Override
  public void close() {
    stop();
  }

  /** Runs a {@code temporal} client command against this server, e.g. workflow describe. */
  ProcResult temporal(String... args) {
    List<String> command = new ArrayList<>();
    command.add(cli.toString());
    command.addAll(List.of(args));
    command.addAll(List.of("--address", address()));
    return Commands.run(command, Map.of(), Duration.ofSeconds(60));
  }

  private void launch() {
    List<String> command = new ArrayList<>();
    command.addAll(List.of(cli.toString(), "server", "start-dev"));
    command.addAll(List.of("--db-filename", dbFile.toString(), "--ip", "127.0.0.1"));
    command.addAll(List.of("--port", String.valueOf(port), "--ui-port", String.valueOf(uiPort)));
    command.addAll(List.of("--http-port", String.valueOf(httpPort)));
    command.addAll(List.of("--metrics-port", String.valueOf(metricsPort)));
    if (registerSearchAttributes) {
      for (String attribute : SEARCH_ATTRIBUTES) {
        command.addAll(List.of("--search-attribute", attribute));
      }
    }
    for (String namespace : namespaces) command.addAll(List.of("--namespace", namespace));
    command.addAll(List.of("--log-level", "warn"));
    process = BackgroundProcess.start("temporal-" + name, command, Map.of(), log());
    awaitHealthy();
  }

  /** Every namespace answers, with the search attributes registered (at least in default). */
  private boolean namespacesReady() {
    ProcResult attributes =
        temporal("operator", "search-attribute", "list", "--command-timeout", "5s");
    if (attributes.exitCode() != 0) return false;
    if (registerSearchAttributes && !attributes.out().contains("TollgateModel")) return false;
    for (String namespace : namespaces) {
      ProcResult described =
          temporal("operator", "namespace", "describe", "-n", namespace, "--command-timeout", "5s");
      if (described.exitCode() != 0) return false;
    }
    return true;
  }

  private void awaitHealthy() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    ProcResult last = null;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the Temporal dev server exited while starting. " + process.tail());
      }
      last = temporal("operator", "cluster", "health", "--command-timeout", "5s");
      if (last.exitCode() == 0 && last.out().contains("SERVING") && namespacesReady()) return;
      BackgroundProcess.sleep(Duration.ofMillis(500));
    }
    throw new IllegalStateException(
        "the Temporal dev server at "
            + address()
            + " was not healthy within "
            + START_TIMEOUT.toSeconds()
            + " s; last check: "
            + last
            + "\n"
            + process.tail());
  }
}
