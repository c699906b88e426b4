package dev.tollgate.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar tollgate.jar worker} as its own process, against a given server and namespace,
 * with its own home folder (registry, artifacts, events, serving) and a log file.
 */
final class WorkerProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final String name;
  private final String address;
  private final String namespace;
  private final Path home;
  private final Map<String, String> env;
  private BackgroundProcess process;

  private WorkerProcess(
      String name, String address, String namespace, Path home, Map<String, String> env) {
    this.name = name;
    this.address = address;
    this.namespace = namespace;
    this.home = home;
    this.env = env;
  }

  /** Starts a worker and waits until it says it is ready (it polls both task queues then). */
  static WorkerProcess start(String name, String address, String namespace, Path home) {
    return start(name, address, namespace, home, Map.of());
  }

  /**
   * The same, with settings from the environment (TOLLGATE_ARTIFACTS, TOLLGATE_REGISTRY_URL...).
   */
  static WorkerProcess start(
      String name, String address, String namespace, Path home, Map<String, String> env) {
    WorkerProcess worker = new WorkerProcess(name, address, namespace, home, env);
    worker.launch();
    return worker;
  }

  Path home() {
    return home;
  }

  Path log() {
    return ItSettings.logDir().resolve("worker-" + name + ".log");
  }

  /** Its process id: Temporal names a worker {@code pid@host}. */
  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The last lines of its log, for failure messages. */
  String tail() {
    return process == null ? "(not running)" : process.tail();
  }

  /** Its whole log so far (all its starts). */
  String logText() {
    return process == null ? "" : process.logText();
  }

  /** SIGKILL, as in a crash: no shutdown hook, no graceful end of running activities. */
  void kill() {
    process.kill();
  }

  /** A new process with the same home, server and namespace (same log file, appended). */
  void startAgain() {
    if (isAlive()) throw new IllegalStateException("worker " + name + " is still running");
    launch();
  }

  void stop() {
    if (process != null) process.stop(Duration.ofSeconds(20));
  }

  @Override
  public void close() {
    stop();
  }

  private void launch() {
    List<String> command =
        List.of(
            ItSettings.javaBin().toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-Xmx2g",
            "-jar",
            ItSettings.tollgateJar().toString(),
            "worker",
            "--address",
            address,
            "--namespace",
            namespace,
            "--home",
            home.toString());
    // Port 0: the worker's HTTP and management ports on any free one, so workers never clash.
    Map<String, String> all =
        new HashMap<>(Map.of("TOLLGATE_HTTP_PORT", "0", "TOLLGATE_MANAGEMENT_PORT", "0"));
    all.putAll(env);
    process = BackgroundProcess.start("worker-" + name, command, all, log());
    process.awaitLog("Tollgate worker ready", START_TIMEOUT);
  }
}
